import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MockRoutes } from '@/testing/api-mock';
import { adminDoctor } from '@/testing/admin-fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const doctor = adminDoctor({ hasSchedule: true });
const template = { doctorId: 'doc-1', timeZone: 'Asia/Shanghai', sessions: [{ day: 'Monday', start: '09:00:00', end: '12:00:00', slotMinutes: 30, inPerson: true, video: true }], updatedAt: null };
/** The doctor's page as the server answers it, with the one request a test is about. */
const doctorApi = (extra: MockRoutes): MockRoutes => ({
  'GET /api/admin/doctors/doc-1': doctor,
  'GET /api/admin/departments': [],
  'GET /api/admin/doctors/doc-1/schedule': template,
  ...extra,
});

describe('Admin doctor', () => {
  it('edits the weekly timetable in local time and reports what changed', async () => {
    let sent: unknown = null;
    const app = await renderApp({
      route: '/admin/doctors/doc-1',
      roles: ['SystemAdmin'],
      api: doctorApi({
        'PUT /api/admin/doctors/doc-1/schedule': (request) => {
          sent = request.body;
          return jsonResponse({ template, slots: { created: 12, reshaped: 0, retired: 3, bookedKept: 1 } });
        },
      }),
    });
    await findPageHeading('李伟');
    expect(await screen.findByText(/Asia\/Shanghai/)).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);
    await app.user.click(screen.getByRole('button', { name: 'Add a session' }));
    await app.user.click(screen.getByRole('button', { name: 'Save timetable' }));
    expect(await screen.findByText('Timetable saved: 12 slots added, 3 withdrawn, 1 booked kept.')).toBeInTheDocument();
    expect((sent as { sessions: unknown[] }).sessions).toHaveLength(2);
    expect((sent as { sessions: { start: string }[] }).sessions[0]!.start).toBe('09:00:00');
  });

  it('shows the server’s refusal of a profile under the field it concerns, and the rest in the banner', async () => {
    const app = await renderApp({
      route: '/admin/doctors/doc-1',
      roles: ['SystemAdmin'],
      api: doctorApi({
        'PUT /api/admin/doctors/doc-1': () =>
          problemResponse(400, { code: 'validation_failed', errors: { 'profile.licenseNumber': ['Enter the 15-digit licence number.'], doctorId: ['Unknown doctor.'] } }),
      }),
    });
    await findPageHeading('李伟');
    await app.user.click(screen.getAllByRole('button', { name: 'Save profile' }).at(-1)!);

    const licence = screen.getByLabelText('Licence number');
    await waitFor(() => expect(licence).toHaveAccessibleDescription('Enter the 15-digit licence number.'));
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown doctor.');
    await app.user.type(licence, '6');
    expect(licence).not.toHaveAccessibleDescription('Enter the 15-digit licence number.');
  });
});
