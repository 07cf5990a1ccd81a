import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { TwoFactorSetup } from '@/features/accounts/components/two-factor-setup';

/** Staff security settings: two-factor sign-in with an authenticator app. */
export default function SecurityRoute(): ReactNode {
  const { t } = useTranslation('accounts');
  return (
    <Page title={t('security.title')}>
      <TwoFactorSetup />
    </Page>
  );
}
