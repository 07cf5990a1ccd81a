import { Alert, Card, Center, Loader, Progress, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { healthCodeQueryKey, useHealthCode, type HealthCode } from '../api/health-code';

/** When the shown code runs out by this device's clock: the server's lifetime from the moment it arrived (clocks differ). */
function localExpiry(code: HealthCode, receivedAt: number): number {
  return receivedAt + (Date.parse(code.expiresAt) - Date.parse(code.issuedAt));
}

/** Ask for the next code this long before the current one runs out, so the desk never sees an expired one. */
const REFRESH_BEFORE_MS = 5_000;

/**
 * The patient's dynamic health code: a big QR that changes every minute with a countdown. Offline it keeps showing the
 * current code until its minute is up (a desk verifies it without the network), then says it needs a connection.
 */
export function DynamicCodeCard({ patientId, patientName }: { patientId: string; patientName: string }): ReactNode {
  const { t } = useTranslation('healthCode');
  const queryClient = useQueryClient();
  const code = useHealthCode(patientId);
  const [now, setNow] = useState(() => Date.now());
  const [shown, setShown] = useState<{ code: HealthCode; expiresAt: number } | null>(null);

  // Note: setState in an effect keyed on the fetched data: the moment of arrival fixes this device's expiry.
  useEffect(() => {
    if (!code.data) return;
    setShown({ code: code.data, expiresAt: localExpiry(code.data, code.dataUpdatedAt) });
    // The clock restarts with the new code: `now` from before it arrived would count more than its lifetime.
    setNow(Date.now());
  }, [code.data, code.dataUpdatedAt]);

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, []);

  const remainingMs = shown ? shown.expiresAt - now : 0;
  useEffect(() => {
    if (shown && remainingMs <= REFRESH_BEFORE_MS && !code.isFetching) {
      void queryClient.invalidateQueries({ queryKey: [...healthCodeQueryKey, patientId] });
    }
  }, [shown, remainingMs, code.isFetching, queryClient, patientId]);

  // Keep the screen on while the code is shown (where the browser allows it): desks scan a lit screen.
  useEffect(() => {
    let lock: { release: () => Promise<void> } | undefined;
    const wakeLock = (navigator as Navigator & { wakeLock?: { request: (type: 'screen') => Promise<{ release: () => Promise<void> }> } }).wakeLock;
    wakeLock
      ?.request('screen')
      .then((l) => {
        lock = l;
      })
      .catch(() => undefined);
    return () => void lock?.release().catch(() => undefined);
  }, []);

  if (!shown) {
    return code.isError ? (
      <ProblemAlert error={code.error} />
    ) : (
      <Center py="xl">
        <Loader role="status" aria-label={t('loading')} />
      </Center>
    );
  }

  const lifetime = shown.code.lifetimeSeconds;
  const seconds = Math.min(lifetime, Math.max(0, Math.ceil(remainingMs / 1000)));
  const expired = seconds === 0;
  return (
    <Card withBorder padding="lg" radius="md">
      <Stack align="center" gap="sm">
        <Text fw={600} size="lg">
          {patientName}
        </Text>
        <div style={{ background: 'white', padding: 12, opacity: expired ? 0.2 : 1 }} data-testid="health-code-qr" data-code={expired ? '' : shown.code.code}>
          <QRCodeSVG value={shown.code.code} size={240} level="M" marginSize={0} title={t('qrTitle', { name: patientName })} />
        </div>
        {expired ? (
          <Alert color="orange" role="status">
            {t('expiredOffline')}
          </Alert>
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              {t('refreshesIn', { seconds })}
            </Text>
            <Progress value={(seconds / lifetime) * 100} w="100%" aria-hidden />
          </>
        )}
        <Text size="xs" c="dimmed" ta="center">
          {t('brightHint')}
        </Text>
        {code.isError && !expired && (
          <Text size="xs" c="orange">
            {t('offline')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
