import type { HubConnection as HubConnectionType } from '@microsoft/signalr';
import { act, renderHook, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockLiveConnection } from '@/testing/live-mock';
import { signInAs } from '@/testing/test-utils';
import { userManager } from './oidc';
import {
  LIVE_HUB_PATH,
  liveConnection,
  liveTransport,
  retryDelayMs,
  useLiveEvent,
  useLiveSession,
  useLiveStatus,
} from './live-connection';

async function connected(): Promise<void> {
  await vi.waitFor(() => expect(liveConnection.getStatus()).toBe('connected'));
}

describe('live connection', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('backs off: at once, 2 s, 5 s, 10 s, 20 s, 30 s, then every minute, with ±20 % jitter', () => {
    const middle = (): number => 0.5;
    expect([0, 1, 2, 3, 4, 5, 6, 50].map((i) => retryDelayMs(i, middle))).toEqual([
      0, 2_000, 5_000, 10_000, 20_000, 30_000, 60_000, 60_000,
    ]);
    expect(retryDelayMs(1, () => 0)).toBe(1_600);
    expect(retryDelayMs(6, () => 0.999999)).toBe(72_000);
  });

  it('connects once per session with a fresh access token from the OIDC user manager', async () => {
    const { connection, create } = mockLiveConnection();
    await signInAs();
    liveConnection.start();
    liveConnection.start();
    expect(liveConnection.getStatus()).toBe('connecting');
    await connected();
    expect(create).toHaveBeenCalledTimes(1);
    expect(connection.startCalls).toBe(1);
    const [url, options] = create.mock.calls[0]!;
    expect(url).toBe(LIVE_HUB_PATH);
    await expect(options.accessTokenFactory()).resolves.toBe('test-access-token');

    await liveConnection.stop();
    expect(connection.stopCalls).toBe(1);
    expect(liveConnection.getStatus()).toBe('offline');
    // Signed out: no token, and the refresh token cannot get one either.
    await userManager.removeUser();
    await expect(options.accessTokenFactory()).rejects.toThrow('not signed in');
  });

  it('delivers server events to every subscriber until they unsubscribe', async () => {
    const { connection } = mockLiveConnection();
    const early = vi.fn();
    const offEarly = liveConnection.subscribe('notification', early);
    liveConnection.start();
    await connected();
    // Subscribing after the connection exists registers the event on it too.
    const late = vi.fn();
    const offLate = liveConnection.subscribe('alert', late);
    connection.emit('notification', { id: 'n1' });
    connection.emit('alert', 'a', 2);
    expect(early).toHaveBeenCalledWith({ id: 'n1' });
    expect(late).toHaveBeenCalledWith('a', 2);

    offEarly();
    offLate();
    expect(connection.handlers.has('notification')).toBe(false);
    connection.emit('alert', 'b');
    expect(late).toHaveBeenCalledTimes(1);
  });

  it('keeps delivering to the other subscribers when one handler throws', async () => {
    const { connection } = mockLiveConnection();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    const offs = [
      liveConnection.subscribe('message', () => {
        throw new Error('boom');
      }),
      liveConnection.subscribe('message', good),
    ];
    liveConnection.start();
    await connected();
    connection.emit('message', 1);
    expect(good).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalled();
    offs.forEach((off) => off());
  });

  it('reports reconnecting and tells listeners once it is back (not on the first connect)', async () => {
    const { connection } = mockLiveConnection();
    const onReconnect = vi.fn();
    const off = liveConnection.onReconnect(onReconnect);
    liveConnection.start();
    await connected();
    expect(onReconnect).not.toHaveBeenCalled();

    connection.simulateReconnecting();
    expect(liveConnection.getStatus()).toBe('reconnecting');
    connection.simulateReconnected();
    expect(liveConnection.getStatus()).toBe('connected');
    expect(onReconnect).toHaveBeenCalledTimes(1);
    off();
  });

  it('retries a failed start with backoff until it connects, then tells listeners', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { connection } = mockLiveConnection();
    let failures = 2;
    connection.startImpl = () => (failures-- > 0 ? Promise.reject(new Error('offline')) : Promise.resolve());
    const onReconnect = vi.fn();
    const off = liveConnection.onReconnect(onReconnect);
    vi.spyOn(Math, 'random').mockReturnValue(0.5);

    liveConnection.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(liveConnection.getStatus()).toBe('reconnecting');
    expect(connection.startCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(connection.startCalls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(connection.startCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(connection.startCalls).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(connection.startCalls).toBe(3);
    expect(liveConnection.getStatus()).toBe('connected');
    expect(onReconnect).toHaveBeenCalledTimes(1);
    off();
  });

  it('starts over when the server closes the connection, and never after a sign-out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { connection } = mockLiveConnection();
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    liveConnection.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(liveConnection.getStatus()).toBe('connected');

    connection.simulateClose();
    expect(liveConnection.getStatus()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(2_000);
    expect(connection.startCalls).toBe(2);
    expect(liveConnection.getStatus()).toBe('connected');

    connection.startImpl = () => Promise.reject(new Error('offline'));
    connection.simulateClose();
    await liveConnection.stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(connection.startCalls).toBe(2);
    expect(liveConnection.getStatus()).toBe('offline');
  });

  it('useLiveSession starts while a session key is set; useLiveEvent and useLiveStatus follow it', async () => {
    const { connection } = mockLiveConnection();
    const seen: unknown[] = [];
    const { result, rerender } = renderHook(
      ({ session }: { session: string | null }) => {
        useLiveSession(session);
        useLiveEvent('reviewQueueChanged', (payload) => seen.push(payload));
        return useLiveStatus();
      },
      { initialProps: { session: null as string | null } },
    );
    expect(result.current).toBe('offline');
    rerender({ session: 'acc-1' });
    await waitFor(() => expect(result.current).toBe('connected'));
    connection.emit('reviewQueueChanged', { pending: 3 });
    expect(seen).toEqual([{ pending: 3 }]);

    rerender({ session: null });
    await waitFor(() => expect(result.current).toBe('offline'));
    expect(connection.stopCalls).toBe(1);
  });

  it('builds a real SignalR connection to the hub, loaded on demand', async () => {
    vi.mocked(liveTransport.create).mockRestore();
    const connection = await act(() =>
      liveTransport.create(LIVE_HUB_PATH, { accessTokenFactory: async () => 'token', retryDelayMs }),
    );
    const { HubConnection } = await import('@microsoft/signalr');
    expect(connection).toBeInstanceOf(HubConnection);
    const hub = connection as HubConnectionType;
    expect(hub.state).toBe('Disconnected');
    expect(hub.baseUrl).toBe(`${window.location.origin}${LIVE_HUB_PATH}`);
  });
});
