import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { ThreadView } from '@/features/family/components/thread-view';

/** One conversation with the family-doctor team. */
export default function MessageThreadRoute(): ReactNode {
  const { t } = useTranslation('family');
  const { threadId = '' } = useParams();
  return (
    <Page title={t('pages.conversation')}>
      <ThreadView threadId={threadId} backTo="/messages" />
    </Page>
  );
}
