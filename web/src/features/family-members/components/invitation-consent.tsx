import { Alert, Button, Card, Checkbox, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { problemMessage } from '@/lib/problem-message';
import { useAnswerInvitation } from '../api/answer-invitation';
import { useInvitation, type Invitation } from '../api/get-invitation';
import { scopes, type Scope } from '../api/schemas';
import { localToday } from '../lib/member-form';
import { ProblemAlert } from '@/components/problem-alert';

/** The adult's consent: who asks, what they may do (the adult chooses), until when; accept or decline. */
export function InvitationConsent({ token, onAnswered }: { token: string; onAnswered: (accepted: boolean) => void }): ReactNode {
  const { t } = useTranslation('familyMembers');
  const invitation = useInvitation(token);
  if (invitation.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (invitation.isError) {
    return (
      <Alert color="red" role="alert">
        {isApiError(invitation.error) && invitation.error.status === 404 ? t('invitation.notFound') : problemMessage(invitation.error, t)}
      </Alert>
    );
  }
  return <ConsentForm token={token} invitation={invitation.data} onAnswered={onAnswered} />;
}

function ConsentForm({ token, invitation, onAnswered }: { token: string; invitation: Invitation; onAnswered: (accepted: boolean) => void }): ReactNode {
  const { t } = useTranslation('familyMembers');
  const answer = useAnswerInvitation();
  const today = localToday();
  const [chosen, setChosen] = useState<Scope[]>(invitation.scopes);
  const [endsOn, setEndsOn] = useState(invitation.accessEndsOn ?? '');
  const endsOnError = endsOn && endsOn <= today ? t('validation.endsOnInPast') : undefined;
  const nothingChosen = chosen.length === 0;

  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap="sm">
        <Text fw={600}>{t('invitation.asks', { name: invitation.from, relation: t(`actsAs.${invitation.relation}`, { defaultValue: invitation.relation }) })}</Text>
        <Text size="sm">{t('invitation.explain')}</Text>
        <Checkbox.Group label={t('invitation.scopes')} value={chosen} onChange={(value) => setChosen(value.filter((s): s is Scope => (scopes as readonly string[]).includes(s)))} error={nothingChosen ? t('validation.scopesRequired') : undefined}>
          <Stack gap={6} mt={6}>
            {scopes.map((scope) => (
              <Checkbox key={scope} value={scope} label={t(`scopes.${scope}`)} description={t(`scopeHelp.${scope}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <TextInput label={t('form.accessEndsOn')} description={t('invitation.endsOnHelp')} type="date" min={today} value={endsOn} onChange={(event) => setEndsOn(event.currentTarget.value)} error={endsOnError} />
        {answer.isError && <ProblemAlert error={answer.error} />}
        <Group justify="space-between">
          <Button variant="default" loading={answer.isPending && answer.variables.accept === false} onClick={() => answer.mutate({ token, accept: false }, { onSuccess: () => onAnswered(false) })}>
            {t('invitation.decline')}
          </Button>
          <Button
            disabled={nothingChosen || endsOnError !== undefined}
            loading={answer.isPending && answer.variables.accept}
            onClick={() => answer.mutate({ token, accept: true, scopes: chosen, accessEndsOn: endsOn || null }, { onSuccess: () => onAnswered(true) })}
          >
            {t('invitation.accept')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
