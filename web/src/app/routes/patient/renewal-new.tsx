import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { useMe } from '@/features/accounts/api/get-me';
import { RenewalForm } from '@/features/renewals/components/renewal-form';

/** Asking for a renewal of the medicines chosen on "My medications" (?drug=<id>&drug=<id>). */
export default function RenewalNewRoute(): ReactNode {
  const { t } = useTranslation('renewals');
  const me = useMe();
  const [params] = useSearchParams();
  return (
    <Page title={t('form.title')}>
      <RenewalForm patientId={me.data?.patients[0]?.id} drugIds={params.getAll('drug')} />
    </Page>
  );
}
