import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { ThreadView } from '@/features/family/components/thread-view';

/** One conversation with a signed patient, for the team. */
export default function TeamThreadRoute(): ReactNode {
  const { t } = useTranslation('family');
  const { threadId = '' } = useParams();
  return (
    <Page title={t('pages.conversation')}>
      <ThreadView threadId={threadId} backTo="/team-messages" />
    </Page>
  );
}
