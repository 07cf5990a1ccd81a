import { Anchor, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { usePatientSummary } from '@/features/family/api/get-patient-summary';
import { useBookFollowUp } from '@/features/schedule/api/book-follow-up';
import { FollowUpSlotPicker } from '@/features/schedule/components/follow-up-slot-picker';

/**
 * The doctor books a follow-up visit for a patient in one of their own free slots, from a family follow-up task
 * (`?taskId=`, which links the task to the visit). Afterwards the patient's summary shows the booked visit.
 */
export default function BookFollowUpRoute(): ReactNode {
  const { t } = useTranslation('schedule');
  const { patientId = '' } = useParams();
  const [search] = useSearchParams();
  const taskId = search.get('taskId');
  const navigate = useNavigate();
  const summary = usePatientSummary(patientId);
  const book = useBookFollowUp();
  const backTo = `/panel/patients/${encodeURIComponent(patientId)}`;
  const name = summary.data?.patient.name;

  return (
    <Page title={name ? t('followUp.pageTitleFor', { name }) : t('followUp.pageTitle')}>
      <Stack gap="md">
        <Text>{t('followUp.intro')}</Text>
        <FollowUpSlotPicker
          pending={book.isPending}
          error={book.error}
          onConfirm={(choice) =>
            book.mutate({ patientId, slotId: choice.slotId, visitType: choice.visitType, followUpTaskId: taskId }, { onSuccess: () => void navigate(backTo) })
          }
        />
        <Anchor component={Link} to={backTo}>
          {t('followUp.back')}
        </Anchor>
      </Stack>
    </Page>
  );
}
