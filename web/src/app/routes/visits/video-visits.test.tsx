import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const doctor = { doctorId: 'd1', name: '李伟', title: '主任医师', titleEn: 'Chief Physician', departmentId: 'dep1', department: '心血管内科', departmentEn: 'Cardiology' };

describe('video visits list', () => {
  it.each([
    ['en', 'Video visits', 'Enter the waiting room', 'Cardiology'],
    ['zh-CN', '视频复诊', '进入候诊室', '心血管内科'],
  ] as const)('shows the patient their visits with the way into the waiting room (%s)', async (language, title, enter, department) => {
    await renderApp({
      route: '/video-visits',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/video-visits/mine': [
          { visitId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', doctor, appointmentStatus: 'Booked', visitStatus: null },
        ],
      },
    });
    await findPageHeading(title);
    const card = await screen.findByRole('article');
    expect(within(card).getByText(new RegExp(department))).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: enter })).toHaveAttribute('href', '/visits/v1');
  });

  it("shows the doctor today's visits with waiting times and asks them to confirm who they are", async () => {
    await renderApp({
      route: '/video-visits',
      roles: ['Doctor'],
      api: {
        'GET /api/video-visits/consulting-session': { active: false },
        'GET /api/video-visits/today': {
          visits: [
            { visitId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', patientName: '王秀英', patientAge: 67, patientSex: 'Female', appointmentStatus: 'CheckedIn', visitStatus: 'Waiting', checkedInAt: '2026-12-01T01:20:00Z', waitingMinutes: 7 },
            { visitId: 'v3', start: '2026-12-01T01:45:00Z', end: '2026-12-01T02:00:00Z', patientName: '李小明', patientAge: 4, patientSex: 'Male', appointmentStatus: 'CheckedIn', visitStatus: 'Waiting', checkedInAt: '2026-12-01T01:21:00Z', waitingMinutes: 6, attending: { name: '王芳', relation: 'guardian', guardianPresent: true } },
            { visitId: 'v4', start: '2026-12-01T02:15:00Z', end: '2026-12-01T02:30:00Z', patientName: '李建国', patientAge: 71, patientSex: 'Male', appointmentStatus: 'CheckedIn', visitStatus: 'Waiting', checkedInAt: '2026-12-01T01:22:00Z', waitingMinutes: 5, attending: { name: '李娜', relation: 'parent', guardianPresent: false } },
            { visitId: 'v2', start: '2026-12-01T02:00:00Z', end: '2026-12-01T02:15:00Z', patientName: '张伟', patientAge: 58, patientSex: 'Male', appointmentStatus: 'Booked', visitStatus: null, checkedInAt: null, waitingMinutes: null },
          ],
          consultations: [{ visitId: 'v9', invitedBy: '王芳', invitedAt: '2026-12-01T01:00:00Z', status: 'InProgress' }],
        },
      },
    });
    await findPageHeading('Video visits');
    const waiting = await screen.findByRole('article', { name: '王秀英' });
    expect(within(waiting).getByText('waiting 7 minutes')).toBeInTheDocument();
    expect(within(waiting).queryByText(/Attending/)).toBeNull();
    // Issue 15: the doctor sees who attends with (or for) the child.
    expect(within(screen.getByRole('article', { name: '李小明' })).getByText('Attending: 王芳 (guardian)')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: '李建国' })).getByText('Attending: 李娜 (son or daughter)')).toBeInTheDocument();
    expect(within(waiting).getByRole('link', { name: 'Open visit: 王秀英' })).toHaveAttribute('href', '/visits/v1');
    expect(within(screen.getByRole('article', { name: '张伟' })).getByText('Not checked in')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Join consultation' })).toHaveAttribute('href', '/visits/v9');
    expect(screen.getByLabelText('Password')).toBeRequired();
    expect(screen.getByRole('button', { name: 'Start session' })).toBeInTheDocument();
  });

  it.each([
    ['en', 'For 李小明', 'For 王芳'],
    ['zh-CN', '就诊人：李小明', '就诊人：王芳'],
  ] as const)('in %s, names whose visit each is for an account acting for several people', async (language, child, own) => {
    await renderApp({
      route: '/video-visits',
      roles: ['Patient'],
      language,
      me: { patients: [{ id: 'pat-1', name: '王芳', relationship: 'Self' }, { id: 'pat-child', name: '李小明', relationship: 'Guardian', relation: 'child', ageYears: 4 }] },
      api: {
        'GET /api/video-visits/mine': [
          { visitId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', doctor, appointmentStatus: 'Booked', visitStatus: null, patientId: 'pat-child', patientName: '李小明' },
          { visitId: 'v2', start: '2026-12-01T02:30:00Z', end: '2026-12-01T02:45:00Z', doctor, appointmentStatus: 'Booked', visitStatus: null, patientId: 'pat-1', patientName: '王芳' },
        ],
      },
    });
    const cards = await screen.findAllByRole('article');
    expect(within(cards[0]!).getByText(child)).toBeInTheDocument();
    expect(within(cards[1]!).getByText(own)).toBeInTheDocument();
  });
});
