import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import type { OnDutyPharmacist } from '../api/get-pharmacy-queue';
import { useSetDuty } from '../api/set-duty';
import { formatInstant } from '@/lib/date-time';

/** Who is on duty now (domain rule 7), and the signed-in pharmacist's own on/off switch. */
export function DutyPanel({ onDuty, iAmOnDuty }: { onDuty: readonly OnDutyPharmacist[]; iAmOnDuty: boolean }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const setDuty = useSetDuty();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="duty-heading">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4" id="duty-heading">
            {t('pharmacy.duty')}
          </Title>
          <Button variant={iAmOnDuty ? 'default' : 'filled'} onClick={() => setDuty.mutate(!iAmOnDuty)} loading={setDuty.isPending}>
            {iAmOnDuty ? t('pharmacy.goOffDuty') : t('pharmacy.goOnDuty')}
          </Button>
        </Group>
        {onDuty.length === 0 ? (
          <Text c="dimmed">{t('pharmacy.nobodyOnDuty')}</Text>
        ) : (
          <List>
            {onDuty.map((p) => (
              <List.Item key={p.accountId}>{t('pharmacy.onDutySince', { name: p.name, time: formatInstant(p.since, i18n.language) })}</List.Item>
            ))}
          </List>
        )}
        {!iAmOnDuty && <Text size="sm">{t('pharmacy.dutyNeeded')}</Text>}
        {setDuty.isError && <Alert color="red" role="alert">{problemMessage(setDuty.error, t)}</Alert>}
      </Stack>
    </Card>
  );
}
