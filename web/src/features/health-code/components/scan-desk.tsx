import { Button, Group, PasswordInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { scanPurposes, useScan, type ScanPurpose } from '../api/health-code';
import { ScanResult } from './scan-result';

const CameraScanner = lazy(() => import('./camera-scanner').then((m) => ({ default: m.CameraScanner })));

const PLACE_KEY = 'ih.scanPlace';

function storedPlace(): string {
  try {
    return window.localStorage.getItem(PLACE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * The desk's scanner: a handheld scanner types the code into the field and presses Enter; a phone opens its camera.
 * A printed code (HCS:…) asks for the patient's PIN. Refusals are shown in the user's language.
 */
export function ScanDesk({ purposes, defaultPurpose }: { purposes: readonly ScanPurpose[]; defaultPurpose: ScanPurpose }): ReactNode {
  const { t } = useTranslation('healthCode');
  const [purpose, setPurpose] = useState<ScanPurpose>(defaultPurpose);
  const [place, setPlace] = useState(storedPlace);
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [camera, setCamera] = useState(false);
  const scan = useScan();
  const codeField = useRef<HTMLInputElement>(null);
  const printed = code.trim().startsWith('HCS:');

  const submit = useCallback(
    (value: string) => {
      const trimmed = value.trim();
      if (!trimmed || !place.trim()) return;
      try {
        window.localStorage.setItem(PLACE_KEY, place.trim());
      } catch {
        // Note: without storage the place is simply asked for again next time.
      }
      scan.mutate({ code: trimmed, pin: pin || undefined, purpose, place: place.trim() }, { onSuccess: () => { setPin(''); setCode(''); } });
    },
    [pin, place, purpose, scan],
  );

  // Note: a handheld scanner types wherever the focus is, so the field takes it back after each scan (on arrival the
  // layout gives focus to the page for screen readers; the desk clicks into the field once).
  useEffect(() => {
    codeField.current?.focus();
  }, [scan.data, scan.error]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit(code);
  };

  const onCameraCode = useCallback(
    (value: string) => {
      setCamera(false);
      setCode(value);
      if (!value.startsWith('HCS:')) submit(value);
    },
    [submit],
  );

  return (
    <Stack gap="md">
      <form onSubmit={onSubmit}>
        <Stack gap="sm">
          <SegmentedControl
            value={purpose}
            onChange={setPurpose}
            data={scanPurposes.filter((p) => purposes.includes(p)).map((p) => ({ value: p, label: t(`purpose.${p}`) }))}
            fullWidth
          />
          <TextInput label={t('scan.place')} placeholder={t('scan.placeHint')} value={place} onChange={(e) => setPlace(e.currentTarget.value)} required />
          <TextInput
            label={t('scan.code')}
            description={t('scan.codeHint')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            ref={codeField}
            autoComplete="off"
            data-testid="scan-code-input"
          />
          {printed && (
            <PasswordInput label={t('scan.pin')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" maxLength={6} />
          )}
          <Group gap="sm">
            <Button type="submit" loading={scan.isPending} disabled={!code.trim() || !place.trim()}>
              {t('scan.identify')}
            </Button>
            <Button variant="light" onClick={() => setCamera(true)} disabled={camera || !place.trim()}>
              {t('scan.openCamera')}
            </Button>
          </Group>
        </Stack>
      </form>
      {camera && (
        <Suspense fallback={null}>
          <CameraScanner onCode={onCameraCode} onClose={() => setCamera(false)} />
        </Suspense>
      )}
      {scan.isError && <ProblemAlert error={scan.error} />}
      {scan.data && !scan.isError && <ScanResult key={scan.data.scanId} scan={scan.data} />}
    </Stack>
  );
}
