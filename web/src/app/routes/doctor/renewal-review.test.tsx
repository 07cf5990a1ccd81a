import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { doctorRenewal, RENEWAL_ID } from '@/features/renewals/testing/fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const signed = { id: RENEWAL_ID, reference: 'AB12CD34', status: 'DoctorApproved', prescription: null };

describe('Renewal review (doctor)', () => {
  it('shows the history and answers, warns about an unusual dose and signs with the changes', async () => {
    const app = await renderApp({
      route: `/doctor/renewals/${RENEWAL_ID}`,
      roles: ['Doctor'],
      api: { [`GET /api/doctor/renewals/${RENEWAL_ID}`]: doctorRenewal(), [`POST /api/doctor/renewals/${RENEWAL_ID}/approve`]: signed },
    });
    await findPageHeading('Renewal AB12CD34: 张伟');
    expect(screen.getByText(/I10 原发性高血压/)).toBeInTheDocument();
    expect(screen.getByText('Have you had any side effects?').parentElement).toHaveTextContent('Yes');

    const days = screen.getByLabelText(/Days supply for Amlodipine 5 mg/);
    await app.user.clear(days);
    await app.user.type(days, '56');
    const dose = screen.getByLabelText(/Dose per time \(mg\) for Amlodipine 5 mg/);
    await app.user.clear(dose);
    await app.user.type(dose, '20');
    expect(screen.getByRole('status')).toHaveTextContent('outside the usual range');
    await app.user.click(screen.getByRole('button', { name: 'Approve and sign' }));

    await waitFor(() => expect(screen.getByText('Signed. The pharmacist reviews it next.')).toBeInTheDocument());
    const post = app.requests.find((r) => r.method === 'POST');
    expect(post?.body).toEqual({ lines: [{ itemId: 'item-1', doseAmount: 20, frequency: 'qd', daysSupply: 56 }] });
  });

  it('needs a reason to reject or to ask for a video visit', async () => {
    const app = await renderApp({
      route: `/doctor/renewals/${RENEWAL_ID}`,
      roles: ['Doctor'],
      api: {
        [`GET /api/doctor/renewals/${RENEWAL_ID}`]: doctorRenewal(),
        [`POST /api/doctor/renewals/${RENEWAL_ID}/request-visit`]: { ...signed, status: 'VisitRequired' },
      },
    });
    await findPageHeading('Renewal AB12CD34: 张伟');
    await app.user.click(screen.getByRole('button', { name: 'Ask for a video visit' }));
    expect(screen.getByText('Enter a reason.')).toBeInTheDocument();
    await app.user.type(screen.getByLabelText('Reason (shown to the patient)'), 'Let us review your lipids');
    await app.user.click(screen.getByRole('button', { name: 'Ask for a video visit' }));
    expect(await screen.findByText('This request has been decided: Video visit needed.')).toBeInTheDocument();
  });

  it.each([
    ['en', 'Renewal AB12CD34: 张小宝', 'Requested by 张伟 (guardian) · guardian present'],
    ['zh-CN', '续方 AB12CD34：张小宝', '由 张伟（监护人）代为申请 · 监护人在场'],
  ] as const)('in %s, names the guardian who asked for a child and was present', async (language, title, line) => {
    await renderApp({
      route: `/doctor/renewals/${RENEWAL_ID}`,
      roles: ['Doctor'],
      language,
      api: {
        [`GET /api/doctor/renewals/${RENEWAL_ID}`]: doctorRenewal({
          patient: { id: 'pat-child', name: '张小宝', age: 4, sex: 'Male', maskedIdNumber: '4401**********135X' },
          attending: { name: '张伟', relation: 'guardian', guardianPresent: true },
        }),
      },
    });
    await findPageHeading(title);
    expect(screen.getByText(line)).toBeInTheDocument();
  });
});

