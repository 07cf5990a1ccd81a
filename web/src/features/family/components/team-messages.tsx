import { Stack, Switch } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeamThreads } from '../api/get-team-threads';
import { useFamilyLiveUpdates } from '../lib/use-family-live-updates';
import { ThreadListQuery } from './thread-list';

/** The conversations of the doctor's teams with their signed patients. */
export function TeamMessages(): ReactNode {
  const { t } = useTranslation('family');
  const [unreadOnly, setUnreadOnly] = useState(false);
  const threads = useTeamThreads({ unreadOnly });
  useFamilyLiveUpdates();

  return (
    <Stack gap="md">
      <Switch label={t('threads.unreadOnly')} checked={unreadOnly} onChange={(event) => setUnreadOnly(event.currentTarget.checked)} />
      <ThreadListQuery query={threads} show="patient" linkTo={(thread) => `/team-messages/${thread.id}`} emptyText={t('threads.teamEmpty')} />
    </Stack>
  );
}
