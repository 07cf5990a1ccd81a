import { Button, Card, Group, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { searchPatients } from '../api/emergency';
import type { EmergencyCase, PatientMatch } from '../api/schemas';
import { enqueueCrewWrite } from '../lib/crew-queue';
import { patientLabel } from './parts';

/** A camera scanner the app composes in (the health-code feature's): calls onCode with what it read. */
export type ScannerSlot = (props: { onCode: (code: string) => void; onClose: () => void }) => ReactNode;

/** Who the patient is: health code (camera or typed), ID number (or a search of the records), or unknown. */
export function CrewPatient({ caseId, current, Scanner }: { caseId: string; current: EmergencyCase | undefined; Scanner: ScannerSlot }): ReactNode {
  const { t } = useTranslation('emergency');
  const [method, setMethod] = useState<'HealthCode' | 'IdNumber' | 'Unknown'>('HealthCode');
  const [scanning, setScanning] = useState(false);
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [matches, setMatches] = useState<PatientMatch[] | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [sex, setSex] = useState<string>('');
  const [age, setAge] = useState<number | string>('');
  const [description, setDescription] = useState('');
  const [saved, setSaved] = useState(false);

  const save = async (payload: object) => {
    await enqueueCrewWrite(caseId, 'patient', payload);
    setSaved(true);
    setMatches(null);
  };

  const search = async () => {
    setSearchError(null);
    try {
      setMatches(await searchPatients(idNumber.trim()));
    } catch (error) {
      setSearchError(error);
    }
  };

  return (
    <Stack gap="md">
      {current && (
        <Card withBorder padding="md">
          <Text size="sm" c="dimmed">
            {t('patient.current')}
          </Text>
          <Text fw={700} size="lg" data-testid="crew-patient">
            {patientLabel(current.patient, t)}
          </Text>
        </Card>
      )}
      <SegmentedControl
        fullWidth
        size="lg"
        value={method}
        onChange={(value) => {
          setMethod(value);
          setSaved(false);
        }}
        data={[
          { value: 'HealthCode', label: t('patient.byHealthCode') },
          { value: 'IdNumber', label: t('patient.byIdNumber') },
          { value: 'Unknown', label: t('patient.unknown') },
        ]}
      />
      {method === 'HealthCode' && (
        <Stack gap="sm">
          {scanning ? (
            <Scanner
              onCode={(value) => {
                setScanning(false);
                setCode(value);
              }}
              onClose={() => setScanning(false)}
            />
          ) : (
            <Button size="xl" variant="filled" onClick={() => setScanning(true)}>
              {t('patient.scan')}
            </Button>
          )}
          <TextInput size="lg" label={t('patient.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} autoComplete="off" />
          <TextInput size="lg" label={t('patient.pin')} description={t('patient.pinHint')} value={pin} onChange={(e) => setPin(e.currentTarget.value)} inputMode="numeric" />
          <Button size="xl" disabled={!code.trim()} onClick={() => void save({ method: 'HealthCode', code: code.trim(), pin: pin.trim() || undefined })}>
            {t('patient.identify')}
          </Button>
        </Stack>
      )}
      {method === 'IdNumber' && (
        <Stack gap="sm">
          <TextInput size="lg" label={t('patient.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.currentTarget.value)} autoComplete="off" />
          <Group grow>
            <Button size="xl" variant="light" disabled={!idNumber.trim()} onClick={() => void search()}>
              {t('patient.search')}
            </Button>
            <Button size="xl" disabled={!idNumber.trim()} onClick={() => void save({ method: 'IdNumber', idNumber: idNumber.trim() })}>
              {t('patient.identify')}
            </Button>
          </Group>
          {searchError !== null && <ProblemAlert error={searchError} />}
          {matches?.length === 0 && <Text>{t('patient.noMatch')}</Text>}
          {matches?.map((match) => (
            <Button key={match.patientId} size="xl" variant="outline" onClick={() => void save({ method: 'Patient', patientId: match.patientId })}>
              {[match.name, match.sex ? t(`sex.${match.sex}`, { defaultValue: match.sex }) : '', match.age !== null ? t('age', { count: match.age }) : '', match.maskedIdNumber ?? '']
                .filter(Boolean)
                .join(' · ')}
            </Button>
          ))}
        </Stack>
      )}
      {method === 'Unknown' && (
        <Stack gap="sm">
          <SegmentedControl
            fullWidth
            size="lg"
            value={sex}
            onChange={setSex}
            aria-label={t('patient.sex')}
            data={[
              { value: '', label: t('patient.sexNotKnown') },
              { value: 'Male', label: t('sex.Male') },
              { value: 'Female', label: t('sex.Female') },
            ]}
          />
          <NumberInput size="lg" label={t('patient.estimatedAge')} description={t('limits.range', { min: 0, max: 120, unit: '' })} min={0} max={120} value={age} onChange={setAge} />
          <Textarea size="lg" label={t('patient.description')} maxLength={500} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          <Button
            size="xl"
            onClick={() =>
              void save({
                method: 'Unknown',
                sex: sex || null,
                estimatedAge: age === '' ? null : Number(age),
                description: description.trim() || null,
              })
            }
          >
            {t('patient.saveUnknown')}
          </Button>
        </Stack>
      )}
      {saved && (
        <Text c="teal" fw={700} role="status">
          {t('saved')}
        </Text>
      )}
    </Stack>
  );
}
