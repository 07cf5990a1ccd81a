import { MantineProvider } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';
import { cssVariablesResolver, theme } from './theme';

const PHONE_QUERY = '(max-width: 47.99em)';
/** How long a confirmation ("Saved") stays: long enough to read, short enough not to pile up. */
const TOAST_MS = 4_000;

export interface AppProviderProps {
  children: ReactNode;
  /** Tests pass their own client; the app makes one. */
  queryClient?: QueryClient;
  /** 'test' turns off Mantine transitions and portals in unit tests. */
  env?: 'default' | 'test';
}

/** Everything above the router: theme, notifications, server-state cache. (i18n is initialised on import.) */
export function AppProvider({ children, queryClient, env = 'default' }: AppProviderProps): ReactNode {
  const [client] = useState(() => queryClient ?? createQueryClient());
  const phone = useMediaQuery(PHONE_QUERY) ?? false;
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light" env={env}>
      {/* Note: the toasts' container is a polite live region that exists before any toast: a toast that
          must not interrupt (role="status") is still announced when it appears. */}
      {/* Note: toasts must not bury the page's buttons. On a phone one at a time, at the top (over the header,
          away from the page's actions and the thumb), the rest waiting their turn; on wide screens a few, also at the
          top centre (the top-right corner holds the header's bell and account menu, which a toast would cover).
          Confirmations close by themselves; everything sent by the server stays in the notification centre. */}
      <Notifications
        position="top-center"
        limit={phone ? 1 : 3}
        autoClose={TOAST_MS}
        pauseResetOnHover="notification"
        aria-live="polite"
      />
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    </MantineProvider>
  );
}
