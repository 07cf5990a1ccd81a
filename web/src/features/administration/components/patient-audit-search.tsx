import { Alert, Button, Card, Group, NativeSelect, Pagination, Radio, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { hospitalTimeZone } from '@/config/hospital';
import { formatCalendarDay, formatDateTime, parseInstant, timeZoneName } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { hasAuditSubject, useAuditActions, useAuditLog, useDownloadAuditCsv, useFindPatients, type AuditFilter, type PatientMatch } from '../api/audit';
import { ProblemAlert } from '@/components/problem-alert';

/** An action code in words where the SPA knows it ("Patient searched (patient.searched)"), else the code itself. */
export function actionLabel(action: string, t: TFunction<'administration'>): string {
  const words = t(`audit.actionLabels.${action.replaceAll('.', '_')}`, { defaultValue: '' });
  return words ? `${words} (${action})` : action;
}

/**
 * "Who read or changed what, and when": optionally find a patient (by exact ID number or name), narrow by the person
 * who acted, the action and the days (in the hospital's zone), read the result a page at a time and export it as CSV.
 */
export function PatientAuditSearch(): ReactNode {
  const { t, i18n } = useTranslation('administration');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [patient, setPatient] = useState<PatientMatch | null>(null);
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [fromDay, setFromDay] = useState('');
  const [toDay, setToDay] = useState('');
  const [applied, setApplied] = useState<AuditFilter | null>(null);
  const [page, setPage] = useState(1);
  const find = useFindPatients();
  const actions = useAuditActions();
  const trail = useAuditLog(applied, page);
  const download = useDownloadAuditCsv();
  const draft: AuditFilter = { patientId: patient?.id ?? null, actor, action, fromDay, toDay };
  const badRange = Boolean(fromDay && toDay && toDay < fromDay);

  function findPatient(event: FormEvent): void {
    event.preventDefault();
    setPatient(null);
    find.mutate({ idNumber: idNumber.trim(), name: name.trim() });
  }

  function apply(filter: AuditFilter): void {
    setPage(1);
    setApplied(hasAuditSubject(filter) ? filter : null);
  }

  function search(event: FormEvent): void {
    event.preventDefault();
    if (!badRange) apply(draft);
  }

  return (
    <Card withBorder radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t('audit.patientTitle')}
        </Title>
        <form onSubmit={findPatient} aria-label={t('audit.findPatientForm')}>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('audit.idNumber')} value={idNumber} onChange={(event) => setIdNumber(event.currentTarget.value)} autoComplete="off" />
            <TextInput label={t('audit.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} autoComplete="off" />
            <Button type="submit" variant="light" loading={find.isPending} disabled={!idNumber.trim() && !name.trim()}>
              {t('audit.find')}
            </Button>
          </Group>
        </form>
        {find.isError && <ProblemAlert error={find.error} />}
        {find.data &&
          (find.data.length === 0 ? (
            <Text c="dimmed">{t('audit.noPatients')}</Text>
          ) : (
            <Radio.Group
              label={t('audit.choosePatient')}
              value={patient?.id ?? null}
              onChange={(value) => {
                const chosen = find.data.find((match) => match.id === value) ?? null;
                setPatient(chosen);
                apply({ ...draft, patientId: chosen?.id ?? null });
              }}
            >
              <Stack gap={4} mt="xs">
                {find.data.map((match) => (
                  <Radio
                    key={match.id}
                    value={match.id}
                    label={`${match.name} · ${match.maskedIdNumber} · ${formatCalendarDay(match.dateOfBirth, language)}`}
                  />
                ))}
              </Stack>
            </Radio.Group>
          ))}
        {patient && (
          <Group gap="sm">
            <Text size="sm">{t('audit.patientChosen', { name: patient.name })}</Text>
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => {
                setPatient(null);
                apply({ ...draft, patientId: null });
              }}
            >
              {t('audit.clearPatient')}
            </Button>
          </Group>
        )}

        <form onSubmit={search} aria-label={t('audit.filtersForm')}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('audit.actor')}
                description={t('audit.actorHint')}
                value={actor}
                onChange={(event) => setActor(event.currentTarget.value)}
                autoComplete="off"
              />
              <NativeSelect
                label={t('audit.action')}
                value={action}
                onChange={(event) => setAction(event.currentTarget.value)}
                data={[{ value: '', label: t('audit.anyAction') }, ...(actions.data ?? []).map((code) => ({ value: code, label: actionLabel(code, t) }))]}
              />
              <TextInput type="date" label={t('audit.fromDay')} value={fromDay} onChange={(event) => setFromDay(event.currentTarget.value)} />
              <TextInput
                type="date"
                label={t('audit.toDay')}
                value={toDay}
                onChange={(event) => setToDay(event.currentTarget.value)}
                error={badRange ? t('audit.badRange') : undefined}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              {t('audit.daysIn', { zone: timeZoneName(hospitalTimeZone(), language) })}
            </Text>
            <Group gap="sm">
              <Button type="submit" disabled={!hasAuditSubject(draft) || badRange}>
                {t('audit.search')}
              </Button>
              {!hasAuditSubject(draft) && (
                <Text size="sm" c="dimmed">
                  {t('audit.subjectNeeded')}
                </Text>
              )}
            </Group>
          </Stack>
        </form>

        {applied &&
          (trail.isPending ? (
            <Text c="dimmed">{t('audit.loading')}</Text>
          ) : trail.isError ? (
            <Alert color="red" role="alert">
              {t('loadError')} {problemMessage(trail.error, t)}
            </Alert>
          ) : (
            <Stack gap="sm">
              <Group justify="space-between" gap="sm">
                <Text size="sm" role="status">
                  {t('audit.total', { count: trail.data.total })}
                </Text>
                <Button variant="light" loading={download.isPending} disabled={trail.data.total === 0} onClick={() => download.mutate(applied)}>
                  {t('audit.exportCsv')}
                </Button>
              </Group>
              {trail.data.total > 10_000 && (
                <Text size="xs" c="dimmed">
                  {t('audit.exportCapped')}
                </Text>
              )}
              {download.isError && <ProblemAlert error={download.error} />}
              {trail.data.items.length === 0 ? (
                <Text c="dimmed">{t('audit.noEntries')}</Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('audit.when')}</Table.Th>
                        <Table.Th>{t('audit.who')}</Table.Th>
                        <Table.Th>{t('audit.what')}</Table.Th>
                        <Table.Th>{t('audit.from')}</Table.Th>
                        <Table.Th>{t('audit.detail')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {trail.data.items.map((line) => {
                        const at = parseInstant(line.at);
                        return (
                          <Table.Tr key={line.id}>
                            <Table.Td>{at ? formatDateTime(at, language) : line.at}</Table.Td>
                            <Table.Td>
                              {line.actorName ?? t('audit.system')}
                              {line.actorRoles ? ` (${line.actorRoles})` : ''}
                            </Table.Td>
                            <Table.Td>{actionLabel(line.action, t)}</Table.Td>
                            <Table.Td>{line.ipAddress ?? ''}</Table.Td>
                            <Table.Td>{line.detail ?? ''}</Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {trail.data.total > trail.data.pageSize && (
                <nav aria-label={t('audit.pagination.label')}>
                  <Pagination
                    total={Math.ceil(trail.data.total / trail.data.pageSize)}
                    value={page}
                    onChange={setPage}
                    getControlProps={(control) =>
                      control === 'previous'
                        ? { 'aria-label': t('audit.pagination.previous') }
                        : control === 'next'
                          ? { 'aria-label': t('audit.pagination.next') }
                          : {}
                    }
                    getItemProps={(item) => ({ 'aria-label': t('audit.pagination.page', { page: item }) })}
                  />
                </nav>
              )}
            </Stack>
          ))}
      </Stack>
    </Card>
  );
}
