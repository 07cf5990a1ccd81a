import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTING_FOR_STORAGE_KEY, resetActingFor } from '@/lib/acting-for';
import { AMLODIPINE, medicationsView, PATIENT_ID, patientRenewal, RENEWAL_ID } from '@/features/renewals/testing/fixtures';
import { jsonResponse, problemResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const me = { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' }] };
const eligibility = { eligible: true, reasons: [], drugId: AMLODIPINE, maxDaysSupply: 84, defaultDaysSupply: 28, controlCategory: 'Ordinary', daysSupply: 28 };

describe('Request a renewal (patient)', () => {
  afterEach(() => {
    window.sessionStorage.clear();
    resetActingFor();
  });

  it('checks the days as typed, needs every answer, and submits pickup with the answers', async () => {
    const app = await renderApp({
      route: `/renewals/new?drug=${AMLODIPINE}`,
      roles: ['Patient'],
      me,
      api: {
        [`GET /api/patients/${PATIENT_ID}/medications`]: medicationsView,
        [`GET /api/patients/${PATIENT_ID}/renewal-eligibility/${AMLODIPINE}`]: eligibility,
        [`POST /api/patients/${PATIENT_ID}/renewals`]: () => jsonResponse(patientRenewal(), 201),
        [`GET /api/patients/${PATIENT_ID}/renewals/${RENEWAL_ID}`]: patientRenewal(),
      },
    });
    await findPageHeading('Request a renewal');
    expect(await screen.findByLabelText(/Days supply for Amlodipine 5 mg/)).toHaveValue('28');
    expect(await screen.findByText('Can be renewed')).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findAllByText('Please answer this question.')).toHaveLength(4);

    for (const question of ['Have you had any new symptoms?', 'Have you stayed in hospital?', 'Are you pregnant or breastfeeding?']) {
      await app.user.click(screen.getByRole('radiogroup', { name: question }).querySelector('input[value="no"]')!);
    }
    await app.user.click(screen.getByRole('radiogroup', { name: 'Have you had any side effects?' }).querySelector('input[value="yes"]')!);
    expect(screen.getByText(/Your doctor will look at these answers/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Submit request' }));

    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/renewals/${RENEWAL_ID}`));
    const post = app.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({
      items: [{ drugId: AMLODIPINE, daysSupply: 28 }],
      fulfilment: 'Pickup',
      newSymptoms: false,
      sideEffects: true,
      hospitalStay: false,
      pregnancy: false,
    });
  });

  it('shows the server refusing with its reason', async () => {
    const app = await renderApp({
      route: `/renewals/new?drug=${AMLODIPINE}`,
      roles: ['Patient'],
      me,
      api: {
        [`GET /api/patients/${PATIENT_ID}/medications`]: medicationsView,
        [`GET /api/patients/${PATIENT_ID}/renewal-eligibility/${AMLODIPINE}`]: eligibility,
        [`POST /api/patients/${PATIENT_ID}/renewals`]: () => problemResponse(422, { code: 'open_request_exists' }),
      },
    });
    await findPageHeading('Request a renewal');
    await screen.findByLabelText(/Days supply for Amlodipine 5 mg/);
    for (const group of screen.getAllByRole('radiogroup').slice(1)) await app.user.click(group.querySelector('input[value="no"]')!);
    await app.user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A renewal request for this medicine is already in progress.');
  });

  it('asks to choose medicines first when none are given', async () => {
    await renderApp({ route: '/renewals/new', roles: ['Patient'], me, api: { [`GET /api/patients/${PATIENT_ID}/medications`]: medicationsView } });
    await findPageHeading('Request a renewal');
    expect(screen.getByRole('link', { name: 'Back to my medications' })).toBeInTheDocument();
  });

  it.each([
    ['en', 'Request a renewal', 'I, the guardian, am with 张小宝 and answered these questions.', 'Submit request'],
    ['zh-CN', '申请续方', '本人作为监护人，陪同 张小宝 并回答了以上问题。', '提交申请'],
  ] as const)('in %s, renews a child under 6 only once the guardian confirms being present', async (language, title, confirmText, submitText) => {
    window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, PATIENT_ID);
    resetActingFor();
    const app = await renderApp({
      route: `/renewals/new?drug=${AMLODIPINE}`,
      roles: ['Patient'],
      language,
      me: {
        patients: [
          { id: 'pat-own', name: '张伟', relationship: 'Self' },
          { id: PATIENT_ID, name: '张小宝', relationship: 'Guardian', relation: 'child', ageYears: 4, guardianMustAttend: true, scopes: ['appointments', 'results', 'medications', 'messages', 'payments'] },
        ],
      },
      api: {
        [`GET /api/patients/${PATIENT_ID}/medications`]: medicationsView,
        [`GET /api/patients/${PATIENT_ID}/renewal-eligibility/${AMLODIPINE}`]: eligibility,
        [`POST /api/patients/${PATIENT_ID}/renewals`]: () => jsonResponse(patientRenewal(), 201),
        [`GET /api/patients/${PATIENT_ID}/renewals/${RENEWAL_ID}`]: patientRenewal(),
      },
    });
    await findPageHeading(title);
    await screen.findByRole('checkbox', { name: confirmText });
    for (const group of screen.getAllByRole('radiogroup').slice(1)) await app.user.click(group.querySelector('input[value="no"]')!);
    const submit = screen.getByRole('button', { name: submitText });
    expect(submit).toBeDisabled();
    await app.user.click(screen.getByRole('checkbox', { name: confirmText }));
    await app.user.click(submit);
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/renewals/${RENEWAL_ID}`));
    expect(app.requests.find((r) => r.method === 'POST')?.body).toMatchObject({ guardianPresent: true });
  });

  it('asks the guardian when the server says a guardian must be present, and sends the confirmation', async () => {
    let posts = 0;
    const app = await renderApp({
      route: `/renewals/new?drug=${AMLODIPINE}`,
      roles: ['Patient'],
      me,
      api: {
        [`GET /api/patients/${PATIENT_ID}/medications`]: medicationsView,
        [`GET /api/patients/${PATIENT_ID}/renewal-eligibility/${AMLODIPINE}`]: eligibility,
        [`POST /api/patients/${PATIENT_ID}/renewals`]: () => (++posts === 1 ? problemResponse(422, { code: 'guardian_presence_required' }) : jsonResponse(patientRenewal(), 201)),
        [`GET /api/patients/${PATIENT_ID}/renewals/${RENEWAL_ID}`]: patientRenewal(),
      },
    });
    await findPageHeading('Request a renewal');
    await screen.findByLabelText(/Days supply for Amlodipine 5 mg/);
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
    for (const group of screen.getAllByRole('radiogroup').slice(1)) await app.user.click(group.querySelector('input[value="no"]')!);
    await app.user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByText(/A child under 6 is seen online only with a guardian present./)).toBeInTheDocument();
    await app.user.click(screen.getByRole('checkbox', { name: 'I, the guardian, am with the child and answered these questions.' }));
    await app.user.click(screen.getByRole('button', { name: 'Submit request' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe(`/renewals/${RENEWAL_ID}`));
    expect(app.requests.filter((r) => r.method === 'POST').map((r) => (r.body as { guardianPresent?: boolean }).guardianPresent)).toEqual([undefined, true]);
  });
});
