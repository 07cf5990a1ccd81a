import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, noContent, renderApp } from '@/testing/test-utils';

const waiting = [
  { id: 'r9', patientId: 'p1', patientName: '张伟', name: 'HIV抗原抗体检测', nameZh: 'HIV抗原抗体检测', nameEn: 'HIV antigen/antibody test', issuedAt: '2026-12-05T02:00:00Z', releasesAt: '2026-12-12T02:00:00Z' },
];

describe('Results to release (doctor)', () => {
  it('lists the sensitive results the doctor ordered and releases one', async () => {
    const app = await renderApp({
      route: '/doctor/results',
      roles: ['Doctor'],
      api: { 'GET /api/doctor/results/to-release': waiting, 'POST /api/doctor/results/r9/release': () => noContent() },
    });
    await findPageHeading('Results to release');
    expect(await screen.findByRole('heading', { level: 2, name: 'HIV antigen/antibody test · 张伟' })).toBeInTheDocument();
    expect(screen.getByText(/Released by itself on/)).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Release HIV antigen/antibody test to 张伟' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/doctor/results/r9/release')).toBe(true));
    expect(await screen.findByText('Released. The patient has been told.')).toBeInTheDocument();
  });
});
