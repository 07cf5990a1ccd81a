import { Button, Card, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useEndConsultingSession } from '../api/end-consulting-session';
import { useConsultingSession } from '../api/get-consulting-session';
import { useStartConsultingSession } from '../api/start-consulting-session';
import { hospitalTimeZone } from '@/config/hospital';
import { formatTimeIn } from '@/lib/date-time';
import { ProblemAlert } from '@/components/problem-alert';

/**
 * Domain rule 3: the doctor confirms who they are at the start of a session of visits (password, and the authenticator
 * code when two-factor sign-in is on). Admitting patients and joining calls need a confirmed session.
 */
export function IdentityCheck(): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const session = useConsultingSession();
  const start = useStartConsultingSession();
  const end = useEndConsultingSession();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="session-title">
      <Title order={2} size="h4" id="session-title" mb="xs">
        {t('session.title')}
      </Title>
      {session.data?.active && session.data.expiresAt ? (
        <Group justify="space-between">
          <Text role="status">{t('session.active', { time: formatTimeIn(session.data.expiresAt, hospitalTimeZone(), i18n.language) })}</Text>
          <Button variant="default" onClick={() => end.mutate()} loading={end.isPending}>
            {t('session.end')}
          </Button>
        </Group>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            start.mutate({ password, ...(code ? { code } : {}) }, { onSuccess: () => setPassword('') });
          }}
        >
          <Stack gap="xs">
            <Text>{t('session.inactive')}</Text>
            {start.error && <ProblemAlert error={start.error} />}
            <PasswordInput label={t('session.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} required autoComplete="current-password" />
            <TextInput label={t('session.code')} value={code} onChange={(e) => setCode(e.currentTarget.value)} inputMode="numeric" autoComplete="one-time-code" maxLength={8} />
            <Button type="submit" loading={start.isPending} w="fit-content">
              {t('session.start')}
            </Button>
          </Stack>
        </form>
      )}
    </Card>
  );
}
