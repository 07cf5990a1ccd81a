import { Alert } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useMe } from '@/features/accounts/api/get-me';
import { useAuth } from '@/features/accounts/components/auth-context';
import { hasAnyRole, type Role } from '@/features/accounts/lib/roles';
import { problemMessage } from '@/lib/problem-message';
import NotAllowedPage from './routes/not-allowed';

/** Renders the child routes only for users holding one of `roles`. */
export function RequireRole({ roles }: { roles: readonly Role[] }): ReactNode {
  const { t } = useTranslation('common');
  const { status, signIn } = useAuth();
  const location = useLocation();
  const me = useMe({ enabled: status === 'signedIn' });

  useEffect(() => {
    if (status === 'anonymous') void signIn(`${location.pathname}${location.search}`).catch(() => undefined);
  }, [status, signIn, location.pathname, location.search]);

  if (status === 'loading' || status === 'resuming') return <PageLoader />;
  if (status === 'signingOut') return <PageLoader label={t('signingOut')} />;
  if (status !== 'signedIn') return <PageLoader label={t('redirectingToSignIn')} />;
  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Page title={t('routeError.title')}>
        <Alert color="red" role="alert">
          {problemMessage(me.error, t)}
        </Alert>
      </Page>
    );
  }
  if (!hasAnyRole(me.data.roles, roles)) return <NotAllowedPage />;
  return <Outlet />;
}
