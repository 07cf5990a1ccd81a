import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { CrewHome } from '@/features/emergency/components/crew-home';

/** The ambulance crew's start: one tap starts a case. */
export default function CrewRoute(): ReactNode {
  const { t } = useTranslation('emergency');
  return (
    <Page title={t('crew.title')}>
      <CrewHome />
    </Page>
  );
}
