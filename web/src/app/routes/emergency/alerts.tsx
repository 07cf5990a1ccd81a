import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { TeamAlerts } from '@/features/emergency/components/team-alerts';

/** Stroke / chest-pain / trauma team alerts for the signed-in team member. */
export default function AlertsRoute(): ReactNode {
  const { t } = useTranslation('emergency');
  return (
    <Page title={t('alerts.title')} description={t('alerts.description')}>
      <TeamAlerts />
    </Page>
  );
}
