import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useMe } from '@/features/accounts/api/get-me';
import { ClinicianVisit } from '@/features/video-visits/components/clinician-visit';
import { PatientVisit } from '@/features/video-visits/components/patient-visit';

/** One video visit, as the patient or as a doctor (treating or invited) sees it. */
export default function VisitRoute(): ReactNode {
  const { visitId = '' } = useParams();
  const me = useMe();
  if (!me.data) return null;
  return me.data.roles.includes('Doctor') ? <ClinicianVisit key={visitId} visitId={visitId} /> : <PatientVisit key={visitId} visitId={visitId} />;
}
