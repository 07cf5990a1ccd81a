import { act } from '@testing-library/react';
import { vi, type MockInstance } from 'vitest';
import { liveTransport, type LiveEventHandler, type LiveHubConnection, type LiveTransportOptions } from '@/lib/live-connection';

/** A stand-in for SignalR's HubConnection: tests push server events and connection changes by hand. */
export class FakeHubConnection implements LiveHubConnection {
  readonly handlers = new Map<string, LiveEventHandler[]>();
  startCalls = 0;
  stopCalls = 0;
  /** What start() does; replace to simulate a server that cannot be reached. */
  startImpl: () => Promise<void> = () => Promise.resolve();
  private readonly reconnecting: Array<(error?: Error) => void> = [];
  private readonly reconnected: Array<(connectionId?: string) => void> = [];
  private readonly closed: Array<(error?: Error) => void> = [];

  on(eventName: string, handler: LiveEventHandler): void {
    this.handlers.set(eventName, [...(this.handlers.get(eventName) ?? []), handler]);
  }

  off(eventName: string): void {
    this.handlers.delete(eventName);
  }

  start(): Promise<void> {
    this.startCalls++;
    return this.startImpl();
  }

  stop(): Promise<void> {
    this.stopCalls++;
    return Promise.resolve();
  }

  onreconnecting(callback: (error?: Error) => void): void {
    this.reconnecting.push(callback);
  }

  onreconnected(callback: (connectionId?: string) => void): void {
    this.reconnected.push(callback);
  }

  onclose(callback: (error?: Error) => void): void {
    this.closed.push(callback);
  }

  /** The server sends `eventName` (wrapped in act: handlers update React state). */
  emit(eventName: string, ...args: unknown[]): void {
    act(() => {
      for (const handler of this.handlers.get(eventName) ?? []) handler(...args);
    });
  }

  simulateReconnecting(): void {
    act(() => this.reconnecting.forEach((callback) => callback(new Error('Connection lost'))));
  }

  simulateReconnected(): void {
    act(() => this.reconnected.forEach((callback) => callback('connection-2')));
  }

  simulateClose(): void {
    act(() => this.closed.forEach((callback) => callback(new Error('Closed by the server'))));
  }
}

export interface LiveMock {
  /** The connection the app gets (the same one for every session of the test). */
  connection: FakeHubConnection;
  create: MockInstance<(url: string, options: LiveTransportOptions) => Promise<LiveHubConnection>>;
}

/**
 * Replaces the SignalR connection with a fake. setup-tests installs one for every test (so no test opens a
 * real socket); call this again in a test to get hold of the fake and drive it.
 */
export function mockLiveConnection(): LiveMock {
  const connection = new FakeHubConnection();
  const create = vi.spyOn(liveTransport, 'create').mockResolvedValue(connection);
  return { connection, create };
}
