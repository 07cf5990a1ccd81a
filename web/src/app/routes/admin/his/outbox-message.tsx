import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useOutboxMessage } from '@/features/his/api/get-outbox-message';
import { OutboxMessageView } from '@/features/his/components/outbox-message-view';
import { kindLabel } from '@/features/his/lib/labels';
import { problemMessage } from '@/lib/problem-message';

/** One HIS message: payload, attempts and errors; retry or discard. */
export default function HisOutboxMessageRoute(): ReactNode {
  const { t } = useTranslation('his');
  const { id = '' } = useParams();
  const query = useOutboxMessage(id);
  // Note: back to the list as it was (status, filters, page) when the message was opened from it.
  const state = useLocation().state as { listSearch?: unknown } | null;
  const listSearch = typeof state?.listSearch === 'string' && state.listSearch.startsWith('?') ? state.listSearch : '';
  const title = query.data ? `${t('message.title')}: ${kindLabel(query.data.kind, t)}` : t('message.title');

  return (
    <Page title={title}>
      <Group>
        <Anchor component={Link} to={`/admin/his${listSearch}`} size="sm">
          <Group gap={4} component="span">
            <IconArrowLeft size={16} aria-hidden="true" />
            {t('message.back')}
          </Group>
        </Anchor>
      </Group>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Stack align="flex-start">
          <Alert color="red" role="alert">
            {t('message.loadError')} {problemMessage(query.error, t)}
          </Alert>
          <Button variant="outline" onClick={() => void query.refetch()}>
            {t('outbox.retry')}
          </Button>
        </Stack>
      ) : (
        <OutboxMessageView message={query.data} />
      )}
    </Page>
  );
}
