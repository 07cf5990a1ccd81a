import { Anchor, List, Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { usePanelOverview } from '../api/get-panel-overview';
import { useFamilyLiveUpdates } from '../lib/use-family-live-updates';

/** The doctor's workspace card: signed patients and what needs attention, leading to the panel. */
export function MyPatientsCard(): ReactNode {
  const { t } = useTranslation('family');
  const overview = usePanelOverview();
  useFamilyLiveUpdates();
  const data = overview.data;

  return (
    <EmptyStateCard
      title={t('card.myPatients')}
      icon={<IconUsers size={20} />}
      message={!data ? (overview.isPending ? t('loading') : t('card.myPatientsEmpty')) : !data.inTeam ? t('card.notInTeam') : undefined}
    >
      {!data || !data.inTeam ? null : (
        <>
          <Text>{t('card.signed', { count: data.signedPatients })}</Text>
          <List size="sm" mt="xs" spacing={2}>
            <List.Item>
              <Text span c={data.patientsWithAlerts > 0 ? 'red.9' : undefined} fw={data.patientsWithAlerts > 0 ? 700 : undefined} size="sm">
                {t('card.alerts', { count: data.patientsWithAlerts })}
              </Text>
            </List.Item>
            <List.Item>{t('card.applications', { count: data.pendingApplications })}</List.Item>
            <List.Item>{t('card.unread', { count: data.patientsWithUnreadMessages })}</List.Item>
            <List.Item>{t('card.overdue', { count: data.patientsWithOverdueFollowUp })}</List.Item>
          </List>
          <Anchor component={Link} to="/panel" mt="sm" display="inline-block">
            {t('card.openPanel')}
          </Anchor>
        </>
      )}
    </EmptyStateCard>
  );
}
