import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { doctorCard } from '@/testing/booking-fixtures';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

describe('Doctor page', () => {
  it('shows the profile, the fees in the hospital’s currency, the next free times and lets a patient wait for a full day', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    let joined = false;
    const app = await renderApp({
      route: '/doctors/doc-1',
      roles: ['Patient'],
      api: {
        'GET /api/care/doctors/doc-1': { doctor: doctorCard(), bio: '', bioEn: 'Twenty years in cardiology.', timeZone: 'Asia/Shanghai', currency: 'HKD', nextFreeSlots: [] },
        'GET /api/care/doctors/doc-1/slots': { doctorId: 'doc-1', timeZone: 'Asia/Shanghai', from: tomorrow, days: 3, slots: [] },
        'POST /api/waitlist': () => {
          joined = true;
          return jsonResponse({ id: 'w-1', doctorId: 'doc-1', doctorName: '李伟', doctorTitle: '', doctorTitleEn: '', date: tomorrow, visitType: 'InPerson', status: 'Waiting', position: 1, offeredAppointmentId: null, timeZone: 'Asia/Shanghai' }, 201);
        },
      },
    });
    await findPageHeading('李伟');
    expect(screen.getByText('Twenty years in cardiology.')).toBeInTheDocument();
    expect(screen.getByText('In person HK$50.00 · video HK$40.00')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Book a video follow-up' })).toBeInTheDocument();
    const join = await screen.findAllByRole('button', { name: 'Join the waitlist for this day' });
    await app.user.click(join[0]!);
    expect(await screen.findByText('You are on the waitlist (number 1).')).toBeInTheDocument();
    expect(joined).toBe(true);
  });
});
