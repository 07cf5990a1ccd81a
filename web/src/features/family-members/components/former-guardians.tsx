import { Button, Card, Checkbox, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDate, parseInstant } from '@/lib/date-time';
import { useFormerGuardians } from '../api/get-former-guardians';
import { useInviteBack } from '../api/invite-back';
import { scopes, type FormerGuardian, type Scope } from '../api/schemas';
import { localToday } from '../lib/member-form';

/**
 * For a young adult: the guardians whose access ended at 18, each with "Invite back as proxy" (issue 15). The young
 * adult chooses the scopes and an optional end date as in any consent. Nothing shows when there is nobody to invite.
 */
export function FormerGuardians(): ReactNode {
  const { t, i18n } = useTranslation('familyMembers');
  const former = useFormerGuardians();
  const [inviting, setInviting] = useState<FormerGuardian | null>(null);

  if (former.isError) return <ProblemAlert error={former.error} />;
  if (!former.data || former.data.length === 0) return null;
  return (
    <Stack gap="xs" component="section" aria-labelledby="former-guardians-title">
      <Title order={2} size="h4" id="former-guardians-title">
        {t('former.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('former.description')}
      </Text>
      {former.data.map((guardian) => {
        const ended = parseInstant(guardian.endedAt);
        return (
          <Card key={guardian.accessId} withBorder radius="md" padding="sm" component="article" aria-label={guardian.accountName}>
            <Stack gap={6}>
              <Text fw={600}>{guardian.accountName}</Text>
              <Text size="sm" c="dimmed">
                {t(`actsAs.${guardian.relation}`, { defaultValue: guardian.relation })}
                {ended && ` · ${t('former.endedOn', { date: formatDate(ended, i18n.language) })}`}
              </Text>
              <Group>
                <Button size="xs" variant="light" onClick={() => setInviting(guardian)} aria-label={t('former.inviteName', { name: guardian.accountName })}>
                  {t('former.invite')}
                </Button>
              </Group>
            </Stack>
          </Card>
        );
      })}
      <Modal opened={inviting !== null} onClose={() => setInviting(null)} title={t('former.dialogTitle')} centered>
        {inviting && <InviteBackForm guardian={inviting} onDone={() => setInviting(null)} />}
      </Modal>
    </Stack>
  );
}

function InviteBackForm({ guardian, onDone }: { guardian: FormerGuardian; onDone: () => void }): ReactNode {
  const { t } = useTranslation('familyMembers');
  const invite = useInviteBack();
  const today = localToday();
  // Note: nothing is pre-ticked: the young adult decides afresh what the former guardian may do now.
  const [chosen, setChosen] = useState<Scope[]>([]);
  const [endsOn, setEndsOn] = useState('');
  const endsOnError = endsOn && endsOn <= today ? t('validation.endsOnInPast') : undefined;
  const nothingChosen = chosen.length === 0;

  return (
    <Stack gap="sm">
      <Text size="sm">{t('former.explain', { name: guardian.accountName })}</Text>
      <Checkbox.Group label={t('invitation.scopes')} required value={chosen} onChange={(value) => setChosen(value.filter((s): s is Scope => (scopes as readonly string[]).includes(s)))}>
        <Stack gap={6} mt={6}>
          {scopes.map((scope) => (
            <Checkbox key={scope} value={scope} label={t(`scopes.${scope}`)} description={t(`scopeHelp.${scope}`)} />
          ))}
        </Stack>
      </Checkbox.Group>
      <TextInput label={t('form.accessEndsOn')} description={t('invitation.endsOnHelp')} type="date" min={today} value={endsOn} onChange={(event) => setEndsOn(event.currentTarget.value)} error={endsOnError} />
      {invite.isError && <ProblemAlert error={invite.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button
          disabled={nothingChosen || endsOnError !== undefined}
          loading={invite.isPending}
          onClick={() => invite.mutate({ accessId: guardian.accessId, scopes: chosen, accessEndsOn: endsOn || null }, { onSuccess: onDone })}
        >
          {t('former.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
