import { Badge, Button, Card, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDay } from '@/lib/date-time';
import { useEndPatientAccess } from '../api/end-patient-access';
import { usePatientAccess, type PatientAccess } from '../api/find-patient-access';
import { ScopeList } from './scope-list';
import { ProblemAlert } from '@/components/problem-alert';

/** (System administrators) find who may act for a patient, and end a relation (court order, abuse), with a reason. */
export function PatientAccessAdmin(): ReactNode {
  const { t, i18n } = useTranslation('familyMembers');
  const [input, setInput] = useState('');
  const [patientId, setPatientId] = useState('');
  const access = usePatientAccess(patientId);
  const end = useEndPatientAccess();
  const [ending, setEnding] = useState<PatientAccess[number] | null>(null);
  const [reason, setReason] = useState('');

  const search = (event: FormEvent): void => {
    event.preventDefault();
    setPatientId(input.trim());
  };

  return (
    <Stack gap="md">
      <form onSubmit={search} role="search" aria-label={t('admin.search')}>
        <Group align="flex-end" gap="xs">
          <TextInput label={t('admin.patientId')} value={input} onChange={(event) => setInput(event.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
          <Button type="submit" disabled={!input.trim()}>
            {t('admin.search')}
          </Button>
        </Group>
      </form>
      {access.isError && <ProblemAlert error={access.error} />}
      {access.data?.length === 0 && <Text c="dimmed">{t('admin.none')}</Text>}
      {access.data?.map((entry) => (
        <Card key={entry.accessId} withBorder radius="md" padding="sm" component="article" aria-label={entry.accountName}>
          <Stack gap={6}>
            <Group justify="space-between">
              <Text fw={600}>{entry.accountName}</Text>
              <Badge c="dark.8" variant="light" color={entry.endedAt ? 'gray' : 'green'}>
                {entry.endedAt ? t('admin.ended') : t('status.active')}
              </Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t(`relationship.${entry.relationship}`, { defaultValue: entry.relationship })}
              {entry.relation && ` · ${t(`relation.${entry.relation}`, { defaultValue: entry.relation })}`}
              {entry.patientName && ` · ${entry.patientName}`}
            </Text>
            <ScopeList scopes={entry.scopes} />
            {entry.endReason && <Text size="sm">{t('admin.endedBecause', { reason: entry.endReason })}</Text>}
            {entry.accessEndsOn && <Text size="sm">{t('members.endsOn', { date: formatCalendarDay(entry.accessEndsOn, i18n.language) })}</Text>}
            {!entry.endedAt && (
              <Group>
                <Button size="xs" color="red" variant="outline" onClick={() => setEnding(entry)} aria-label={t('admin.endName', { name: entry.accountName })}>
                  {t('admin.end')}
                </Button>
              </Group>
            )}
          </Stack>
        </Card>
      ))}
      <Modal opened={ending !== null} onClose={() => setEnding(null)} title={t('admin.endTitle')} centered>
        {ending && (
          <Stack gap="sm">
            <Text>{t('admin.endConfirm', { name: ending.accountName })}</Text>
            <Textarea label={t('admin.reason')} required value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} />
            {end.isError && <ProblemAlert error={end.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEnding(null)}>
                {t('cancel')}
              </Button>
              <Button
                color="red"
                disabled={!reason.trim()}
                loading={end.isPending}
                onClick={() =>
                  end.mutate(
                    { accessId: ending.accessId, reason: reason.trim() },
                    {
                      onSuccess: () => {
                        setEnding(null);
                        setReason('');
                      },
                    },
                  )
                }
              >
                {t('admin.end')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
