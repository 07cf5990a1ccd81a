import { Alert, Button, Card, Pagination, SegmentedControl, Stack, Text, useMatches } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { problemMessage } from '@/lib/problem-message';
import { OUTBOX_PAGE_SIZE, outboxStatuses, useOutboxMessages, type OutboxStatus } from '../api/get-outbox-messages';
import { readOutboxSearch, toOutboxFilters, writeOutboxSearch, type OutboxSearch } from '../lib/outbox-search';
import { OutboxFilters } from './outbox-filters';
import { OutboxTable } from './outbox-table';

const ALL = 'all';
const statusOptions: readonly (OutboxStatus | typeof ALL)[] = [ALL, ...outboxStatuses];

/** The outbox and dead-letter lists: status tabs with counts, filters, one page of messages, page links. */
export function OutboxList(): ReactNode {
  const { t } = useTranslation('his');
  const [searchParams, setSearchParams] = useSearchParams();
  const search = readOutboxSearch(searchParams);
  const query = useOutboxMessages(toOutboxFilters(search));
  const statusLabelId = useId();
  const vertical = useMatches({ base: true, sm: false });

  const go = (next: Partial<OutboxSearch>): void => {
    // Any change of filter starts again at page 1; only the pager moves between pages.
    setSearchParams(writeOutboxSearch({ ...search, page: 1, ...next }));
  };

  const total = query.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const counts = query.data?.counts ?? {};
  const deadLetters = counts.DeadLettered ?? 0;

  // Note: a page beyond the end (messages were discarded, an old bookmark) shows the last page instead.
  useEffect(() => {
    if (query.isSuccess && !query.isPlaceholderData && search.page > pages) go({ page: pages });
  });

  const statusLabel = (status: OutboxStatus | typeof ALL): string => {
    const name = t(`status.${status}`);
    if (status === ALL) return name;
    return query.data ? t('statusWithCount', { status: name, count: counts[status] ?? 0 }) : name;
  };

  return (
    <Stack gap="md">
      {deadLetters > 0 && search.status !== 'DeadLettered' && (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden="true" />}
          role="note"
          title={t('outbox.deadLetterAlertTitle', { count: deadLetters })}
        >
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('outbox.deadLetterAlert')}</Text>
            <Button size="xs" color="red.9" onClick={() => go({ status: 'DeadLettered' })}>
              {t('outbox.showDeadLetters')}
            </Button>
          </Stack>
        </Alert>
      )}

      <Stack gap={4}>
        <Text id={statusLabelId} fw={500} size="sm">
          {t('outbox.statusFilter')}
        </Text>
        <SegmentedControl
          aria-labelledby={statusLabelId}
          orientation={vertical ? 'vertical' : 'horizontal'}
          fullWidth={vertical}
          value={search.status ?? ALL}
          onChange={(value) => go({ status: value === ALL ? null : (value) })}
          data={statusOptions.map((status) => ({ value: status, label: statusLabel(status) }))}
        />
      </Stack>

      <OutboxFilters
        key={`${search.kind}|${search.patientId}|${search.from}|${search.to}`}
        value={search}
        onApply={(filters) => go(filters)}
      />

      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Stack align="flex-start">
          <Alert color="red" role="alert">
            {t('outbox.loadError')} {problemMessage(query.error, t)}
          </Alert>
          <Button variant="outline" onClick={() => void query.refetch()}>
            {t('outbox.retry')}
          </Button>
        </Stack>
      ) : query.data.items.length === 0 ? (
        <Text c="dimmed">{t('outbox.empty')}</Text>
      ) : (
        <Card withBorder padding={0} radius="md">
          <OutboxTable items={query.data.items} onPatient={(patientId) => go({ patientId })} />
        </Card>
      )}

      {pages > 1 && (
        <nav aria-label={t('outbox.pagination.label')}>
          <Pagination
            total={pages}
            value={Math.min(search.page, pages)}
            onChange={(page) => setSearchParams(writeOutboxSearch({ ...search, page }))}
            getControlProps={(control) =>
              control === 'previous'
                ? { 'aria-label': t('outbox.pagination.previous') }
                : control === 'next'
                  ? { 'aria-label': t('outbox.pagination.next') }
                  : {}
            }
            getItemProps={(item) => ({ 'aria-label': t('outbox.pagination.page', { page: item }) })}
          />
        </nav>
      )}
    </Stack>
  );
}
