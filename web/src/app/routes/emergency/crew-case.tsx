import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useDocumentTitle } from '@/components/use-document-title';
import { CrewCase } from '@/features/emergency/components/crew-case';
import { CameraScanner } from '@/features/health-code/components/camera-scanner';

/** One case on the crew's phone; the health-code feature's camera scanner identifies the patient. */
export default function CrewCaseRoute(): ReactNode {
  const { t } = useTranslation('emergency');
  const { caseId = '' } = useParams();
  useDocumentTitle(t('crew.caseTitle'));
  return <CrewCase key={caseId} caseId={caseId} Scanner={CameraScanner} />;
}
