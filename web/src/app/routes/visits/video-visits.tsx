import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { useMe } from '@/features/accounts/api/get-me';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { DoctorBoard } from '@/features/video-visits/components/doctor-board';
import { MyVisits } from '@/features/video-visits/components/my-visits';

/** Video visits: the patient's list, or the doctor's day and consultations. */
export default function VideoVisitsRoute(): ReactNode {
  const { t } = useTranslation('visits');
  const me = useMe();
  const acting = useActingPatient();
  return <Page title={t('listTitle')}>{me.data?.roles.includes('Doctor') ? <DoctorBoard /> : <MyVisits namePatient={acting.patients.length > 1} />}</Page>;
}
