import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useAppointments } from '@/features/appointments/api/list-appointments';
import { UploadStudy, type AppointmentChoice } from '@/features/imaging/components/upload-study';
import { formatInstant } from '@/lib/date-time';

/** Share a study from another hospital, optionally for one of the patient's coming consultations. */
export default function ImagingShareRoute(): ReactNode {
  const { t, i18n } = useTranslation('imaging');
  const patientId = useActingPatient().patient?.id;
  const upcoming = useAppointments(patientId, 'Upcoming');
  const choices: AppointmentChoice[] = (upcoming.data?.items ?? [])
    .filter((appointment) => appointment.status !== 'Cancelled')
    .map((appointment) => ({ value: appointment.id, label: `${formatInstant(appointment.start, i18n.language)} · ${appointment.doctor.name}` }));
  return (
    <Page title={t('upload.title')}>
      <ScopeGate scope="results">{patientId ? <UploadStudy patientId={patientId} appointments={choices} imagingLink="/results?tab=imaging" /> : <PageLoader />}</ScopeGate>
    </Page>
  );
}
