import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, noContent, renderApp } from '@/testing/test-utils';

describe('Proxy access (system administrators)', () => {
  it('finds who may act for a patient and ends a relation with a reason', async () => {
    const app = await renderApp({
      route: '/admin/patient-access',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/patient-access': [{ accessId: 'acc-9', accountName: '张三', patientName: '张小花', relationship: 'Guardian', relation: 'child', scopes: ['appointments'], grantedAt: '2026-01-01T00:00:00Z', accessEndsOn: null, endedAt: null }],
        'POST /api/admin/patient-access/acc-9/end': () => noContent(),
      },
    });
    await findPageHeading('Proxy access');
    await app.user.type(screen.getByLabelText('Patient id'), 'pat-42');
    await app.user.click(screen.getByRole('button', { name: 'Find' }));
    const card = await screen.findByRole('article', { name: '张三' });
    expect(app.requests.find((request) => request.path === '/api/admin/patient-access')?.search).toBe('?patientId=pat-42');
    await app.user.click(within(card).getByRole('button', { name: 'End access of 张三' }));
    const dialog = await screen.findByRole('dialog', { name: 'End a proxy relation' });
    const end = within(dialog).getByRole('button', { name: 'End access' });
    expect(end).toBeDisabled();
    await app.user.type(within(dialog).getByLabelText(/Reason/), 'Court order 2026-117');
    await app.user.click(end);
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST')?.body).toEqual({ reason: 'Court order 2026-117' }));
  });

  it('is only for system administrators', async () => {
    await renderApp({ route: '/admin/patient-access', roles: ['Patient'] });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
  });
});
