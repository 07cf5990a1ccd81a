import { Box } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { AppLayout, type AppLayoutNavItem } from '@/components/layout/app-layout';
import { StagingBanner } from '@/components/staging-banner';
import { useMe } from '@/features/accounts/api/get-me';
import { AccountLanguageSwitcher } from '@/features/accounts/components/account-language-switcher';
import { useAuth } from '@/features/accounts/components/auth-context';
import { AuthProvider } from '@/features/accounts/components/auth-provider';
import { IdleSignOut } from '@/features/accounts/components/idle-sign-out';
import { loadAllNamespaces } from '@/lib/i18n';
import { PersonSwitcher } from '@/features/accounts/components/person-switcher';
import { useLiveSession } from '@/lib/live-connection';
import { navItemsFor } from './nav';

// Note: the bell (popover, drawer, live toasts) is only downloaded once someone has signed in.
const NotificationBell = lazy(async () => {
  const [module] = await Promise.all([import('@/features/notifications/components/notification-bell'), loadAllNamespaces()]);
  return { default: module.NotificationBell };
});

function Shell(): ReactNode {
  const { t } = useTranslation();
  const { status, user, signOut } = useAuth();
  const me = useMe({ enabled: status === 'signedIn' });
  const signedIn = status === 'signedIn';
  // Note: one live connection per signed-in account: opened after sign-in, closed on sign-out.
  useLiveSession(signedIn ? (user?.profile.sub ?? 'signed-in') : null);

  const items: AppLayoutNavItem[] =
    signedIn && me.data
      ? navItemsFor(me.data.roles).map((item) => ({
          to: item.to,
          label: t(item.labelKey),
          icon: <item.icon size={18} aria-hidden="true" />,
        }))
      : [];

  return (
    <AppLayout
      navItems={items}
      userName={signedIn ? (me.data?.name ?? null) : null}
      onSignOut={signedIn ? () => void signOut() : undefined}
      languageSwitcher={<AccountLanguageSwitcher />}
      headerBar={signedIn && me.data?.roles.includes('Patient') && me.data.patients.length > 0 ? <PersonSwitcher /> : undefined}
      headerActions={
        signedIn ? (
          <Suspense fallback={<Box w={34} h={34} />}>
            <NotificationBell />
          </Suspense>
        ) : undefined
      }
    >
      <StagingBanner />
      <Outlet />
      <IdleSignOut />
    </AppLayout>
  );
}

/** The root route: auth state for every page, inside the shell. */
export function RootLayout(): ReactNode {
  return (
    <AuthProvider>
      <Shell />
    </AuthProvider>
  );
}
