import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDateTime, formatTimeIn } from '@/lib/date-time';
import { useHospitalTimeZone } from '@/lib/server-settings';
import { useCheckIn, useHandOver, type Scan } from '../api/health-code';

/** Who was scanned, and the one-tap actions of the scan's purpose: check in today's appointment, hand over medicine. */
export function ScanResult({ scan }: { scan: Scan }): ReactNode {
  const { t, i18n } = useTranslation('healthCode');
  const timeZone = useHospitalTimeZone();
  const en = i18n.language === 'en';
  const checkIn = useCheckIn(scan.scanId);
  const handOver = useHandOver(scan.scanId);
  return (
    <Card withBorder padding="lg" radius="md" data-testid="scan-result">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {scan.patientName}
          </Title>
          <Badge variant="light">{t(`purpose.${scan.purpose}`)}</Badge>
        </Group>
        <Text>
          {t('scan.ageSex', { age: scan.age, sex: t(`sex.${scan.sex}`) })}
          {scan.staticCode && ` · ${t('scan.printed')}`}
        </Text>
        <Text size="sm" c="dimmed">
          {en ? scan.facilityNameEn : scan.facilityName} · {scan.place}
        </Text>

        {scan.purpose === 'check-in' && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('scan.appointmentsToday')}
            </Title>
            {scan.appointments.length === 0 && <Text size="sm">{t('scan.noAppointments')}</Text>}
            {scan.appointments.map((a) => {
              const done = checkIn.data?.appointmentId === a.id || a.status === 'CheckedIn';
              return (
                <Group key={a.id} justify="space-between" wrap="wrap">
                  <Text size="sm">
                    {formatTimeIn(a.start, timeZone, i18n.language)} · {en ? a.departmentNameEn : a.departmentName} · {a.doctorName}
                  </Text>
                  {done ? (
                    <Badge color="green">{t('scan.checkedIn')}</Badge>
                  ) : (
                    <Button size="xs" disabled={!a.canCheckIn} loading={checkIn.isPending} onClick={() => checkIn.mutate(a.id)}>
                      {t('scan.checkIn')}
                    </Button>
                  )}
                </Group>
              );
            })}
            {checkIn.isError && <ProblemAlert error={checkIn.error} />}
          </Stack>
        )}

        {scan.purpose === 'pickup' && (
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('scan.readyForPickup')}
            </Title>
            {scan.pickups.length === 0 && <Text size="sm">{t('scan.noPickups')}</Text>}
            {scan.pickups.map((p) => {
              const done = handOver.variables === p.renewalId && handOver.isSuccess;
              return (
                <Group key={p.renewalId} justify="space-between" wrap="wrap">
                  <Stack gap={0}>
                    <Text size="sm" fw={500}>
                      {(en ? p.medicinesEn : p.medicines).join(', ')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {p.reference}
                      {p.dispensedAt && ` · ${formatDateTime(new Date(p.dispensedAt), i18n.language)}`}
                    </Text>
                  </Stack>
                  {done ? (
                    <Badge color="green">{t('scan.handedOver')}</Badge>
                  ) : (
                    <Button size="xs" loading={handOver.isPending && handOver.variables === p.renewalId} onClick={() => handOver.mutate(p.renewalId)}>
                      {t('scan.handOver')}
                    </Button>
                  )}
                </Group>
              );
            })}
            {handOver.isError && <ProblemAlert error={handOver.error} />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
