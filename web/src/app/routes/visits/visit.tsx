import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useMe } from '@/features/accounts/api/get-me';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { FollowUpSlotPicker } from '@/features/schedule/components/follow-up-slot-picker';
import { ClinicianVisit } from '@/features/video-visits/components/clinician-visit';
import type { FollowUpPickerRenderer } from '@/features/video-visits/components/note-editor';
import { PatientVisit } from '@/features/video-visits/components/patient-visit';

/** The note's "Order follow-up" opens the doctor's own free slots (the schedule feature's picker). */
const followUpPicker: FollowUpPickerRenderer = (props) => <FollowUpSlotPicker {...props} />;

/** One video visit, as the patient or as a doctor (treating or invited) sees it. */
export default function VisitRoute(): ReactNode {
  const { visitId = '' } = useParams();
  const me = useMe();
  const { patient } = useActingPatient();
  if (!me.data) return null;
  return me.data.roles.includes('Doctor') ? <ClinicianVisit key={visitId} visitId={visitId} followUpPicker={followUpPicker} /> : <PatientVisit key={visitId} visitId={visitId} guardianFor={patient?.guardianMustAttend ? patient.name : undefined} />;
}
