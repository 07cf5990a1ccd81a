import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_HOSPITAL_TIME_ZONE, hospitalTimeZone, setHospitalTimeZone } from '@/config/hospital';
import { jsonResponse, mockApi } from '@/testing/test-utils';
import { formatDateTime } from './date-time';
import { defaultServerSettings, useServerSettings } from './server-settings';

function wrapper({ children }: { children: ReactNode }): ReactNode {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

describe('server settings', () => {
  afterEach(() => setHospitalTimeZone(DEFAULT_HOSPITAL_TIME_ZONE));

  it('uses the server’s time zone, idle time-out and limits instead of its own copies', async () => {
    const { requests } = mockApi({
      'GET /api/config': () =>
        jsonResponse({ timeZone: 'Europe/Berlin', idleTimeoutMinutes: 15, passwordMinLength: 10, maxUploadBytes: 5 * 1024 * 1024 }),
    });

    const { result } = renderHook(() => useServerSettings(), { wrapper });
    expect(result.current).toEqual(defaultServerSettings);
    await waitFor(() => expect(result.current.timeZone).toBe('Europe/Berlin'));

    expect(result.current).toMatchObject({ idleTimeoutMinutes: 15, passwordMinLength: 10, maxUploadBytes: 5 * 1024 * 1024 });
    expect(hospitalTimeZone()).toBe('Europe/Berlin');
    expect(formatDateTime(new Date('2026-01-05T08:00:00Z'), 'en')).toContain('9:00');
    expect(requests[0]?.headers.authorization).toBeUndefined(); // read before anyone signs in
  });

  it('keeps the defaults when the server cannot answer', async () => {
    mockApi({ 'GET /api/config': () => jsonResponse({ message: 'not settings' }, 502) });

    const { result } = renderHook(() => useServerSettings(), { wrapper });
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(result.current).toEqual(defaultServerSettings);
    expect(hospitalTimeZone()).toBe(DEFAULT_HOSPITAL_TIME_ZONE);
  });
});
