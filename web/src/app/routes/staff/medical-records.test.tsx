import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { problemResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const found = [
  {
    id: 'r1',
    visitId: 'v1',
    purpose: 'Appointment',
    role: 'Patient',
    recordedAt: '2026-12-01T01:35:00Z',
    durationSeconds: 125,
    size: 1000,
    doctorName: '李伟',
    patientName: '周海燕',
  },
];

describe('Visit recordings (medical records office)', () => {
  it.each([
    ['en', 'Visit recordings', "Patient's name", 'Search', /2 min 5 s/, 'Play recording 1', 'Recording 1 of the visit'],
    ['zh-CN', '就诊录像', '患者姓名', '查询', /2 分 5 秒/, '播放录像 1', '本次就诊的录像 1'],
  ] as const)('finds recordings by patient and plays one (%s)', async (language, heading, patientLabel, search, length, play, player) => {
    const app = await renderApp({
      route: '/medical-records',
      roles: ['MedicalRecords'],
      language,
      api: {
        'GET /api/medical-records/recordings': found,
        'GET /api/video-visits/v1/recordings/r1': () => new Response(new Blob(['webm'], { type: 'video/webm' })),
      },
    });
    await findPageHeading(heading);
    await app.user.type(screen.getByLabelText(patientLabel), '周海燕');
    await app.user.click(screen.getByRole('button', { name: search }));

    await waitFor(() => {
      const searches = app.requests.filter((r) => r.path === '/api/medical-records/recordings');
      expect(new URLSearchParams(searches.at(-1)?.search).get('patient')).toBe('周海燕');
    });
    const last = await screen.findByText(length);
    const card = last.closest('article') as HTMLElement;
    expect(within(card).getByText('周海燕')).toBeInTheDocument();
    await app.user.click(within(card).getByRole('button', { name: play }));
    expect(await screen.findByLabelText(player)).toBeInTheDocument();
    expect(app.requests.some((r) => r.path === '/api/video-visits/v1/recordings/r1')).toBe(true);
  });

  it('shows the problem when the search is refused (a period the wrong way round)', async () => {
    await renderApp({
      route: '/medical-records',
      roles: ['MedicalRecords'],
      api: { 'GET /api/medical-records/recordings': () => problemResponse(400, { code: 'validation_failed', errors: { to: ['bad'] } }) },
    });
    await findPageHeading('Visit recordings');
    expect(await screen.findByRole('alert')).toBeInTheDocument();
  });

  it('is the medical records staff’s home and not open to other staff', async () => {
    const app = await renderApp({ route: '/medical-records', roles: ['Pharmacist'] });
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('Visit recordings');
    expect(app.requests.some((r) => r.path === '/api/medical-records/recordings')).toBe(false);
  });
});
