import { Alert, Anchor, Button, Card, Group, Stack, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useMyContracts } from '../api/get-my-contracts';
import { usePatientThreads } from '../api/get-patient-threads';
import { useFamilyLiveUpdates } from '../lib/use-family-live-updates';
import { NewThreadForm } from './new-thread-form';
import { ThreadListQuery } from './thread-list';

/** The patient's conversations with their family-doctor team, and a new one while the contract is in force. */
export function PatientMessages({ patientId }: { patientId: string }): ReactNode {
  const { t } = useTranslation('family');
  const navigate = useNavigate();
  const threads = usePatientThreads(patientId);
  const contracts = useMyContracts(patientId);
  const [writing, setWriting] = useState(false);
  useFamilyLiveUpdates();
  const canWrite = contracts.data?.current?.inForce ?? false;

  return (
    <Stack gap="lg">
      {contracts.data && !canWrite ? (
        <Alert color="blue" role="status">
          {t('threads.needContract')}{' '}
          <Anchor component={Link} to="/family-doctor">
            {t('threads.findTeam')}
          </Anchor>
        </Alert>
      ) : null}
      {canWrite ? (
        writing ? (
          <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="new-thread">
            <Title order={2} size="h3" id="new-thread" mb="sm">
              {t('threads.new')}
            </Title>
            <NewThreadForm patientId={patientId} onStarted={(thread) => void navigate(`/messages/${thread.id}`)} onCancel={() => setWriting(false)} />
          </Card>
        ) : (
          <Group>
            <Button onClick={() => setWriting(true)}>{t('threads.new')}</Button>
          </Group>
        )
      ) : null}
      <Stack gap="sm" component="section" aria-labelledby="thread-list">
        <Title order={2} size="h3" id="thread-list">
          {t('threads.title')}
        </Title>
        <ThreadListQuery query={threads} show="team" linkTo={(thread) => `/messages/${thread.id}`} emptyText={t('threads.empty')} />
      </Stack>
    </Stack>
  );
}
