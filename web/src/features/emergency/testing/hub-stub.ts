import { vi } from 'vitest';
import { emergencyHubTransport } from '../lib/emergency-hub';

/** The emergency hub answers nothing in page tests (pages refetch on its events; that is not what they test). */
export function stubEmergencyHub(): void {
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
}
