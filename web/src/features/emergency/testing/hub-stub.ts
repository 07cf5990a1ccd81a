import { vi } from 'vitest';
import { emergencyHubTransport } from '../lib/emergency-hub';

/**
 * The emergency hub answers nothing in page tests (pages refetch on its events; that is not what they test). Returns
 * `emit`, which delivers an event to every handler the page registered (a test that wants the hub to speak).
 */
export function stubEmergencyHub(): { emit: (event: string, payload: unknown) => void } {
  const connection = {
    on: vi.fn(),
    onreconnecting: vi.fn(),
    onreconnected: vi.fn(),
    onclose: vi.fn(),
    start: vi.fn(() => Promise.resolve()),
    stop: vi.fn(() => Promise.resolve()),
    invoke: vi.fn(() => Promise.resolve()),
  };
  vi.spyOn(emergencyHubTransport, 'create').mockResolvedValue(connection as unknown as Awaited<ReturnType<typeof emergencyHubTransport.create>>);
  return {
    emit: (event, payload) => {
      for (const [name, handler] of connection.on.mock.calls as unknown as Array<[string, (payload: unknown) => void]>) if (name === event) handler(payload);
    },
  };
}
