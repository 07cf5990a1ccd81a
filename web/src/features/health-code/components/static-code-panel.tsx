import { Alert, Button, Card, Group, PinInput, Stack, Text, Title } from '@mantine/core';
import { QRCodeSVG } from 'qrcode.react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime } from '@/lib/date-time';
import { useIssueStaticCode, useRevokeStaticCode, useSetPin, type HealthCode, type StaticHealthCode } from '../api/health-code';

/**
 * The printed code for someone without a phone: set a 6-digit PIN first (the printed code works only with it), then
 * print. The code is shown once; printing again revokes the old card. An SMS code instead of the PIN is issue 21.
 */
export function StaticCodePanel({ patientId, code }: { patientId: string; code: HealthCode }): ReactNode {
  const { t, i18n } = useTranslation('healthCode');
  const [pin, setPin] = useState('');
  const [printed, setPrinted] = useState<StaticHealthCode | null>(null);
  const setPinMutation = useSetPin(patientId);
  const issue = useIssueStaticCode(patientId);
  const revoke = useRevokeStaticCode(patientId);

  return (
    <Card withBorder padding="lg" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('static.title')}
        </Title>
        <Text size="sm">{t('static.description')}</Text>
        {code.pinLocked && (
          <Alert color="red" role="alert">
            {t('static.locked')}
          </Alert>
        )}
        <Text size="sm" fw={500} id="pin-label">
          {code.hasPin ? t('static.changePin') : t('static.setPin')}
        </Text>
        <Group gap="sm" wrap="wrap">
          <PinInput length={6} type="number" mask value={pin} onChange={setPin} aria-labelledby="pin-label" />
          <Button
            disabled={pin.length !== 6}
            loading={setPinMutation.isPending}
            onClick={() => setPinMutation.mutate(pin, { onSuccess: () => setPin('') })}
          >
            {t('static.savePin')}
          </Button>
        </Group>
        {setPinMutation.isSuccess && (
          <Text size="sm" c="green" role="status">
            {t('static.pinSaved')}
          </Text>
        )}
        {setPinMutation.isError && <ProblemAlert error={setPinMutation.error} />}
        {code.staticCodeIssuedAt && (
          <Text size="sm" c="dimmed">
            {t('static.issuedAt', { when: formatDateTime(new Date(code.staticCodeIssuedAt), i18n.language) })}
          </Text>
        )}
        <Group gap="sm">
          <Button variant="light" disabled={!code.hasPin} loading={issue.isPending} onClick={() => issue.mutate(undefined, { onSuccess: setPrinted })}>
            {code.staticCodeIssuedAt ? t('static.reprint') : t('static.print')}
          </Button>
          {code.staticCodeIssuedAt && (
            <Button variant="subtle" color="red" loading={revoke.isPending} onClick={() => revoke.mutate(undefined, { onSuccess: () => setPrinted(null) })}>
              {t('static.revoke')}
            </Button>
          )}
        </Group>
        {issue.isError && <ProblemAlert error={issue.error} />}
        {revoke.isError && <ProblemAlert error={revoke.error} />}
        {printed && (
          <Stack align="center" gap="xs" className="printable-health-code">
            <Text fw={600}>{printed.patientName}</Text>
            <div style={{ background: 'white', padding: 12 }}>
              <QRCodeSVG value={printed.code} size={200} level="M" marginSize={0} title={t('static.qrTitle', { name: printed.patientName })} />
            </div>
            <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {printed.code}
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              {t('static.printHint')}
            </Text>
            <Button onClick={() => window.print()}>{t('static.printNow')}</Button>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
