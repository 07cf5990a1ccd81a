import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { decision, pharmacistRenewal, RENEWAL_ID } from '@/features/renewals/testing/fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const get = `GET /api/pharmacy/renewals/${RENEWAL_ID}`;

describe('Prescription review (pharmacist)', () => {
  it('shows the severe interaction and approves only with a justification', async () => {
    const app = await renderApp({
      route: `/review-queue/${RENEWAL_ID}`,
      roles: ['Pharmacist'],
      api: { [get]: pharmacistRenewal(), [`POST /api/pharmacy/renewals/${RENEWAL_ID}/approve`]: decision('PharmacistApproved') },
    });
    await findPageHeading('Prescription review AB12CD34: 张伟');
    expect(screen.getByText('Interaction between Amlodipine and Clarithromycin')).toBeInTheDocument();
    expect(screen.getByText('Severe')).toBeInTheDocument();
    expect(screen.getByText(/raises amlodipine levels/)).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Approve' }));
    expect(screen.getByText(/A severe finding needs a written justification/)).toBeInTheDocument();
    expect(app.requests.some((r) => r.method === 'POST')).toBe(false);

    await app.user.type(screen.getByLabelText(/Justification/), 'Short antibiotic course; BP checks daily.');
    await app.user.click(screen.getByRole('button', { name: 'Approve' }));
    await waitFor(() => expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ justification: 'Short antibiotic course; BP checks daily.' }));
  });

  it('dispenses and hands over against the pickup code', async () => {
    const app = await renderApp({
      route: `/review-queue/${RENEWAL_ID}`,
      roles: ['Pharmacist'],
      api: {
        [get]: pharmacistRenewal({ status: 'Dispensed', findings: [], needsJustification: false }),
        [`POST /api/pharmacy/renewals/${RENEWAL_ID}/picked-up`]: decision('PickedUp'),
      },
    });
    await findPageHeading('Prescription review AB12CD34: 张伟');
    expect(screen.getByText('No problems found.')).toBeInTheDocument();
    await app.user.type(screen.getByLabelText(/Pickup code shown by the patient/), '40912873');
    await app.user.click(screen.getByRole('button', { name: 'Hand over' }));
    await waitFor(() => expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ pickupCode: '40912873' }));
  });

  it('names the guardian who asked for the child', async () => {
    await renderApp({
      route: `/review-queue/${RENEWAL_ID}`,
      roles: ['Pharmacist'],
      api: { [get]: pharmacistRenewal({ attending: { name: '张伟', relation: 'guardian', guardianPresent: true } }) },
    });
    await findPageHeading('Prescription review AB12CD34: 张伟');
    expect(screen.getByText('Requested by 张伟 (guardian) · guardian present')).toBeInTheDocument();
  });
});

