import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ACTING_FOR_STORAGE_KEY, resetActingFor } from '@/lib/acting-for';
import { findPageHeading, renderApp, type RecordedRequest } from '@/testing/test-utils';

const family = {
  patients: [
    { id: 'pat-1', name: 'Li Lei', relationship: 'Self', relation: 'self', ageYears: 38, scopes: ['appointments', 'results', 'medications', 'messages', 'payments'], guardianMustAttend: false },
    { id: 'pat-child', name: 'Li Xiaoming', relationship: 'Guardian', relation: 'child', ageYears: 4, scopes: ['appointments', 'results', 'medications', 'messages', 'payments'], guardianMustAttend: true },
    { id: 'pat-father', name: 'Li Jianguo', relationship: 'FamilyProxy', relation: 'parent', ageYears: 71, scopes: ['appointments'], guardianMustAttend: false, accessEndsOn: null },
  ],
};

const emptyPage = { items: [], page: 1, pageSize: 20, total: 0 };
const appointmentsOf = (requests: RecordedRequest[]): string[] =>
  requests.filter((request) => request.path === '/api/appointments').map((request) => new URLSearchParams(request.search).get('patientId') ?? '');

describe('Person switcher (issue 15)', () => {
  it('shows whose records the pages show, and switching the person reloads the page for that person', async () => {
    const app = await renderApp({ route: '/appointments', roles: ['Patient'], me: family, api: { 'GET /api/appointments': emptyPage, 'GET /api/waitlist': [] } });
    await findPageHeading('My appointments');
    const switcher = await screen.findByRole('button', { name: /Whose records: For me: Li Lei/ });
    await waitFor(() => expect(appointmentsOf(app.requests)).toContain('pat-1'));

    await app.user.click(switcher);
    await app.user.click(await screen.findByRole('menuitem', { name: /Li Xiaoming/ }));

    expect(await screen.findByRole('button', { name: /Acting for Li Xiaoming/ })).toBeInTheDocument();
    await waitFor(() => expect(appointmentsOf(app.requests)).toContain('pat-child'));
    expect(window.sessionStorage.getItem(ACTING_FOR_STORAGE_KEY)).toBe('pat-child');
  });

  it('keeps the choice for the tab (sessionStorage) and names the person in Chinese', async () => {
    window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, 'pat-child');
    resetActingFor();
    const app = await renderApp({ route: '/appointments', roles: ['Patient'], language: 'zh-CN', me: family, api: { 'GET /api/appointments': emptyPage, 'GET /api/waitlist': [] } });
    expect(await screen.findByRole('button', { name: /为 Li Xiaoming 办理/ })).toBeInTheDocument();
    await waitFor(() => expect(appointmentsOf(app.requests)).toEqual(expect.arrayContaining(['pat-child'])));
    expect(appointmentsOf(app.requests)).not.toContain('pat-1');
  });

  it('falls back to the own record when the chosen person is no longer among the account\'s people (revoked)', async () => {
    window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, 'pat-revoked');
    resetActingFor();
    const app = await renderApp({ route: '/appointments', roles: ['Patient'], me: family, api: { 'GET /api/appointments': emptyPage, 'GET /api/waitlist': [] } });
    expect(await screen.findByRole('button', { name: /For me: Li Lei/ })).toBeInTheDocument();
    await waitFor(() => expect(appointmentsOf(app.requests)).toContain('pat-1'));
    expect(appointmentsOf(app.requests)).not.toContain('pat-revoked');
  });

  it('explains a feature the person did not share, and asks the server nothing for it', async () => {
    window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, 'pat-father');
    resetActingFor();
    const app = await renderApp({ route: '/medications', roles: ['Patient'], me: family });
    await findPageHeading('My medications');
    expect(await screen.findByText('Not shared with you')).toBeInTheDocument();
    expect(screen.getByText(/Li Jianguo has not allowed you to see or do this \(Medications and renewals\)/)).toBeInTheDocument();
    expect(app.requests.some((request) => request.path.includes('/medications') || request.path.includes('/renewals'))).toBe(false);
  });

  it('is not shown to staff', async () => {
    await renderApp({ route: '/notifications', roles: ['Doctor'] });
    await screen.findByRole('heading', { level: 1 });
    expect((await screen.findAllByRole('button', { name: 'Sign out' })).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('person-switcher')).toBeNull();
  });
});
