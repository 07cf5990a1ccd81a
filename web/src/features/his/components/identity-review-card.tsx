import { Badge, Button, Card, Group, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconLink, IconUserX } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDay, formatDateTime, parseInstant } from '@/lib/date-time';
import type { IdentityCandidate, IdentityReview } from '../api/get-identity-reviews';
import { useLinkIdentityReview } from '../api/link-identity-review';
import { useRejectIdentityReview } from '../api/reject-identity-review';
import { sameName } from '../lib/names';
import { confirmAction } from '../lib/toast';
import { ProblemAlert } from '@/components/problem-alert';

function Differs({ when }: { when: boolean }): ReactNode {
  const { t } = useTranslation('his');
  return when ? (
    <Badge color="red.9" variant="filled" size="xs" radius="sm" ml={6}>
      {t('identity.differs')}
    </Badge>
  ) : null;
}

/** One HIS record, with what does not agree with the portal's patient marked. */
function CandidateDetails({ candidate, review }: { candidate: IdentityCandidate; review: IdentityReview }): ReactNode {
  const { t, i18n } = useTranslation('his');
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Stack gap={2}>
      <Text fw={600}>
        {candidate.fullName}
        <Differs when={!sameName(candidate.fullName, review.patientName)} />
      </Text>
      <Text size="sm">
        {t('identity.dateOfBirth')}: {formatCalendarDay(candidate.dateOfBirth, language)}
        <Differs when={candidate.dateOfBirth !== review.dateOfBirth} />
      </Text>
      <Text size="sm">
        {t('identity.sex')}: {t(`identity.sexes.${candidate.sex}`, { defaultValue: candidate.sex })}
        <Differs when={candidate.sex !== review.sex} />
      </Text>
      <Text size="sm">
        {t('identity.medicalRecordNumber')}: {candidate.medicalRecordNumber} · {t('identity.hisId')}: {candidate.hisPatientId}
      </Text>
    </Stack>
  );
}

/** A review: the portal's patient beside the HIS's candidates; an open one is decided here. */
export function IdentityReviewCard({ review }: { review: IdentityReview }): ReactNode {
  const { t, i18n } = useTranslation('his');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const link = useLinkIdentityReview();
  const reject = useRejectIdentityReview();
  const pending = review.status === 'Pending';
  const opened = parseInstant(review.createdAt);
  const failure = link.error ?? reject.error;

  return (
    <Card withBorder radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={2} size="h4" id={headingId}>
            {t('identity.reviewOf', { name: review.patientName })}
          </Title>
          <Text size="sm">{t(`identity.reason.${review.reason}`)}</Text>
          {opened && (
            <Text size="sm" c="dimmed">
              {t('identity.opened', { time: formatDateTime(opened, language) })}
            </Text>
          )}
        </Stack>

        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <Card withBorder radius="sm" padding="sm" bg="gray.0">
            <Title order={3} size="h5" mb="xs">
              {t('identity.portalPatient')}
            </Title>
            <Stack gap={2}>
              <Text fw={600}>{review.patientName}</Text>
              <Text size="sm">
                {t('identity.idNumber')}: {review.maskedIdNumber}
              </Text>
              <Text size="sm">
                {t('identity.dateOfBirth')}: {formatCalendarDay(review.dateOfBirth, language)}
              </Text>
              <Text size="sm">
                {t('identity.sex')}: {t(`identity.sexes.${review.sex}`, { defaultValue: review.sex })}
              </Text>
            </Stack>
          </Card>

          {pending ? (
            <Radio.Group label={t('identity.chooseCandidate')} value={chosen} onChange={setChosen}>
              <Stack gap="xs" mt="xs">
                {review.candidates.map((candidate) => (
                  <Radio.Card key={candidate.hisPatientId} value={candidate.hisPatientId} radius="sm" p="sm" aria-label={t('identity.candidate', { name: candidate.fullName, dateOfBirth: formatCalendarDay(candidate.dateOfBirth, language), mrn: candidate.medicalRecordNumber, id: candidate.hisPatientId })}>
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator />
                      <CandidateDetails candidate={candidate} review={review} />
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
          ) : (
            <Stack gap="xs">
              <Title order={3} size="h5">
                {t('identity.candidates')}
              </Title>
              {review.candidates.map((candidate) => (
                <Card key={candidate.hisPatientId} withBorder radius="sm" padding="sm">
                  <CandidateDetails candidate={candidate} review={review} />
                </Card>
              ))}
            </Stack>
          )}
        </SimpleGrid>

        {pending ? (
          <Stack gap="sm">
            <Textarea
              label={t('identity.note')}
              description={t('identity.noteHint')}
              rows={2}
              maxLength={500}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
            />
            {failure && <ProblemAlert error={failure} />}
            <Text size="sm" c="dimmed">
              {t('identity.auditNote')}
            </Text>
            <Group gap="sm">
              <Button
                leftSection={<IconLink size={16} aria-hidden="true" />}
                disabled={chosen === null}
                loading={link.isPending}
                onClick={() =>
                  chosen &&
                  link.mutate(
                    { reviewId: review.id, hisPatientId: chosen, note: note.trim() },
                    { onSuccess: () => confirmAction(t('identity.linked', { name: review.patientName, id: chosen }), t) },
                  )
                }
              >
                {t('identity.link')}
              </Button>
              <Button
                variant="outline"
                color="red.9"
                leftSection={<IconUserX size={16} aria-hidden="true" />}
                loading={reject.isPending}
                onClick={() =>
                  reject.mutate(
                    { reviewId: review.id, note: note.trim() },
                    { onSuccess: () => confirmAction(t('identity.rejected', { name: review.patientName }), t) },
                  )
                }
              >
                {t('identity.reject')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap={4}>
            <Text fw={600}>
              {review.status === 'Linked'
                ? t('identity.linkedTo', { id: review.linkedHisPatientId ?? '' })
                : t('identity.closedWithoutLink')}
            </Text>
            {review.note && <Text size="sm">{review.note}</Text>}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
