import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyRenewals } from '../api/get-my-renewals';
import { drugName } from '../lib/format';
import { RenewalStatusBadge } from './renewal-status-badge';
import { formatInstant } from '@/lib/date-time';

/** The patient's renewal requests, newest first, each leading to its page; `namePatient`: say whose (an account acting for several people). */
export function MyRenewalsList({ patientId, namePatient = false }: { patientId: string | undefined; namePatient?: boolean }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const renewals = useMyRenewals(patientId);
  return (
    <Stack component="section" aria-labelledby="my-renewals-heading" gap="sm">
      <Title order={2} size="h3" id="my-renewals-heading">
        {t('medications.requests')}
      </Title>
      {renewals.data?.length === 0 && <Text c="dimmed">{t('medications.noRequests')}</Text>}
      {renewals.data?.map((renewal) => (
        <Card key={renewal.id} withBorder radius="md" padding="md">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2}>
              <Anchor component={Link} to={`/renewals/${renewal.id}`} fw={600}>
                {t('medications.openRequest', { reference: renewal.reference })}
              </Anchor>
              {namePatient && renewal.patientName && <Text size="sm" fw={600}>{t('medications.forPatient', { name: renewal.patientName })}</Text>}
              <Text size="sm">{renewal.items.map((item) => `${drugName(i18n.language, item.drugName, item.drugNameEn)} ${item.strength}`).join(', ')}</Text>
              <Text size="sm" c="dimmed">
                {t('detail.submittedAt', { time: formatInstant(renewal.submittedAt, i18n.language) })}
              </Text>
            </Stack>
            <RenewalStatusBadge summary={renewal} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
