import { Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PharmacistRenewal } from '../api/get-pharmacist-renewal';
import { useReviewPrescription } from '../api/review-prescription';
import { ProblemAlert } from '@/components/problem-alert';

const MIN_JUSTIFICATION = 10;

/** Approve (with a written justification when a finding is severe) or return the prescription to the doctor. */
export function PharmacistDecision({ renewal }: { renewal: PharmacistRenewal }): ReactNode {
  const { t } = useTranslation('renewals');
  const review = useReviewPrescription(renewal.id);
  const [justification, setJustification] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ justification?: string; reason?: string }>({});

  const approve = (): void => {
    if (renewal.needsJustification && justification.trim().length < MIN_JUSTIFICATION) {
      setErrors({ justification: t('validation.justification') });
      return;
    }
    setErrors({});
    review.mutate({ outcome: 'approve', justification: justification.trim() || undefined });
  };
  const reject = (): void => {
    if (!reason.trim()) {
      setErrors({ reason: t('validation.reason') });
      return;
    }
    setErrors({});
    review.mutate({ outcome: 'reject', reason: reason.trim() });
  };

  return (
    <Stack gap="sm">
      <Textarea
        label={t('pharmacy.justification')}
        description={renewal.needsJustification ? t('pharmacy.justificationHint') : undefined}
        required={renewal.needsJustification}
        value={justification}
        onChange={(e) => setJustification(e.currentTarget.value)}
        error={errors.justification}
        rows={3}
        maxLength={1000}
      />
      <Button onClick={approve} loading={review.isPending} w="fit-content" color="teal.9">
        {t('pharmacy.approve')}
      </Button>
      <Textarea
        label={t('pharmacy.rejectReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        rows={3}
        maxLength={1000}
      />
      <Group>
        <Button variant="outline" color="red" onClick={reject} loading={review.isPending}>
          {t('pharmacy.reject')}
        </Button>
      </Group>
      {review.isError && <ProblemAlert error={review.error} />}
      {review.isSuccess && <Text role="status">{review.data.status === 'PharmacistRejected' ? t('pharmacy.returned') : t('pharmacy.approved')}</Text>}
    </Stack>
  );
}
