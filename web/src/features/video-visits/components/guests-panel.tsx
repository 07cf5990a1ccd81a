import { Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { guestRoles, useAdmitGuest, useInviteGuest, useRevokeGuest, useVisitGuests, type GuestRole } from '../api/guests';

/**
 * The doctor's guests of a visit (interpreter, relative, carer): invite one by e-mail (a single-use link), see who has
 * arrived (name and role), let them in, withdraw a link.
 */
export function GuestsPanel({ visitId, canAdmit }: { visitId: string; canAdmit: boolean }): ReactNode {
  const { t } = useTranslation('visits');
  const guests = useVisitGuests(visitId);
  const invite = useInviteGuest(visitId);
  const admit = useAdmitGuest(visitId);
  const revoke = useRevokeGuest(visitId);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<GuestRole>('Interpreter');

  return (
    <Stack gap="sm" component="section" aria-labelledby="guests-title">
      <Title order={2} size="h4" id="guests-title">
        {t('guests.title')}
      </Title>
      {guests.data?.map((guest) => (
        <Group key={guest.id} gap="xs" justify="space-between" wrap="wrap">
          <Text>
            {guest.name ?? guest.email} · {t(`guests.roles.${guest.role}`)}
          </Text>
          <Group gap="xs">
            <Badge variant="filled" color={guest.state === 'waiting' ? 'orange.8' : 'gray.7'} style={{ textTransform: 'none' }}>
              {t(`guests.states.${guest.state}`)}
            </Badge>
            {canAdmit && guest.state === 'waiting' && (
              <Button size="xs" loading={admit.isPending && admit.variables === guest.id} onClick={() => admit.mutate(guest.id)} aria-label={t('guests.admit', { name: guest.name ?? '' })}>
                {t('guests.admit', { name: guest.name ?? '' })}
              </Button>
            )}
            {(guest.state === 'invited' || guest.state === 'waiting' || guest.state === 'admitted') && (
              <Button size="xs" variant="default" loading={revoke.isPending && revoke.variables === guest.id} onClick={() => revoke.mutate(guest.id)}>
                {t('guests.revoke')}
              </Button>
            )}
          </Group>
        </Group>
      ))}
      {(invite.error ?? admit.error ?? revoke.error) && <ProblemAlert error={invite.error ?? admit.error ?? revoke.error} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          invite.mutate({ role, email: email.trim() }, { onSuccess: () => setEmail('') });
        }}
      >
        <Stack gap="xs">
          <Select
            label={t('guests.role')}
            data={guestRoles.map((value) => ({ value, label: t(`guests.roles.${value}`) }))}
            value={role}
            onChange={(value) => value && setRole(value)}
            allowDeselect={false}
          />
          <TextInput label={t('guests.email')} type="email" required value={email} onChange={(event) => setEmail(event.currentTarget.value)} />
          <Button type="submit" w="fit-content" loading={invite.isPending}>
            {t('guests.invite')}
          </Button>
          {invite.isSuccess && <Text role="status" size="sm">{t('guests.sent')}</Text>}
        </Stack>
      </form>
    </Stack>
  );
}
