import { Anchor, Group, Tabs, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { Page } from '@/components/page';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { StudyList } from '@/features/imaging/components/study-list';
import { RecordDownload } from '@/features/results/components/record-download';
import { ResultsList } from '@/features/results/components/results-list';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';

/** 报告查询: the patient's lab reports (检验) and imaging studies (检查/影像), one tab each. */
export default function ResultsRoute(): ReactNode {
  const { t } = useTranslation(['results', 'imaging']);
  const patientId = useActingPatient().patient?.id;
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'imaging' ? 'imaging' : 'lab';
  return (
    <Page title={t('pages.results')} description={<Text c="dimmed">{t('pages.resultsHelp')}</Text>}>
      <ScopeGate scope="results">
        {patientId ? (
          <Tabs value={tab} onChange={(next) => setSearch(next === 'imaging' ? { tab: 'imaging' } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="lab">{t('imaging:tabs.lab')}</Tabs.Tab>
              <Tabs.Tab value="imaging">{t('imaging:tabs.imaging')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="lab">
              <ResultsList patientId={patientId} />
              <RecordDownload patientId={patientId} />
            </Tabs.Panel>
            <Tabs.Panel value="imaging">
              <Group mb="sm">
                <Anchor component={Link} to="/results/imaging/share" size="sm">
                  <Group gap={4} component="span">
                    <IconUpload size={16} aria-hidden="true" />
                    {t('imaging:list.share')}
                  </Group>
                </Anchor>
              </Group>
              <StudyList side="patient" patientId={patientId} linkTo={(study) => `/results/imaging/${encodeURIComponent(study.studyInstanceUid)}`} />
            </Tabs.Panel>
          </Tabs>
        ) : (
          <PageLoader />
        )}
      </ScopeGate>
    </Page>
  );
}
