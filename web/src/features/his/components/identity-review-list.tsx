import { Alert, Button, SegmentedControl, Stack, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { problemMessage } from '@/lib/problem-message';
import { identityReviewStatuses, useIdentityReviews, type IdentityReviewStatus } from '../api/get-identity-reviews';
import { IdentityReviewCard } from './identity-review-card';

function readStatus(value: string | null): IdentityReviewStatus {
  return (identityReviewStatuses as readonly string[]).includes(value ?? '') ? (value as IdentityReviewStatus) : 'Pending';
}

/** The identity-verification queue: open reviews to decide, and the decided ones for reference (?status=Linked). */
export function IdentityReviewList(): ReactNode {
  const { t } = useTranslation('his');
  const [searchParams, setSearchParams] = useSearchParams();
  const status = readStatus(searchParams.get('status'));
  const query = useIdentityReviews(status);
  const labelId = useId();

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Text id={labelId} fw={500} size="sm">
          {t('identity.statusFilter')}
        </Text>
        <SegmentedControl
          aria-labelledby={labelId}
          value={status}
          onChange={(value) => setSearchParams(value === 'Pending' ? {} : { status: value })}
          data={identityReviewStatuses.map((value) => ({ value, label: t(`identity.status.${value}`) }))}
        />
      </Stack>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Stack align="flex-start">
          <Alert color="red" role="alert">
            {t('identity.loadError')} {problemMessage(query.error, t)}
          </Alert>
          <Button variant="outline" onClick={() => void query.refetch()}>
            {t('identity.retry')}
          </Button>
        </Stack>
      ) : query.data.length === 0 ? (
        <Text c="dimmed">{t(`identity.empty.${status}`)}</Text>
      ) : (
        query.data.map((review) => <IdentityReviewCard key={review.id} review={review} />)
      )}
    </Stack>
  );
}
