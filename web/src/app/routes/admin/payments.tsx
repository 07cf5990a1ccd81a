import { Badge, Button, Card, Group, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ProblemAlert } from '@/components/problem-alert';
import { useReconciliation, useRunReconciliation } from '@/features/payments/api/reconciliation';
import { formatInstant } from '@/lib/date-time';

const providers = ['WeChatPay', 'Alipay'];

/** Admin: the daily comparison of WeChat Pay's and Alipay's bills with the portal's payments, and what needs a look. */
export default function AdminPaymentsRoute(): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const overview = useReconciliation();
  const run = useRunReconciliation();
  const [provider, setProvider] = useState<string | null>('WeChatPay');
  const [date, setDate] = useState('');
  if (overview.isPending) return <PageLoader />;
  if (overview.isError) return <ProblemAlert error={overview.error} />;
  const money = (value: number | null): string => (value === null ? '—' : value.toFixed(2));
  return (
    <Page title={t('payments.title')} description={<Text c="dimmed">{t('payments.help')}</Text>}>
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          {run.isError && <ProblemAlert error={run.error} />}
          <Group align="end" wrap="wrap">
            <Select
              label={t('payments.provider')}
              data={providers.map((p) => ({ value: p, label: t(`payments.providers.${p}`) }))}
              value={provider}
              onChange={setProvider}
              allowDeselect={false}
            />
            <TextInput label={t('payments.date')} type="date" value={date} onChange={(event) => setDate(event.currentTarget.value)} />
            <Button disabled={!provider || !date} loading={run.isPending} onClick={() => provider && run.mutate({ provider, date })}>
              {t('payments.run')}
            </Button>
          </Group>
        </Stack>
      </Card>
      <Title order={2} size="h4">
        {t('payments.discrepancies')}
      </Title>
      {overview.data.discrepancies.length === 0 ? (
        <Text c="dimmed">{t('payments.none')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('payments.kind')}</Table.Th>
                <Table.Th>{t('payments.provider')}</Table.Th>
                <Table.Th>{t('payments.reference')}</Table.Th>
                <Table.Th>{t('payments.amounts')}</Table.Th>
                <Table.Th>{t('payments.found')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {overview.data.discrepancies.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Badge color={d.kind === 'LostCallback' ? 'blue' : 'orange'}>{t(`payments.kinds.${d.kind}`, { defaultValue: d.kind })}</Badge>
                  </Table.Td>
                  <Table.Td>{t(`payments.providers.${d.provider}`, { defaultValue: d.provider })}</Table.Td>
                  <Table.Td>
                    <Text size="sm" ff="monospace">
                      {d.providerReference}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t('payments.amountPair', { portal: money(d.portalAmount), provider: money(d.providerAmount) })}</Table.Td>
                  <Table.Td>{formatInstant(d.foundAt, i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Title order={2} size="h4">
        {t('payments.runs')}
      </Title>
      {overview.data.runs.length === 0 ? (
        <Text c="dimmed">{t('payments.noRuns')}</Text>
      ) : (
        <Stack gap={4}>
          {overview.data.runs.map((r) => (
            <Text key={`${r.provider}-${r.date}`} size="sm">
              {t('payments.runLine', { provider: t(`payments.providers.${r.provider}`, { defaultValue: r.provider }), date: r.date, lines: r.billLines, found: r.discrepancies })}
              {r.error && ` · ${t('payments.failed')}`}
            </Text>
          ))}
        </Stack>
      )}
    </Page>
  );
}
