import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { medicationsView, PATIENT_ID, summary } from '@/features/renewals/testing/fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const api = {
  [`GET /api/patients/${PATIENT_ID}/medications`]: medicationsView,
  [`GET /api/patients/${PATIENT_ID}/renewals`]: [summary({ status: 'PharmacistApproved', readyToCollect: true })],
};

describe('My medications (patient)', () => {
  it('lists the medicines with what can be renewed, says why a special-control drug cannot, and starts a request', async () => {
    const app = await renderApp({ route: '/medications', roles: ['Patient'], me: { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' }] }, api });
    await findPageHeading('My medications');

    expect(await screen.findByRole('heading', { level: 3, name: 'Amlodipine 5 mg' })).toBeInTheDocument();
    expect(screen.getByText(/Hospital record as of/)).toBeInTheDocument();
    const alprazolam = screen.getByRole('heading', { level: 3, name: 'Alprazolam 0.4 mg' }).closest('li')!;
    expect(within(alprazolam).getByText(/Special-control medicine: it cannot be renewed online/)).toBeInTheDocument();
    expect(within(alprazolam).queryByRole('checkbox')).toBeNull();
    expect(screen.getByText('青霉素 Penicillin: 皮疹 Rash (moderate)')).toBeInTheDocument();
    expect(screen.getByText('Ready for pickup')).toBeInTheDocument();

    await app.user.click(screen.getByRole('checkbox', { name: 'Renew Amlodipine 5 mg' }));
    await app.user.click(screen.getByRole('button', { name: 'Request renewal of 1 medicine' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/renewals/new'));
    expect(app.router.state.location.search).toBe('?drug=drug-amlodipine');
  });

  it('speaks Chinese', async () => {
    await renderApp({ route: '/medications', roles: ['Patient'], language: 'zh-CN', me: { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' }] }, api });
    await findPageHeading('我的用药');
    expect(await screen.findByRole('heading', { level: 3, name: '氨氯地平 5 mg' })).toBeInTheDocument();
    expect(screen.getByText(/特殊管理药品，不能在线续方/)).toBeInTheDocument();
  });
});
