import { Alert, Button, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { User } from 'oidc-client-ts';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { meQueryOptions } from '@/features/accounts/api/get-me';
import { useAuth } from '@/features/accounts/components/auth-context';
import { syncLanguageWithAccount } from '@/features/accounts/lib/sync-language';
import { isSafeLocalPath, userManager, type SignInState } from '@/lib/oidc';
import { homePathFor } from '../nav';

/** Return targets that are part of the sign-in flow itself: never land there after signing in. */
const NOT_A_DESTINATION = new Set(['/', '/login', '/register', '/auth/callback']);

// Note: the authorization code can be redeemed once; React's StrictMode runs effects twice, so the
// exchange for a given callback URL is shared rather than repeated.
let pendingCallback: { url: string; result: Promise<User> } | null = null;

function completeSignIn(url: string): Promise<User> {
  if (pendingCallback?.url !== url) {
    const result = userManager.signinRedirectCallback(url);
    pendingCallback = { url, result };
    // Forget it once settled: only the immediate StrictMode re-run needs to share it.
    result.then(
      () => void (pendingCallback = null),
      () => void (pendingCallback = null),
    );
  }
  return pendingCallback.result;
}

function destinationFor(user: User, roles: readonly string[]): string {
  const returnTo = (user.state as SignInState | undefined)?.returnTo;
  if (isSafeLocalPath(returnTo) && !NOT_A_DESTINATION.has(returnTo.split(/[?#]/)[0] ?? '')) return returnTo;
  return homePathFor(roles) ?? '/';
}

/** /auth/callback: exchanges the code for tokens, loads the account and goes to the role's home. */
export default function AuthCallbackRoute(): ReactNode {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { signIn } = useAuth();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let active = true;
    async function run(): Promise<void> {
      const user = await completeSignIn(window.location.href);
      const me = await queryClient.fetchQuery(meQueryOptions);
      void syncLanguageWithAccount(me);
      if (active) await navigate(destinationFor(user, me.roles), { replace: true });
    }
    run().catch(() => {
      if (active) setFailed(true);
    });
    return () => {
      active = false;
    };
  }, [navigate, queryClient]);

  if (!failed) {
    return (
      <Page title={t('callback.title')}>
        <PageLoader label={t('callback.completing')} />
      </Page>
    );
  }
  return (
    <Page title={t('callback.failedTitle')}>
      <Stack align="flex-start">
        <Alert color="red" role="alert">
          {t('callback.failed')}
        </Alert>
        <Button onClick={() => void signIn().catch(() => undefined)}>{t('callback.tryAgain')}</Button>
      </Stack>
    </Page>
  );
}
