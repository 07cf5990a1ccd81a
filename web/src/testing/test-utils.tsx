import { render, screen, type RenderResult } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { User } from 'oidc-client-ts';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import type { MeInput } from '@/features/accounts/api/get-me';
import type { Role } from '@/features/accounts/lib/roles';
import { i18n, type Language } from '@/lib/i18n';
import { OIDC_CLIENT_ID, userManager } from '@/lib/oidc';
import { mockApi, type MockRoutes, type RecordedRequest } from './api-mock';

export * from './api-mock';

export function testMe(roles: Role[], overrides: Partial<MeInput> = {}): MeInput {
  return {
    id: 'acc-1',
    name: 'Li Lei',
    email: 'li.lei@example.com',
    roles,
    maskedIdNumber: '1101**********002X',
    preferredLanguage: 'en',
    patients: roles.includes('Patient') ? [{ id: 'pat-1', name: 'Li Lei', relationship: 'Self' }] : [],
    ...overrides,
  };
}

export function testOidcUser(state?: unknown): User {
  const now = Math.floor(Date.now() / 1000);
  return new User({
    access_token: 'test-access-token',
    token_type: 'Bearer',
    scope: 'openid profile email roles offline_access api',
    profile: { sub: 'acc-1', iss: window.location.origin, aud: OIDC_CLIENT_ID, exp: now + 3600, iat: now },
    expires_at: now + 3600,
    userState: state,
  });
}

/** Puts an access token in memory as after a completed sign-in. */
export async function signInAs(): Promise<User> {
  const user = testOidcUser();
  await userManager.storeUser(user);
  return user;
}

/** What GET /api/notifications answers by default for a signed-in user (the header bell asks). */
export const emptyNotificationPage = {
  notifications: { items: [], page: 1, pageSize: 10, total: 0 },
  unreadCount: 0,
};

export interface RenderAppOptions {
  route?: string;
  language?: Language;
  /** Signed in with these roles (GET /api/me answers accordingly); omit for a signed-out visitor. */
  roles?: Role[];
  me?: Partial<MeInput>;
  /** Extra or overriding API mocks. */
  api?: MockRoutes;
  /** What GET /api/account/session answers (default: not authenticated). */
  serverSession?: boolean;
  routerState?: unknown;
}

export interface RenderAppResult extends RenderResult {
  user: UserEvent;
  router: ReturnType<typeof createMemoryRouter>;
  queryClient: QueryClient;
  requests: RecordedRequest[];
  unhandled: RecordedRequest[];
}

/** Renders the real app (providers, shell, route table, guards) at `route`, with the API mocked. */
export async function renderApp(options: RenderAppOptions = {}): Promise<RenderAppResult> {
  const { route = '/', language = 'en', roles, api = {}, serverSession = false } = options;
  await i18n.changeLanguage(language);
  if (roles) await signInAs();
  const { requests, unhandled } = mockApi({
    'GET /api/account/session': { authenticated: serverSession || Boolean(roles) },
    'GET /api/site': { developmentStandIns: [] },
    ...(roles ? { 'GET /api/me': testMe(roles, options.me), 'GET /api/notifications': emptyNotificationPage } : {}),
    ...api,
  });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } },
  });
  const router = createMemoryRouter(routes, {
    initialEntries: [options.routerState ? { pathname: route, state: options.routerState } : route],
  });
  const result = render(
    <AppProvider queryClient={queryClient} env="test">
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, user: userEvent.setup(), router, queryClient, requests, unhandled };
}

/** The page's h1 once the lazy route has loaded. */
export function findPageHeading(name: string | RegExp): Promise<HTMLElement> {
  return screen.findByRole('heading', { level: 1, name });
}
