import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { summary } from '@/features/family/testing/fixtures';
import { followUpCalendar, followUpDays } from '@/features/schedule/testing/follow-up-calendar';
import { formatLocalDate } from '@/lib/date-time';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const api = {
  'GET /api/doctors/me/calendar': followUpCalendar(),
  'GET /api/family/panel/patients/pat-9': summary(),
  'GET /api/family/team-threads': [],
  'GET /api/family/follow-up-templates': [],
};

describe('Book a follow-up visit (doctor)', () => {
  it('books from a follow-up task and goes back to the patient summary', async () => {
    const { day1 } = followUpDays();
    const app = await renderApp({
      route: '/panel/patients/pat-9/book-follow-up?taskId=task-1',
      roles: ['Doctor'],
      api: {
        ...api,
        'POST /api/doctors/me/follow-up-bookings': () =>
          jsonResponse({ id: 'apt-9', patientId: 'pat-9', start: `${day1}T01:00:00Z`, end: `${day1}T01:30:00Z`, visitType: 'Video', status: 'PendingPayment' }, 201),
      },
    });
    await findPageHeading('Book a follow-up visit for 刘建华');
    expect(await act(() => seriousA11yViolations())).toEqual([]);
    const day = await screen.findByRole('region', { name: formatLocalDate(day1, 'en') });
    await app.user.click(within(day).getByRole('button', { name: /09:00/ }));
    await app.user.click(screen.getByRole('button', { name: /^Book Video visit/ }));
    await findPageHeading('刘建华');
    expect(app.router.state.location.pathname).toBe('/panel/patients/pat-9');
  });

  it.each([
    ['en', 'slot_taken', 'Someone else has just taken this time. Please choose another.'],
    ['zh-CN', 'slot_taken', '该时段刚刚被他人预约，请选择其他时间。'],
    // Note: the rules speak to a patient booking for themselves ("you already have…"); here it is about the patient.
    ['en', 'too_many_holds', 'The patient is holding as many unpaid appointments as allowed; they need to pay for or cancel one first.'],
    ['zh-CN', 'overlapping_appointment', '该患者在此时间已有预约。'],
  ] as const)('shows a refusal in the doctor language (%s, %s)', async (language, code, message) => {
    const { day1 } = followUpDays();
    const app = await renderApp({
      route: '/panel/patients/pat-9/book-follow-up?taskId=task-1',
      roles: ['Doctor'],
      language,
      api: { ...api, 'POST /api/doctors/me/follow-up-bookings': () => problemResponse(409, { code, detail: 'Refused.' }) },
    });
    const day = await screen.findByRole('region', { name: formatLocalDate(day1, language) });
    await app.user.click(within(day).getByRole('button', { name: /09:00/ }));
    await app.user.click(screen.getByRole('button', { name: language === 'en' ? /^Book / : /^预约/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(message);
    expect(app.router.state.location.pathname).toBe('/panel/patients/pat-9/book-follow-up');
  });
});
