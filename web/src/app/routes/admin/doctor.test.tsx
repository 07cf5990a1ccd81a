import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

const doctor = {
  id: 'doc-1',
  department: { id: 'dep-1', name: '心血管内科', nameEn: 'Cardiology' },
  profile: {
    fullName: '李伟', departmentId: 'dep-1', title: '主任医师', titleEn: 'Chief Physician', isFamilyDoctor: false, specialties: '', specialtiesEn: '', bio: '', bioEn: '',
    languages: ['zh-CN'], inPersonFee: 50, videoFee: 40, licenseNumber: '110440100012345', practiceSinceYear: 1998, offersVideoVisits: true,
  },
  eligibleForOnlinePractice: true,
  hasPhoto: false,
  hasSchedule: true,
};
const template = { doctorId: 'doc-1', timeZone: 'Asia/Shanghai', sessions: [{ day: 'Monday', start: '09:00:00', end: '12:00:00', slotMinutes: 30, inPerson: true, video: true }], updatedAt: null };

describe('Admin doctor', () => {
  it('edits the weekly timetable in local time and reports what changed', async () => {
    let sent: unknown = null;
    const app = await renderApp({
      route: '/admin/doctors/doc-1',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/doctors/doc-1': doctor,
        'GET /api/admin/departments': [],
        'GET /api/admin/doctors/doc-1/schedule': template,
        'PUT /api/admin/doctors/doc-1/schedule': (request) => {
          sent = request.body;
          return jsonResponse({ template, slots: { created: 12, reshaped: 0, retired: 3, bookedKept: 1 } });
        },
      },
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
});
