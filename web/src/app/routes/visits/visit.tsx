import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { useMe } from '@/features/accounts/api/get-me';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { CallImagingPanel } from '@/features/imaging/components/call-imaging-panel';
import { SharedImage } from '@/features/imaging/components/shared-image';
import { FollowUpSlotPicker } from '@/features/schedule/components/follow-up-slot-picker';
import { ClinicianVisit, type ImagingPanelRenderer } from '@/features/video-visits/components/clinician-visit';
import type { FollowUpPickerRenderer } from '@/features/video-visits/components/note-editor';
import { PatientVisit, type SharedImageRenderer } from '@/features/video-visits/components/patient-visit';

/** The note's "Order follow-up" opens the doctor's own free slots (the schedule feature's picker). */
const followUpPicker: FollowUpPickerRenderer = (props) => <FollowUpSlotPicker {...props} />;

/** The patient's studies in the doctor's workspace, with "share this image" into the call (issue 16). */
const imagingPanel: ImagingPanelRenderer = ({ patientId, share }) => <CallImagingPanel patientId={patientId} onShare={share} />;

/** What the patient sees when the doctor shares an image of their study. */
const sharedImageView: SharedImageRenderer = (image, dismiss) => <SharedImage image={image} onDismiss={dismiss} />;

/** One video visit, as the patient or as a doctor (treating or invited) sees it. */
export default function VisitRoute(): ReactNode {
  const { visitId = '' } = useParams();
  const me = useMe();
  const { patient } = useActingPatient();
  if (!me.data) return null;
  return me.data.roles.includes('Doctor') ? (
    <ClinicianVisit key={visitId} visitId={visitId} followUpPicker={followUpPicker} imagingPanel={imagingPanel} />
  ) : (
    <PatientVisit key={visitId} visitId={visitId} guardianFor={patient?.guardianMustAttend ? patient.name : undefined} sharedImageView={sharedImageView} />
  );
}
