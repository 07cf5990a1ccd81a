import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AMLODIPINE, medicationsView, PATIENT_ID, patientRenewal, RENEWAL_ID } from '@/features/renewals/testing/fixtures';
import { jsonResponse, problemResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const me = { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' }] };
const eligibility = { eligible: true, reasons: [], drugId: AMLODIPINE, maxDaysSupply: 84, defaultDaysSupply: 28, controlCategory: 'Ordinary', daysSupply: 28 };

describe('Request a renewal (patient)', () => {
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
});
