import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const past = new Date(Date.now() - 3_600_000).toISOString();
const pastEnd = new Date(Date.now() - 1_800_000).toISOString();
const future = new Date(Date.now() + 3_600_000).toISOString();
const futureEnd = new Date(Date.now() + 5_400_000).toISOString();

const calendar = {
  doctorId: 'doc-1',
  doctorName: '李伟',
  timeZone: 'Asia/Shanghai',
  cancelledAppointments: 0,
  days: [
    {
      date: today,
      slots: [
        { id: 's-1', start: past, end: pastEnd, status: 'Open', offersInPerson: true, offersVideo: true, sessionId: 'ses-1', appointment: { id: 'apt-1', patientId: 'pat-1', patientName: '张伟', visitType: 'Video', status: 'Booked' } },
        { id: 's-2', start: pastEnd, end: future, status: 'Open', offersInPerson: true, offersVideo: true, sessionId: 'ses-1', appointment: null },
        { id: 's-3', start: future, end: futureEnd, status: 'Blocked', offersInPerson: true, offersVideo: true, sessionId: 'ses-1', appointment: null },
      ],
    },
  ],
};

describe('Doctor calendar', () => {
  it.each([
    ['en', 'Calendar', 'Did not come: 张伟'],
    ['zh-CN', '出诊日历', '将张伟标记为未到诊'],
  ] as const)('shows the day with patient, visit type and state in %s', async (language, title, noShow) => {
    await renderApp({ route: '/calendar', roles: ['Doctor'], language, api: { 'GET /api/doctors/me/calendar': calendar, 'GET /api/doctors/me/blocks': [] } });
    await findPageHeading(title);
    expect(await screen.findByText(/张伟/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: new RegExp(noShow) })).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it('marks a no-show and cancels a session with a reason', async () => {
    const called: string[] = [];
    const app = await renderApp({
      route: '/calendar',
      roles: ['Doctor'],
      api: {
        'GET /api/doctors/me/calendar': calendar,
        'GET /api/doctors/me/blocks': [],
        'POST /api/appointments/apt-1/no-show': () => {
          called.push('no-show');
          return jsonResponse({});
        },
        'POST /api/doctors/me/sessions/cancel': (request) => {
          called.push(`cancel:${(request.body as { reason: string }).reason}`);
          return jsonResponse({ slotsCancelled: 3, appointmentsCancelled: 1 });
        },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Did not come: 张伟' }));
    await app.user.click(screen.getByRole('button', { name: /Cancel session \d/ }));
    await app.user.type(await screen.findByLabelText(/Reason/), '生病');
    await app.user.click(screen.getByRole('button', { name: 'Cancel session' }));
    expect(await screen.findByText('Session cancelled; patients told: 1.')).toBeInTheDocument();
    expect(called).toEqual(['no-show', 'cancel:生病']);
  });
});
