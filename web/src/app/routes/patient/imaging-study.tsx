import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { StudyViewer } from '@/features/imaging/components/study-viewer';

/** One imaging study: the images in the viewer and the radiology report. */
export default function ImagingStudyRoute(): ReactNode {
  const { t } = useTranslation('imaging');
  const { studyUid = '' } = useParams();
  const patientId = useActingPatient().patient?.id;
  return (
    <Page
      title={t('viewer.title')}
      description={
        <Anchor component={Link} to="/results?tab=imaging" size="sm">
          {t('viewer.back')}
        </Anchor>
      }
    >
      <ScopeGate scope="results">{patientId ? <StudyViewer side="patient" patientId={patientId} studyUid={studyUid} /> : <PageLoader />}</ScopeGate>
    </Page>
  );
}
