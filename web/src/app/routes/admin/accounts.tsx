import { Alert, Button, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useMe } from '@/features/accounts/api/get-me';
import { useStaffAccounts } from '@/features/administration/api/staff-accounts';
import { StaffAccountCard } from '@/features/administration/components/staff-account-card';
import { problemMessage } from '@/lib/problem-message';

/** The security administrator's page: staff accounts, their roles, locks and disabling. */
export default function StaffAccountsRoute(): ReactNode {
  const { t } = useTranslation('administration');
  const accounts = useStaffAccounts();
  const me = useMe();

  return (
    <Page title={t('accounts.title')} description={<Text c="dimmed">{t('accounts.description')}</Text>}>
      {accounts.isPending ? (
        <PageLoader />
      ) : accounts.isError ? (
        <Stack align="flex-start">
          <Alert color="red" role="alert">
            {t('loadError')} {problemMessage(accounts.error, t)}
          </Alert>
          <Button variant="outline" onClick={() => void accounts.refetch()}>
            {t('retry')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="md">
          {accounts.data.map((account) => (
            <StaffAccountCard key={account.id} account={account} isOwn={account.id === me.data?.id} />
          ))}
        </Stack>
      )}
    </Page>
  );
}
