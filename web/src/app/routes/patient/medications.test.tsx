import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { medicationsView, PATIENT_ID, summary } from '@/features/renewals/testing/fixtures';
import { ACTING_FOR_STORAGE_KEY, resetActingFor } from '@/lib/acting-for';
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

  it.each([
    ['en', 'For 张小宝'],
    ['zh-CN', '就诊人：张小宝'],
  ] as const)('in %s, names whose requests they are when the account acts for several people', async (language, forChild) => {
    window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, PATIENT_ID);
    resetActingFor();
    await renderApp({
      route: '/medications',
      roles: ['Patient'],
      language,
      me: {
        patients: [
          { id: 'pat-own', name: '张伟', relationship: 'Self' },
          { id: PATIENT_ID, name: '张小宝', relationship: 'Guardian', relation: 'child', ageYears: 4, guardianMustAttend: true, scopes: ['appointments', 'results', 'medications', 'messages', 'payments'] },
        ],
      },
      api: { ...api, [`GET /api/patients/${PATIENT_ID}/renewals`]: [summary({ patientName: '张小宝' })] },
    });
    expect(await screen.findByText(forChild)).toBeInTheDocument();
    window.sessionStorage.clear();
    resetActingFor();
  });

  it('does not repeat the name when the account acts only for itself', async () => {
    await renderApp({ route: '/medications', roles: ['Patient'], me: { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' }] }, api });
    await screen.findByText(/Request [0-9A-Z]+/);
    expect(screen.queryByText('For 张伟')).toBeNull();
  });
});
