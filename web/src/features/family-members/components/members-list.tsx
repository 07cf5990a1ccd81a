import { Alert, Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDay } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import type { FamilyMember } from '../api/schemas';
import { ScopeList } from './scope-list';
import { ProblemAlert } from '@/components/problem-alert';

export interface MembersListProps {
  /** The person the pages act for now (marked "selected"). */
  selectedId?: string;
  /** Switch the pages to this person (the header's switcher does the same). */
  onActFor: (patientId: string) => void;
}

/** 就诊人管理: the people this account acts for or has invited, with "act for" and "remove". */
export function MembersList({ selectedId, onActFor }: MembersListProps): ReactNode {
  const { t, i18n } = useTranslation('familyMembers');
  const members = useMembers();
  const remove = useRemoveMember();
  const [removing, setRemoving] = useState<FamilyMember | null>(null);

  if (members.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (members.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(members.error, t)}
      </Alert>
    );
  }
  const others = members.data.filter((member) => member.relationship !== 'Self');
  return (
    <Stack gap="sm">
      {others.length === 0 && <Text c="dimmed">{t('members.empty')}</Text>}
      {others.map((member) => (
        <Card key={member.patientId} withBorder radius="md" padding="sm" component="article" aria-label={member.name}>
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0}>
                <Text fw={600}>{member.name}</Text>
                <Text size="sm" c="dimmed">
                  {t(`relation.${member.relation}`, { defaultValue: member.relation })}
                  {member.ageYears != null && ` · ${t('members.age', { count: member.ageYears })}`}
                </Text>
              </Stack>
              <Badge c="dark.8" color={member.status === 'pending' ? 'yellow' : 'green'} variant="light">
                {t(`status.${member.status}`, { defaultValue: member.status })}
              </Badge>
            </Group>
            {member.status === 'pending' && <Text size="sm">{t('members.pendingHelp')}</Text>}
            {member.guardianMustAttend && <Text size="sm">{t('members.under6')}</Text>}
            {member.adolescentShares && (
              <Text size="sm">
                {t('members.adolescent', {
                  messages: t(member.adolescentShares.messages ? 'members.shared' : 'members.notShared'),
                  results: t(member.adolescentShares.results ? 'members.shared' : 'members.notShared'),
                })}
              </Text>
            )}
            {member.status !== 'pending' && <ScopeList scopes={member.scopes} />}
            {member.accessEndsOn && <Text size="sm">{t('members.endsOn', { date: formatCalendarDay(member.accessEndsOn, i18n.language) })}</Text>}
            <Group gap="xs">
              {member.status !== 'pending' &&
                (member.patientId === selectedId ? (
                  <Badge c="dark.8" variant="outline">{t('members.selected')}</Badge>
                ) : (
                  <Button size="xs" onClick={() => onActFor(member.patientId)}>
                    {t('members.actForName', { name: member.name })}
                  </Button>
                ))}
              <Button size="xs" variant="subtle" color="red" onClick={() => setRemoving(member)} aria-label={t('members.removeName', { name: member.name })}>
                {t('members.remove')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ))}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('members.removeTitle')} centered>
        {removing && (
          <Stack gap="sm">
            <Text>{t('members.removeConfirm', { name: removing.name })}</Text>
            {remove.isError && <ProblemAlert error={remove.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRemoving(null)}>
                {t('cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(removing.patientId, { onSuccess: () => setRemoving(null) })}>
                {t('members.remove')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
