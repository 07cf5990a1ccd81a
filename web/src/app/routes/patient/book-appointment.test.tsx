import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { appointment, doctorCard, slots } from '@/testing/booking-fixtures';
import { ACTING_FOR_STORAGE_KEY, resetActingFor } from '@/lib/acting-for';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const doctorPage = { doctor: doctorCard(), bio: '', bioEn: '', timeZone: 'Asia/Shanghai', currency: 'CNY', nextFreeSlots: [] };
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const freeSlots = { doctorId: 'doc-1', timeZone: 'Asia/Shanghai', from: tomorrow, days: 3, slots: slots(tomorrow, ['01:00', '01:30']) };
const inPersonApi = { 'GET /api/care/doctors/doc-1': doctorPage, 'GET /api/care/doctors/doc-1/slots': freeSlots };

describe('Booking wizard', () => {
  it('explains the follow-up rule for video without a prior diagnosis and offers in person instead', async () => {
    const app = await renderApp({
      route: '/appointments/new?doctorId=doc-1&visitType=Video',
      roles: ['Patient'],
      api: {
        'GET /api/care/doctors/doc-1': doctorPage,
        'GET /api/care/doctors/doc-1/slots': freeSlots,
        'GET /api/appointments/eligibility': { doctorOffersVideo: true, eligible: false, basis: 'NotRequired', diagnosis: null, hisStale: false, lookBack: 'P6M', proofAccepted: true },
      },
    });
    await findPageHeading('Book with 李伟');
    expect(await screen.findByText('Video visits are for follow-ups only')).toBeInTheDocument();
    expect(screen.getByLabelText('Proof of diagnosis')).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: 'Book an in-person visit instead' }));
    expect(await screen.findByRole('button', { name: /at 09:00/ })).toBeInTheDocument();
    expect(screen.queryByText('Video visits are for follow-ups only')).not.toBeInTheDocument();
  });

  it.each([
    ['en', 'Book with 李伟', 'Video follow-up of your in-person diagnosis Essential (primary) hypertension (Oct 5, 2026).'],
    ['zh-CN', '预约李伟', '针对您线下确诊的特发性（原发性）高血压（2026年10月5日）进行视频复诊。'],
  ] as const)('in %s, names the diagnosis a video follow-up is for by its name, never by its code', async (language, title, text) => {
    await renderApp({
      route: '/appointments/new?doctorId=doc-1&visitType=Video',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/care/doctors/doc-1': doctorPage,
        'GET /api/care/doctors/doc-1/slots': freeSlots,
        'GET /api/appointments/eligibility': {
          doctorOffersVideo: true, eligible: true, basis: 'HisDiagnosis', hisStale: false, lookBack: 'P6M', proofAccepted: false,
          diagnosis: {
            code: 'I10', description: '原发性高血压 Essential (primary) hypertension', diagnosedOn: '2026-10-05', departmentCode: 'CARD',
            nameZh: '特发性（原发性）高血压', nameEn: 'Essential (primary) hypertension',
          },
        },
      },
    });
    await findPageHeading(title);
    const alert = await screen.findByText(text);
    expect(alert.textContent).not.toContain('I10');
  });

  it('books, pays with the simulated gateway and confirms', async () => {
    let status: 'PendingPayment' | 'Booked' = 'PendingPayment';
    const app = await renderApp({
      route: '/appointments/new?doctorId=doc-1&visitType=InPerson',
      roles: ['Patient'],
      api: {
        'GET /api/care/doctors/doc-1': doctorPage,
        'GET /api/care/doctors/doc-1/slots': freeSlots,
        'POST /api/appointments': () => jsonResponse(appointment({ status: 'PendingPayment', start: freeSlots.slots[0]!.start, holdExpiresAt: '2030-03-01T00:15:00Z' }), 201),
        'GET /api/appointments/apt-1': () => jsonResponse(appointment({ status, start: freeSlots.slots[0]!.start })),
        'POST /api/appointments/apt-1/payment': { paymentId: 'pay-1', amount: 50, currency: 'CNY', status: 'Pending', simulated: true },
        'POST /api/payments/pay-1/simulate': () => {
          status = 'Booked';
          return jsonResponse({ id: 'pay-1', status: 'Succeeded' });
        },
      },
    });
    await findPageHeading('Book with 李伟');
    await app.user.click(await screen.findByRole('button', { name: /at 09:00/ }));
    await app.user.click(screen.getByRole('button', { name: 'Next' }));
    await app.user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await app.user.click(await screen.findByRole('button', { name: 'Pay now' }));
    expect(await screen.findByText('Your appointment is booked')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Add to calendar' })).toBeInTheDocument();
  });

  it('sends the patient back to choose again when someone was faster', async () => {
    const app = await renderApp({
      route: '/appointments/new?doctorId=doc-1',
      roles: ['Patient'],
      api: {
        ...inPersonApi,
        'POST /api/appointments': () => problemResponse(409, { code: 'slot_taken', detail: 'taken' }),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: /at 09:00/ }));
    await app.user.click(screen.getByRole('button', { name: 'Next' }));
    await app.user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(screen.getByText('Someone else has just taken this time. Please choose another.')).toBeInTheDocument());
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it('shows the server’s refusal of the chosen time at the time step, and keeps other refusals on the confirmation', async () => {
    let answer = 0;
    const app = await renderApp({
      route: '/appointments/new?doctorId=doc-1',
      roles: ['Patient'],
      api: {
        ...inPersonApi,
        'POST /api/appointments': () =>
          answer++ === 0
            ? problemResponse(422, { code: 'too_many_holds', detail: 'Too many.' })
            : problemResponse(400, { code: 'validation_failed', errors: { slotId: ['That time is no longer offered.'] } }),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: /at 09:00/ }));
    await app.user.click(screen.getByRole('button', { name: 'Next' }));
    await app.user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are holding as many unpaid appointments as allowed.');
    expect(screen.getByRole('button', { name: 'Confirm booking' })).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'Confirm booking' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('That time is no longer offered.'));
    expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
  });

  it.each([
    ['en', 'Book with 李伟', 'Booking for 李小明', 'I, the guardian, will attend the visit with 李小明.', 'Confirm booking'],
    ['zh-CN', '预约李伟', '为 李小明 预约', '本人作为监护人，将陪同 李小明 就诊。', '确认预约'],
  ] as const)('in %s, books a video follow-up for a child under 6 only with the guardian\'s confirmation, for that child', async (language, title, forChild, confirmText, confirmButton) => {
    window.sessionStorage.setItem(ACTING_FOR_STORAGE_KEY, 'pat-child');
    resetActingFor();
    const app = await renderApp({
      route: '/appointments/new?doctorId=doc-1&visitType=Video',
      roles: ['Patient'],
      language,
      me: {
        patients: [
          { id: 'pat-1', name: '王芳', relationship: 'Self' },
          { id: 'pat-child', name: '李小明', relationship: 'Guardian', relation: 'child', ageYears: 4, guardianMustAttend: true },
        ],
      },
      api: {
        'GET /api/care/doctors/doc-1': doctorPage,
        'GET /api/care/doctors/doc-1/slots': freeSlots,
        'GET /api/appointments/eligibility': { doctorOffersVideo: true, eligible: true, basis: 'FamilyDoctor', diagnosis: null, hisStale: false, lookBack: 'P6M', proofAccepted: false },
        'POST /api/appointments': () => jsonResponse(appointment({ status: 'PendingPayment', start: freeSlots.slots[0]!.start }), 201),
        'GET /api/appointments/apt-1': () => jsonResponse(appointment({ status: 'PendingPayment', start: freeSlots.slots[0]!.start })),
      },
    });
    await findPageHeading(title);
    expect(app.requests.find((request) => request.path === '/api/appointments/eligibility')?.search).toContain('patientId=pat-child');
    await app.user.click(await screen.findByRole('button', { name: /09:00/ }));
    await app.user.click(screen.getByRole('button', { name: language === 'en' ? 'Next' : '下一步' }));
    expect(screen.getByText(forChild)).toBeInTheDocument();
    const confirm = screen.getByRole('button', { name: confirmButton });
    expect(confirm).toBeDisabled();
    await app.user.click(screen.getByRole('checkbox', { name: confirmText }));
    await app.user.click(confirm);
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST')?.body).toMatchObject({ patientId: 'pat-child', visitType: 'Video', guardianPresent: true }));
  });
});
