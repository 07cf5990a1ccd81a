import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';
import { endVideoCall } from '@/features/emergency/api/emergency';
import { useVideoCallEnded } from '@/features/emergency/components/video-call';
import { CaseCall } from '@/features/video-visits/components/case-call';

/**
 * The video call between the emergency department and the crew, in the case's video room (the video feature's call on
 * the emergency feature's case): hanging up ends the call for both sides; the other side's hang-up or the handover
 * ends it here.
 */
export function EmergencyCaseCall({ side }: { side: 'crew' | 'board' }): ReactNode {
  const { t } = useTranslation('emergency');
  const { caseId = '' } = useParams();
  const navigate = useNavigate();
  useDocumentTitle(t('videoCall.pageTitle'));
  const end = useVideoCallEnded(caseId);
  const backTo = `/emergency/${side}/cases/${caseId}`;
  return (
    <CaseCall
      key={caseId}
      roomId={caseId}
      backTo={backTo}
      end={end}
      onHungUp={() => void endVideoCall(caseId).catch(() => undefined).finally(() => void navigate(backTo))}
    />
  );
}
