import { createContext, useContext } from 'react';
import type { User } from 'oidc-client-ts';

/**
 * loading: checking for tokens / a server session; resuming: the server knows this browser, fresh tokens are on the way
 * (hidden frame, the page stays); redirecting: on the way to the authorization server;
 * signedIn: an access token is in memory; anonymous: none, and no session to resume;
 * signingOut: on the way to the end-session endpoint.
 */
export type AuthStatus = 'loading' | 'resuming' | 'redirecting' | 'signedIn' | 'anonymous' | 'signingOut';
export type SignOutReason = 'user' | 'idle';

export interface AuthContextValue {
  status: AuthStatus;
  user: User | null;
  /** Starts the OIDC authorization code flow; `returnTo` is an SPA path to land on afterwards. */
  signIn: (returnTo?: string) => Promise<void>;
  signOut: (reason?: SignOutReason) => Promise<void>;
}

export const AuthContext = createContext<AuthContextValue | null>(null);

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
