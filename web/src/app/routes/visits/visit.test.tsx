import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ACTING_FOR_STORAGE_KEY, resetActingFor } from '@/lib/acting-for';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const doctor = { doctorId: 'd1', name: '李伟', title: '主任医师', titleEn: 'Chief Physician', departmentId: 'dep1', department: '心血管内科', departmentEn: 'Cardiology' };

const completed = {
  id: 'v1',
  status: 'Completed',
  myRole: 'Patient',
  scheduledStart: '2026-12-01T01:30:00Z',
  scheduledEnd: '2026-12-01T01:45:00Z',
  checkedInAt: '2026-12-01T01:20:00Z',
  admittedAt: '2026-12-01T01:31:00Z',
  endedAt: '2026-12-01T01:44:00Z',
  patient: { name: '王秀英', age: 67, sex: 'Female', id: '5d2c1f8e-3b7a-4c61-9a0e-7f3e2b1d4c55' },
  doctor,
  specialists: [],
  referral: null,
  note: {
    chiefComplaint: '血压控制欠佳两周',
    history: '',
    assessment: 'Essential hypertension, not at target.',
    plan: 'Amlodipine 10 mg daily.',
    diagnoses: [{ code: 'I10', description: '特发性（原发性）高血压' }],
    followUpAdvice: 'Video follow-up in 4 weeks.',
    followUpAppointmentId: null,
    lastEditedAt: '2026-12-01T01:40:00Z',
    signature: { signedByAccountId: 'a', signedBy: '李伟', signedAt: '2026-12-01T01:44:00Z', contentHash: 'ab', intact: true },
  },
  addenda: [],
  trace: [],
};

describe('a video visit page', () => {
  it('explains when the browser cannot do video, and lets the patient check in when check-in is open', async () => {
    await renderApp({
      route: '/visits/v1',
      roles: ['Patient'],
      api: {
        'GET /api/video-visits/v1/waiting-room': {
          appointmentId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', appointmentStatus: 'Booked', doctor,
          checkInOpensAt: '2026-12-01T01:15:00Z', canCheckIn: true, visitStatus: null, checkedInAt: null, doctorStatus: 'NotStarted', queuePosition: null, minutesLate: null,
        },
      },
    });
    await findPageHeading('Video visit');
    expect(screen.getByText(/李伟, Chief Physician · Cardiology/)).toBeInTheDocument();
    // jsdom has no camera: the page says what to do instead of failing.
    expect(screen.getByRole('alert')).toHaveTextContent('This browser cannot do video visits');
    expect(screen.getByRole('button', { name: 'Check in' })).toBeEnabled();
    expect(screen.getByRole('heading', { name: 'Check your camera and microphone' })).toBeInTheDocument();
  });

  it.each([
    ['en', 'Visit summary', 'Chief complaint', 'Signed by 李伟'],
    ['zh-CN', '就诊小结', '主诉', '李伟于'],
  ] as const)('shows the patient the after-visit summary in their language with the note as written (%s)', async (language, title, heading, signed) => {
    await renderApp({
      route: '/visits/v1',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/video-visits/v1/waiting-room': {
          appointmentId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', appointmentStatus: 'Completed', doctor,
          checkInOpensAt: '2026-12-01T01:15:00Z', canCheckIn: false, visitStatus: 'Completed', checkedInAt: '2026-12-01T01:20:00Z', doctorStatus: 'NotStarted', queuePosition: null, minutesLate: null,
        },
        'GET /api/video-visits/v1': completed,
        'GET /api/video-visits/v1/messages': [],
      },
    });
    expect(await screen.findByRole('heading', { name: title })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.getByText('Amlodipine 10 mg daily.')).toBeInTheDocument();
    // The patient reads the diagnosis by its name; the ICD-10 code is for staff.
    expect(screen.getByText('特发性（原发性）高血压')).toBeInTheDocument();
    expect(screen.queryByText(/I10/)).toBeNull();
    expect(screen.getByText(new RegExp(signed))).toBeInTheDocument();
  });

  it.each([
    ['en', 'Follow-up appointment', 'Confirm and pay for the follow-up'],
    ['zh-CN', '复诊预约', '确认并支付复诊费用'],
  ] as const)('shows the patient the follow-up the doctor ordered, with a link to it (%s)', async (language, heading, link) => {
    await renderApp({
      route: '/visits/v1',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/video-visits/v1/waiting-room': {
          appointmentId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', appointmentStatus: 'Completed', doctor,
          checkInOpensAt: '2026-12-01T01:15:00Z', canCheckIn: false, visitStatus: 'Completed', checkedInAt: '2026-12-01T01:20:00Z', doctorStatus: 'NotStarted', queuePosition: null, minutesLate: null,
        },
        'GET /api/video-visits/v1': {
          ...completed,
          note: { ...completed.note, followUpAppointmentId: 'apt-9' },
          followUp: { appointmentId: 'apt-9', start: '2026-12-29T02:00:00Z', end: '2026-12-29T02:15:00Z', visitType: 'Video', status: 'PendingPayment' },
        },
        'GET /api/video-visits/v1/messages': [],
      },
    });
    expect(await screen.findByRole('heading', { name: heading })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: link })).toHaveAttribute('href', '/appointments/apt-9');
  });

  it('tells someone who is not part of the visit that it is not available', async () => {
    await renderApp({
      route: '/visits/v1',
      roles: ['Doctor'],
      api: {
        'GET /api/video-visits/v1': () => problemResponse(404, { code: 'not_found' }),
        'GET /api/video-visits/consulting-session': { active: false },
      },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('This visit is not available to you.');
  });

  it('shows the treating doctor the signed record with the addendum form once completed', async () => {
    await renderApp({
      route: '/visits/v1',
      roles: ['Doctor'],
      api: {
        'GET /api/video-visits/v1': { ...completed, myRole: 'Doctor', trace: [{ at: '2026-12-01T01:20:00Z', kind: 'checked_in', actorAccountId: 'p', detail: null }] },
        'GET /api/video-visits/consulting-session': { active: true, startedAt: '2026-12-01T01:00:00Z', expiresAt: '2026-12-01T05:00:00Z', method: 'password' },
        'GET /api/video-visits/v1/messages': [],
      },
    });
    expect(await screen.findByRole('heading', { name: 'Visit summary' })).toBeInTheDocument();
    expect(screen.getByLabelText('Addendum')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Visit record trail' })).toBeInTheDocument();
    expect(screen.getByText(/checked_in/)).toBeInTheDocument();
  });

  it('asks the guardian of a child under 6 to confirm attending before check-in, and sends the confirmation', async () => {
    window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, 'pat-child');
    resetActingFor();
    const room = {
      appointmentId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', appointmentStatus: 'Booked', doctor,
      checkInOpensAt: '2026-12-01T01:15:00Z', canCheckIn: true, visitStatus: null, checkedInAt: null, doctorStatus: 'NotStarted', queuePosition: null, minutesLate: null,
    };
    const app = await renderApp({
      route: '/visits/v1',
      roles: ['Patient'],
      me: {
        patients: [
          { id: 'pat-1', name: '王芳', relationship: 'Self' },
          { id: 'pat-child', name: '李小明', relationship: 'Guardian', relation: 'child', ageYears: 4, guardianMustAttend: true },
        ],
      },
      api: {
        'GET /api/video-visits/v1/waiting-room': room,
        'POST /api/video-visits/v1/check-in': () => jsonResponse({ ...room, visitStatus: 'Waiting', checkedInAt: '2026-12-01T01:20:00Z' }),
      },
    });
    await findPageHeading('Video visit');
    const checkIn = screen.getByRole('button', { name: 'Check in' });
    expect(screen.getByText('A child under 6 is seen online only with a parent or guardian present.')).toBeInTheDocument();
    expect(checkIn).toBeDisabled();
    await app.user.click(screen.getByRole('checkbox', { name: 'I, the guardian, will attend the visit with the child.' }));
    await app.user.click(checkIn);
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST')?.search).toBe('?guardianPresent=true'));
  });

  it('asks for the guardian\'s confirmation when the server says it is needed', async () => {
    const app = await renderApp({
      route: '/visits/v1',
      roles: ['Patient'],
      api: {
        'GET /api/video-visits/v1/waiting-room': {
          appointmentId: 'v1', start: '2026-12-01T01:30:00Z', end: '2026-12-01T01:45:00Z', appointmentStatus: 'Booked', doctor,
          checkInOpensAt: '2026-12-01T01:15:00Z', canCheckIn: true, visitStatus: null, checkedInAt: null, doctorStatus: 'NotStarted', queuePosition: null, minutesLate: null,
        },
        'POST /api/video-visits/v1/check-in': () => problemResponse(422, { code: 'guardian_presence_required' }),
      },
    });
    await findPageHeading('Video visit');
    await app.user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText(/Confirm that you, the guardian, will attend/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'I, the guardian, will attend the visit with the child.' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Check in' })).toBeDisabled();
  });
});
