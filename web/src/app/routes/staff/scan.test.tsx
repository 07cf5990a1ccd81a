import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const scan = {
  scanId: 'scan-1',
  purpose: 'pickup',
  place: '西药房 3号窗口',
  facilityName: '市第一人民医院',
  facilityNameEn: "City First People's Hospital",
  patientId: 'pat-9',
  patientName: '周海燕',
  age: 64,
  sex: 'Male',
  photoUrl: null,
  staticCode: false,
  appointments: [],
  pickups: [{ renewalId: 'ren-1', reference: 'RX-2026-0001', medicines: ['氨氯地平片'], medicinesEn: ['Amlodipine tablets'], dispensedAt: '2026-12-06T08:00:00Z' }],
};

describe('Scan a health code (staff)', () => {
  it('identifies the patient from a code typed by a handheld scanner and hands the medicine over', async () => {
    const app = await renderApp({
      route: '/scan',
      roles: ['Pharmacist'],
      api: {
        'POST /api/staff/health-code/scan': scan,
        'POST /api/staff/health-code/scans/scan-1/hand-over/ren-1': { id: 'ren-1', status: 'PickedUp' },
      },
    });
    await findPageHeading('Scan a health code');
    await app.user.type(screen.getByLabelText(/Where you are/), 'Window 3');
    await app.user.type(screen.getByTestId('scan-code-input'), 'HC1:abc.def{Enter}');

    expect(await screen.findByRole('heading', { name: '周海燕' })).toBeInTheDocument();
    expect(screen.getByText('64 years, male')).toBeInTheDocument();
    expect(app.requests.find((r) => r.path === '/api/staff/health-code/scan')?.body).toEqual({ code: 'HC1:abc.def', purpose: 'pickup', place: 'Window 3' });
    await app.user.click(screen.getByRole('button', { name: 'Hand over' }));
    expect(await screen.findByText('Handed over')).toBeInTheDocument();
  });

  it.each([
    ['en', 'This code was already used at another desk. Ask the patient to show a fresh code.'],
    ['zh-CN', '此码已在其他窗口使用过，请患者出示新的健康码。'],
  ] as const)('says why a code is refused (%s)', async (language, message) => {
    const app = await renderApp({
      route: '/scan',
      roles: ['Registrar'],
      language,
      api: { 'POST /api/staff/health-code/scan': () => problemResponse(409, { code: 'health_code_replayed' }) },
    });
    await findPageHeading(language === 'en' ? 'Scan a health code' : '扫描健康码');
    await app.user.type(screen.getByLabelText(language === 'en' ? /Where you are/ : /所在位置/), '1');
    await app.user.type(screen.getByTestId('scan-code-input'), 'HC1:x.y{Enter}');
    expect(await screen.findByText(message)).toBeInTheDocument();
  });

  it('asks for the PIN of a printed code', async () => {
    const app = await renderApp({ route: '/scan', roles: ['Nurse'], api: { 'POST /api/staff/health-code/scan': () => jsonResponse({ ...scan, purpose: 'home-visit', pickups: [], staticCode: true }) } });
    await findPageHeading('Scan a health code');
    await app.user.type(screen.getByLabelText(/Where you are/), 'Home visit');
    await app.user.type(screen.getByTestId('scan-code-input'), 'HCS:printed');
    await app.user.type(screen.getByLabelText(/PIN/), '260514');
    await app.user.click(screen.getByRole('radio', { name: 'Home visit' }));
    await app.user.click(screen.getByRole('button', { name: 'Identify' }));
    expect(await screen.findByText(/printed code/)).toBeInTheDocument();
    expect(app.requests.find((r) => r.path === '/api/staff/health-code/scan')?.body).toEqual({ code: 'HCS:printed', pin: '260514', purpose: 'home-visit', place: 'Home visit' });
  });
});
