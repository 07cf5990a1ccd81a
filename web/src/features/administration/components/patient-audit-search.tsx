import { Alert, Button, Card, Group, Pagination, Radio, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDay, formatDateTime, parseInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useFindPatients, usePatientAudit, type PatientMatch } from '../api/audit';

/** "Who saw this patient's data": find the patient (by exact ID number or name), then read their audit trail. */
export function PatientAuditSearch(): ReactNode {
  const { t, i18n } = useTranslation('administration');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const [idNumber, setIdNumber] = useState('');
  const [name, setName] = useState('');
  const [patient, setPatient] = useState<PatientMatch | null>(null);
  const [page, setPage] = useState(1);
  const find = useFindPatients();
  const trail = usePatientAudit(patient?.id ?? null, page);

  function submit(event: FormEvent): void {
    event.preventDefault();
    setPatient(null);
    setPage(1);
    find.mutate({ idNumber: idNumber.trim(), name: name.trim() });
  }

  return (
    <Card withBorder radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Title order={2} size="h4" id={headingId}>
          {t('audit.patientTitle')}
        </Title>
        <form onSubmit={submit}>
          <Group align="flex-end" gap="sm">
            <TextInput label={t('audit.idNumber')} value={idNumber} onChange={(event) => setIdNumber(event.currentTarget.value)} autoComplete="off" />
            <TextInput label={t('audit.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} autoComplete="off" />
            <Button type="submit" loading={find.isPending} disabled={!idNumber.trim() && !name.trim()}>
              {t('audit.find')}
            </Button>
          </Group>
        </form>
        {find.isError && (
          <Alert color="red" role="alert">
            {problemMessage(find.error, t)}
          </Alert>
        )}
        {find.data &&
          (find.data.length === 0 ? (
            <Text c="dimmed">{t('audit.noPatients')}</Text>
          ) : (
            <Radio.Group
              label={t('audit.choosePatient')}
              value={patient?.id ?? null}
              onChange={(value) => {
                setPage(1);
                setPatient(find.data.find((match) => match.id === value) ?? null);
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
        {patient &&
          (trail.isPending ? (
            <Text c="dimmed">{t('audit.loading')}</Text>
          ) : trail.isError ? (
            <Alert color="red" role="alert">
              {t('loadError')} {problemMessage(trail.error, t)}
            </Alert>
          ) : trail.data.items.length === 0 ? (
            <Text c="dimmed">{t('audit.noEntries')}</Text>
          ) : (
            <Stack gap="sm">
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
                          <Table.Td>{line.action}</Table.Td>
                          <Table.Td>{line.ipAddress ?? ''}</Table.Td>
                          <Table.Td>{line.detail ?? ''}</Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
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
