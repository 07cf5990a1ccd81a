import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AuthContext, type AuthContextValue } from './auth-context';
import { IdleSignOut } from './idle-sign-out';

function renderIdle(signOut: AuthContextValue['signOut']): void {
  const value: AuthContextValue = { status: 'signedIn', user: null, signIn: vi.fn(), signOut };
  render(
    <QueryClientProvider client={new QueryClient()}>
      <MantineProvider env="test">
        <Notifications />
        <AuthContext.Provider value={value}>
          <IdleSignOut timeoutMs={10_000} warningMs={3_000} />
        </AuthContext.Provider>
      </MantineProvider>
    </QueryClientProvider>,
  );
}

describe('idle sign-out', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] }));
  afterEach(() => vi.useRealTimers());

  it('warns, then signs out after the idle timeout', async () => {
    const signOut = vi.fn().mockResolvedValue(undefined);
    renderIdle(signOut);
    await act(() => vi.advanceTimersByTimeAsync(7_100));
    expect(screen.getByText(/You will be signed out in 3 seconds/)).toBeInTheDocument();
    expect(signOut).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(3_000));
    expect(signOut).toHaveBeenCalledWith('idle');
  });

  it('starts again on any interaction', async () => {
    const signOut = vi.fn().mockResolvedValue(undefined);
    renderIdle(signOut);
    await act(() => vi.advanceTimersByTimeAsync(9_000));
    fireEvent.keyDown(window, { key: 'a' });
    await act(() => vi.advanceTimersByTimeAsync(5_000));
    expect(signOut).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(5_100));
    expect(signOut).toHaveBeenCalledWith('idle');
  });
});
