import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { summary } from '@/features/family/testing/fixtures';
import { formatLocalDate } from '@/lib/date-time';
import { jsonResponse, renderApp, type MockRoutes } from '@/testing/test-utils';
import { followUpCalendar, followUpDays } from '../testing/follow-up-calendar';

const booked = { id: 'apt-9', patientId: 'pat-9', start: '2026-12-01T01:00:00Z', end: '2026-12-01T01:30:00Z', visitType: 'Video', status: 'PendingPayment' };

function api(): MockRoutes {
  return {
    'GET /api/doctors/me/calendar': followUpCalendar(),
    'GET /api/family/panel/patients/pat-9': summary(),
    'GET /api/family/team-threads': [],
    'GET /api/family/follow-up-templates': [],
    'POST /api/doctors/me/follow-up-bookings': () => jsonResponse(booked, 201),
  };
}

describe('Follow-up slot picker', () => {
  it.each([
    ['en', 'Video visit', 'In person', 'at 09:00'],
    ['zh-CN', '视频问诊', '线下门诊', '09:00'],
  ] as const)('offers only free slots of the chosen visit type, grouped by day (%s)', async (language, video, inPerson, nine) => {
    const { day1, day2 } = followUpDays();
    const app = await renderApp({ route: '/panel/patients/pat-9/book-follow-up?taskId=task-1', roles: ['Doctor'], language, api: api() });
    const first = await screen.findByRole('region', { name: formatLocalDate(day1, language) });
    // Taken and blocked times are not offered; the in-person-only time is not offered for video.
    expect(within(first).getAllByRole('button').map((b) => b.textContent)).toEqual(['09:00']);
    expect(within(first).getByRole('button', { name: new RegExp(nine) })).toBeInTheDocument();
    const second = screen.getByRole('region', { name: formatLocalDate(day2, language) });
    expect(within(second).getAllByRole('button').map((b) => b.textContent)).toEqual(['10:00']);
    expect(screen.getByRole('radio', { name: video })).toBeChecked();

    await app.user.click(screen.getByRole('radio', { name: inPerson }));
    expect(within(screen.getByRole('region', { name: formatLocalDate(day2, language) })).getAllByRole('button').map((b) => b.textContent)).toEqual(['09:00', '10:00']);
  });

  it('books the chosen slot with the visit type and the task', async () => {
    const { day2 } = followUpDays();
    const app = await renderApp({ route: '/panel/patients/pat-9/book-follow-up?taskId=task-1', roles: ['Doctor'], api: api() });
    const confirm = await screen.findByRole('button', { name: 'Choose a time' });
    expect(confirm).toBeDisabled();
    const second = await screen.findByRole('region', { name: formatLocalDate(day2, 'en') });
    await app.user.click(within(second).getByRole('button', { name: /10:00/ }));
    expect(within(second).getByRole('button', { name: /10:00/ })).toHaveAttribute('aria-pressed', 'true');
    await app.user.click(screen.getByRole('button', { name: /^Book Video visit, .*10:00/ }));
    await waitFor(() =>
      expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ patientId: 'pat-9', slotId: 'free-2', visitType: 'Video', followUpTaskId: 'task-1' }),
    );
  });
});
