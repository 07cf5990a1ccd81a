import { Alert, Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, parseInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useEndContract } from '../api/end-contract';
import type { Contract, ContractStatus } from '../api/get-my-contracts';
import { useRequestRenewal } from '../api/request-renewal';
import { useWithdrawApplication } from '../api/withdraw-application';
import { localized } from '../lib/format';
import { ReasonForm } from './reason-form';
import { Tag } from './tag';

const statusColors: Record<ContractStatus, string> = {
  Pending: 'yellow',
  Active: 'green',
  Declined: 'red',
  Withdrawn: 'gray',
  Ended: 'gray',
  Expired: 'gray',
};

export function ContractStatusBadge({ status }: { status: ContractStatus }): ReactNode {
  const { t } = useTranslation('family');
  return (
    <Tag color={statusColors[status]}>
      {t(`contract.status.${status}`)}
    </Tag>
  );
}

function date(value: string | null, language: string): string {
  const parsed = value ? parseInstant(value) : null;
  return parsed ? formatDate(parsed, language) : '';
}

/** The patient's current contract: its state, period and renewal, and what they can do with it. */
export function ContractCard({ contract }: { contract: Contract }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const withdraw = useWithdrawApplication();
  const renew = useRequestRenewal();
  const end = useEndContract();
  const [ending, setEnding] = useState(false);
  const team = localized(contract.team.name, contract.team.nameEn, language);

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="current-contract">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3" id="current-contract">
            {t('contract.current')}
          </Title>
          <ContractStatusBadge status={contract.status} />
        </Group>
        <Text fw={600}>{team}</Text>
        <Text>{t('contract.package', { name: localized(contract.package.name, contract.package.nameEn, language) })}</Text>
        {contract.status === 'Pending' ? (
          <>
            <Text c="dimmed">{t('contract.pendingHelp', { date: date(contract.appliedAt, language) })}</Text>
            {withdraw.error ? (
              <Alert color="red" role="alert">
                {problemMessage(withdraw.error, t)}
              </Alert>
            ) : null}
            <Group>
              <Button variant="default" loading={withdraw.isPending} onClick={() => withdraw.mutate(contract.id)}>
                {t('contract.withdraw')}
              </Button>
            </Group>
          </>
        ) : null}
        {contract.inForce ? (
          <>
            <List spacing={4} size="sm">
              <List.Item>{t('contract.period', { start: date(contract.startsAt, language), end: date(contract.endsAt, language) })}</List.Item>
              <List.Item>{t('contract.renewalOpens', { date: date(contract.renewalOpensAt, language) })}</List.Item>
            </List>
            {contract.renewalRequestedAt ? (
              <Alert color="blue" role="status">
                {t('contract.renewalRequested', { date: formatDateTime(parseInstant(contract.renewalRequestedAt) ?? new Date(), language) })}
              </Alert>
            ) : null}
            {renew.error || end.error ? (
              <Alert color="red" role="alert">
                {problemMessage(renew.error ?? end.error, t)}
              </Alert>
            ) : null}
            {ending ? (
              <ReasonForm
                label={t('contract.endReason')}
                submitLabel={t('contract.endConfirm')}
                pending={end.isPending}
                error={null}
                onCancel={() => setEnding(false)}
                onSubmit={(reason) => end.mutate({ contractId: contract.id, reason }, { onSuccess: () => setEnding(false) })}
              />
            ) : (
              <Group gap="sm">
                {contract.canRequestRenewal ? (
                  <Button loading={renew.isPending} onClick={() => renew.mutate(contract.id)}>
                    {t('contract.renew')}
                  </Button>
                ) : null}
                <Button variant="default" color="red" onClick={() => setEnding(true)}>
                  {t('contract.end')}
                </Button>
              </Group>
            )}
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

/** One past contract in the history list. */
export function PastContract({ contract }: { contract: Contract }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const reason = contract.declineReason ?? contract.endReason;
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={600}>{localized(contract.team.name, contract.team.nameEn, language)}</Text>
        <ContractStatusBadge status={contract.status} />
      </Group>
      <Text size="sm" c="dimmed">
        {contract.startsAt
          ? t('contract.period', { start: date(contract.startsAt, language), end: date(contract.endedAt ?? contract.endsAt, language) })
          : t('contract.appliedOn', { date: date(contract.appliedAt, language) })}
      </Text>
      {reason ? <Text size="sm">{t('contract.reason', { reason })}</Text> : null}
    </Card>
  );
}
