import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PATIENT_ID, patientRenewal, prescription, RENEWAL_ID } from '@/features/renewals/testing/fixtures';
import { browser } from '@/lib/browser';
import { jsonResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const me = { patients: [{ id: PATIENT_ID, name: '张伟', relationship: 'Self' }] };
const path = `GET /api/patients/${PATIENT_ID}/renewals/${RENEWAL_ID}`;

describe('Renewal request (patient)', () => {
  it('shows "ready for pickup" with the QR code, the code and the signed prescription', async () => {
    await renderApp({
      route: `/renewals/${RENEWAL_ID}`,
      roles: ['Patient'],
      me,
      api: { [path]: patientRenewal({ status: 'PharmacistApproved', readyToCollect: true, pickupCode: '40912873', prescription, canCancel: false }) },
    });
    await findPageHeading('Renewal request AB12CD34');
    expect(await screen.findByRole('heading', { name: 'Ready for pickup' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: 'QR code of pickup code 40912873' }).querySelector('svg')).not.toBeNull();
    expect(screen.getByText('40912873')).toBeInTheDocument();
    expect(screen.getByText(/Signed by 李伟/)).toBeInTheDocument();
    expect(screen.getByText('a'.repeat(64))).toBeInTheDocument();
  });

  it('offers booking a video visit with the doctor when one is needed', async () => {
    await renderApp({
      route: `/renewals/${RENEWAL_ID}`,
      roles: ['Patient'],
      me,
      api: { [path]: patientRenewal({ status: 'VisitRequired', visitDoctorId: 'doc-li', doctorReason: 'Review lipids on video', canCancel: false }) },
    });
    const link = await screen.findByRole('link', { name: 'Book a video visit' });
    expect(link).toHaveAttribute('href', '/appointments/new?doctorId=doc-li&visitType=Video');
    expect(screen.getByText('Reason: Review lipids on video')).toBeInTheDocument();
  });

  it('pays the fee, shown in the hospital’s currency, with the simulated gateway', async () => {
    const app = await renderApp({
      route: `/renewals/${RENEWAL_ID}`,
      roles: ['Patient'],
      me,
      api: {
        [path]: patientRenewal({ status: 'PharmacistApproved', awaitsPayment: true, feeDue: 12.5, currency: 'HKD', canCancel: false }),
        [`POST /api/patients/${PATIENT_ID}/renewals/${RENEWAL_ID}/payment`]: { paymentId: 'pay-1', amount: 12.5 },
        'GET /api/payments/methods': [{ provider: 'Simulated', channels: [], simulated: true }],
        'POST /api/payments/pay-1/simulate': () => jsonResponse({ id: 'pay-1', status: 'Succeeded', simulated: true }),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Pay HK$12.50' }));
    await waitFor(() => expect(app.requests.some((r) => r.path === '/api/payments/pay-1/simulate')).toBe(true));
  });

  it('pays the fee with Alipay at a hospital that offers only Alipay, on Alipay’s page', async () => {
    const redirect = vi.spyOn(browser, 'redirectTo').mockImplementation(() => undefined);
    const app = await renderApp({
      route: `/renewals/${RENEWAL_ID}`,
      roles: ['Patient'],
      me,
      api: {
        [path]: patientRenewal({ status: 'PharmacistApproved', awaitsPayment: true, feeDue: 30, currency: 'CNY', canCancel: false }),
        [`POST /api/patients/${PATIENT_ID}/renewals/${RENEWAL_ID}/payment`]: { paymentId: 'pay-1', amount: 30 },
        'GET /api/payments/methods': [{ provider: 'Alipay', channels: ['page', 'wap'], simulated: false }],
        'POST /api/payments/pay-1/checkout': { paymentId: 'pay-1', provider: 'Alipay', channel: 'page', kind: 'redirect', url: 'https://openapi.alipay.com/gateway.do?x=1', parameters: null },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: /^Pay .*30\.00$/ }));

    expect(await screen.findByText('Choose how to pay')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /WeChat Pay|Alipay/ }).map((b) => b.textContent)).toEqual(['Alipay']);
    await app.user.click(screen.getByRole('button', { name: 'Alipay' }));

    await waitFor(() => expect(redirect).toHaveBeenCalledWith('https://openapi.alipay.com/gateway.do?x=1'));
    const checkout = app.requests.find((r) => r.path === '/api/payments/pay-1/checkout');
    expect(checkout?.body).toEqual({ provider: 'Alipay', channel: 'page' });
    expect(app.requests.some((r) => r.path.endsWith('/simulate'))).toBe(false);
    redirect.mockRestore();
  });

  it('cancels a request no doctor has decided on, after confirming', async () => {
    const app = await renderApp({
      route: `/renewals/${RENEWAL_ID}`,
      roles: ['Patient'],
      me,
      api: { [path]: patientRenewal(), [`POST /api/patients/${PATIENT_ID}/renewals/${RENEWAL_ID}/cancel`]: patientRenewal({ status: 'Cancelled', canCancel: false }) },
    });
    expect(await screen.findByText(/A doctor will look at your request soon/)).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Cancel request' }));
    await app.user.click(screen.getAllByRole('button', { name: 'Cancel request' }).at(-1)!);
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path.endsWith('/cancel'))).toBe(true));
  });

  it('speaks Chinese', async () => {
    await renderApp({
      route: `/renewals/${RENEWAL_ID}`,
      roles: ['Patient'],
      language: 'zh-CN',
      me,
      api: { [path]: patientRenewal({ status: 'PharmacistApproved', readyToCollect: true, pickupCode: '40912873', canCancel: false }) },
    });
    await findPageHeading('续方申请 AB12CD34');
    expect(await screen.findByRole('heading', { name: '可以取药' })).toBeInTheDocument();
  });
});
