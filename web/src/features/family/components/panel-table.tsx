import { Alert, Anchor, Checkbox, Group, NativeSelect, Pagination, ScrollArea, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { problemMessage } from '@/lib/problem-message';
import { formatDate, formatDateTime, parseInstant } from '@/lib/date-time';
import { chronicConditions, panelFlags, panelSorts, riskLevels, usePanel, type PanelFlag, type PanelParams, type PanelPatient, type PanelSort, type RiskLevel } from '../api/get-panel';
import { Tag } from './tag';

const riskColors: Record<RiskLevel, string> = { Low: 'green', Medium: 'yellow', High: 'red' };

function paramsFrom(search: URLSearchParams): PanelParams {
  const sort = search.get('sort');
  const risk = search.get('risk');
  return {
    search: search.get('q') ?? undefined,
    condition: search.get('condition') ?? undefined,
    risk: (riskLevels as readonly string[]).includes(risk ?? '') ? (risk as RiskLevel) : undefined,
    flags: panelFlags.filter((flag) => search.get(flag) === 'true'),
    sort: (panelSorts as readonly string[]).includes(sort ?? '') ? (sort as PanelSort) : undefined,
    descending: search.get('desc') === 'true',
    page: Math.max(1, Number(search.get('page') ?? 1) || 1),
  };
}

function Flags({ patient }: { patient: PanelPatient }): ReactNode {
  const { t } = useTranslation('family');
  return (
    <Group gap={4}>
      {patient.openAlerts > 0 ? (
        <Tag color="red" variant="filled">
          {t('panel.badge.alert')}
        </Tag>
      ) : null}
      {patient.abnormalRecentReadings ? (
        <Tag color="orange">
          {t('panel.badge.abnormal')}
        </Tag>
      ) : null}
      {patient.followUpOverdue ? (
        <Tag color="grape">
          {t('panel.badge.overdue')}
        </Tag>
      ) : null}
      {patient.unreadMessages > 0 ? (
        <Tag color="blue">
          {t('panel.badge.unread', { count: patient.unreadMessages })}
        </Tag>
      ) : null}
      {patient.pendingRenewalRequests > 0 ? (
        <Tag color="teal">
          {t('panel.badge.renewals', { count: patient.pendingRenewalRequests })}
        </Tag>
      ) : null}
      {patient.contractRenewalRequested ? (
        <Tag color="cyan">
          {t('panel.badge.contractRenewal')}
        </Tag>
      ) : null}
    </Group>
  );
}

/** The signed patients: search, filters, sort and pages, all kept in the address so "back" returns here. */
export function PanelTable(): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [search, setSearch] = useSearchParams();
  const params = paramsFrom(search);
  const panel = usePanel(params);

  const update = (changes: Record<string, string | null>): void => {
    const next = new URLSearchParams(search);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setSearch(next, { replace: true });
  };

  const date = (value: string | null): string => {
    if (!value) return '—';
    const parsed = value.length === 10 ? new Date(`${value}T00:00:00+08:00`) : parseInstant(value);
    return parsed ? formatDate(parsed, language) : '—';
  };

  return (
    <Stack gap="md" component="section" aria-labelledby="panel-heading">
      <Title order={2} size="h3" id="panel-heading">
        {t('panel.patients')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
        <TextInput label={t('panel.search')} description={t('panel.searchHelp')} value={params.search ?? ''} onChange={(event) => update({ q: event.currentTarget.value })} />
        <NativeSelect
          label={t('panel.condition')}
          value={params.condition ?? ''}
          data={[{ value: '', label: t('panel.any') }, ...chronicConditions.map((value) => ({ value, label: t(`conditions.${value}`) }))]}
          onChange={(event) => update({ condition: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('panel.risk')}
          value={params.risk ?? ''}
          data={[{ value: '', label: t('panel.any') }, ...riskLevels.map((value) => ({ value, label: t(`risk.${value}`) }))]}
          onChange={(event) => update({ risk: event.currentTarget.value })}
        />
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <NativeSelect
            label={t('panel.sort')}
            value={params.sort ?? 'priority'}
            data={panelSorts.map((value) => ({ value, label: t(`panel.sorts.${value}`) }))}
            onChange={(event) => update({ sort: event.currentTarget.value === 'priority' ? null : event.currentTarget.value })}
            style={{ flex: 1 }}
          />
          <Switch label={t('panel.descending')} checked={params.descending ?? false} onChange={(event) => update({ desc: event.currentTarget.checked ? 'true' : null })} mb={6} />
        </Group>
      </SimpleGrid>
      <Checkbox.Group
        label={t('panel.show')}
        value={params.flags ?? []}
        onChange={(value) => update(Object.fromEntries(panelFlags.map((flag) => [flag, value.includes(flag) ? 'true' : null])))}
      >
        <Group gap="md" mt={4}>
          {panelFlags.map((flag: PanelFlag) => (
            <Checkbox key={flag} value={flag} label={t(`panel.flags.${flag}`)} />
          ))}
        </Group>
      </Checkbox.Group>

      {panel.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(panel.error, t)}
        </Alert>
      ) : null}
      {panel.data ? (
        <>
          <Text size="sm" role="status">
            {t('panel.count', { count: panel.data.total })}
          </Text>
          <ScrollArea type="auto">
            <Table striped highlightOnHover miw={760} aria-labelledby="panel-heading">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('panel.columns.name')}</Table.Th>
                  <Table.Th scope="col">{t('panel.columns.risk')}</Table.Th>
                  <Table.Th scope="col">{t('panel.columns.conditions')}</Table.Th>
                  <Table.Th scope="col">{t('panel.columns.nextFollowUp')}</Table.Th>
                  <Table.Th scope="col">{t('panel.columns.lastReading')}</Table.Th>
                  <Table.Th scope="col">{t('panel.columns.attention')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {panel.data.items.map((patient) => (
                  <Table.Tr key={patient.patientId}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={`/panel/patients/${patient.patientId}`}>
                        {patient.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t(`sex.${patient.sex}`)} · {t('age', { count: patient.age })}
                      </Text>
                    </Table.Th>
                    <Table.Td>
                      <Tag color={riskColors[patient.risk]}>
                        {t(`risk.${patient.risk}`)}
                      </Tag>
                    </Table.Td>
                    <Table.Td>{patient.conditions.map((c) => t(`conditions.${c}`)).join(language.startsWith('en') ? ', ' : '、') || '—'}</Table.Td>
                    <Table.Td c={patient.followUpOverdue ? 'red.9' : undefined} fw={patient.followUpOverdue ? 600 : undefined}>{date(patient.nextFollowUpOn)}</Table.Td>
                    <Table.Td>{patient.lastReadingAt ? formatDateTime(parseInstant(patient.lastReadingAt) ?? new Date(), language) : '—'}</Table.Td>
                    <Table.Td>
                      <Flags patient={patient} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          {panel.data.items.length === 0 ? <Text c="dimmed">{t('panel.empty')}</Text> : null}
          {panel.data.total > panel.data.pageSize ? (
            <Group component="nav" aria-label={t('panel.pagination.label')}>
            <Pagination
              total={Math.ceil(panel.data.total / panel.data.pageSize)}
              value={panel.data.page}
              onChange={(page) => update({ page: String(page) })}
              getControlProps={(control) => ({ 'aria-label': t(`panel.pagination.${control}`) })}
              getItemProps={(page) => ({ 'aria-label': t('panel.pagination.page', { page }) })}
            />
            </Group>
          ) : null}
        </>
      ) : panel.isPending ? (
        <Text>{t('loading')}</Text>
      ) : null}
    </Stack>
  );
}
