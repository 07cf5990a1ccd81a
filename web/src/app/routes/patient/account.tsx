import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { CloseAccountSection } from '@/features/accounts/components/close-account';

/** The patient's own account: closing it (PIPL). */
export default function AccountRoute(): ReactNode {
  const { t } = useTranslation('accounts');
  return (
    <Page title={t('closeAccount.pageTitle')}>
      <CloseAccountSection />
    </Page>
  );
}
