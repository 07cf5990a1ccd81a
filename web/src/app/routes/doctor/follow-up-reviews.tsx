import { Alert, Button, Card, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useFollowUpReviews, type FollowUpReview } from '@/features/schedule/api/list-follow-up-reviews';
import { openProof } from '@/features/schedule/api/open-proof';
import { useReviewFollowUp } from '@/features/schedule/api/review-follow-up';
import { useCalendarLiveUpdates } from '@/features/schedule/components/use-calendar-live-updates';
import { formatDateTimeIn } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { ProblemAlert } from '@/components/problem-alert';

function Review({ review }: { review: FollowUpReview }): ReactNode {
  const { t, i18n } = useTranslation('schedule');
  const decide = useReviewFollowUp();
  const [note, setNote] = useState('');
  const when = formatDateTimeIn(review.start, review.timeZone, i18n.language);
  return (
    <Card withBorder padding="md" component="article" aria-label={`${review.patientName} ${when}`}>
      <Stack gap="xs">
        <Text fw={700}>
          {review.patientName} · {when}
        </Text>
        <Button variant="light" size="xs" w="fit-content" onClick={() => void openProof(review.id)}>
          {t('reviews.openProof')}
        </Button>
        <Textarea label={t('reviews.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={3} />
        {decide.isError && <ProblemAlert error={decide.error} />}
        <Group>
          <Button loading={decide.isPending} onClick={() => decide.mutate({ appointmentId: review.id, accept: true, note: note || undefined })}>
            {t('reviews.accept')}
          </Button>
          <Button color="red" variant="outline" disabled={!note.trim()} onClick={() => decide.mutate({ appointmentId: review.id, accept: false, note })}>
            {t('reviews.reject')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Video follow-ups waiting for the doctor to accept the patient's proof of an in-person diagnosis. */
export default function FollowUpReviewsRoute(): ReactNode {
  const { t } = useTranslation('schedule');
  const reviews = useFollowUpReviews();
  // A patient asking for a video follow-up changes their appointment: the list updates while it is open.
  useCalendarLiveUpdates();
  return (
    <Page title={t('reviews.title')} description={<Text>{t('reviews.intro')}</Text>}>
      {reviews.isPending ? (
        <PageLoader />
      ) : reviews.isError ? (
        <Alert color="red" role="alert">
          {problemMessage(reviews.error, t)}
        </Alert>
      ) : reviews.data.length === 0 ? (
        <Text>{t('reviews.none')}</Text>
      ) : (
        <Stack>
          {reviews.data.map((review) => (
            <Review key={review.id} review={review} />
          ))}
        </Stack>
      )}
    </Page>
  );
}
