import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const signed = {
  id: 'con-1',
  mode: 'Video',
  urgency: 'Urgent',
  status: 'OpinionSigned',
  patientId: 'pat-1',
  patientName: 'Li Lei',
  requestingDoctor: { doctorId: 'doc-2', name: '陈静' },
  fromFacility: { id: 'f2', name: '东湖社区卫生服务中心', nameEn: 'Donghu Community Health Centre' },
  toFacility: { id: 'f1', name: '市第一人民医院', nameEn: "City First People's Hospital" },
  toDepartment: null,
  specialists: [{ doctorId: 'doc-1', name: '李伟', title: '主任医师', titleEn: 'Chief Physician', isLead: true }],
  question: '请评估降压方案',
  recordSummary: null,
  consent: { method: 'InApp', givenBy: 'Li Lei', givenAt: '2026-12-01T02:00:00Z' },
  attachments: [{ kind: 'LabReport', reference: 'lab-1', title: '血脂四项' }],
  fee: 0,
  feePaid: false,
  scheduledStart: '2026-12-02T02:00:00Z',
  patientInvited: true,
  declineReason: null,
  opinion: {
    text: '建议加用氨氯地平，两周后复查血压。',
    disposition: 'AdjustTreatment',
    suggestedTests: null,
    suggestedMedication: '氨氯地平 5 mg qd',
    followUpInDays: 14,
    signedByName: '李伟',
    signedAt: '2026-12-02T03:00:00Z',
    contentHash: 'a'.repeat(64),
    verified: true,
  },
  addenda: [],
  timeline: [
    { sequence: 1, status: 'Requested', at: '2026-12-01T02:00:00Z', note: null },
    { sequence: 2, status: 'Scheduled', at: '2026-12-01T03:00:00Z', note: null },
    { sequence: 3, status: 'InProgress', at: '2026-12-02T02:00:00Z', note: null },
    { sequence: 4, status: 'OpinionSigned', at: '2026-12-02T03:00:00Z', note: null },
  ],
  createdAt: '2026-12-01T02:00:00Z',
  roomId: null,
  canDecide: false,
  canSign: false,
  canCancel: false,
  canAmend: false,
};

describe('My consultations (patient)', () => {
  it('gives consent in the app and shows the signed opinion', async () => {
    const app = await renderApp({
      route: '/consultations',
      roles: ['Patient'],
      api: {
        'GET /api/patients/pat-1/consultations': { consultations: [signed], pendingConsent: null },
        'POST /api/patients/pat-1/consultations/consent': { id: 'g-1', givenBy: 'Li Lei', givenAt: '2026-12-03T02:00:00Z', validUntil: '2026-12-17T02:00:00Z' },
      },
    });
    await findPageHeading('My consultations');
    expect(await screen.findByRole('heading', { level: 2, name: "Video consultation · City First People's Hospital" })).toBeInTheDocument();
    expect(screen.getByText('建议加用氨氯地平，两周后复查血压。')).toBeInTheDocument();
    expect(screen.getByText('Adjust treatment')).toBeInTheDocument();
    expect(screen.getByText(/signature verified/)).toBeInTheDocument();

    await app.user.click(screen.getByRole('button', { name: 'I consent to a remote consultation' }));
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/patients/pat-1/consultations/consent')).toBe(true));
  });

  it('says so when there are none', async () => {
    await renderApp({ route: '/consultations', roles: ['Patient'], api: { 'GET /api/patients/pat-1/consultations': { consultations: [], pendingConsent: null } } });
    expect(await screen.findByText('You have no remote consultations.')).toBeInTheDocument();
  });

  it('pays a fee with WeChat Pay at a hospital that offers only WeChat Pay: the QR code, then paid', async () => {
    let paid = false;
    let polls = 0;
    const due = { ...signed, status: 'Scheduled', fee: 80, opinion: null, roomId: null };
    const app = await renderApp({
      route: '/consultations',
      roles: ['Patient'],
      language: 'zh-CN',
      api: {
        'GET /api/patients/pat-1/consultations': () => jsonResponse({ consultations: [{ ...due, feePaid: paid }], pendingConsent: null }),
        'POST /api/patients/pat-1/consultations/con-1/payment': { paymentId: 'pay-9', amount: 80 },
        'GET /api/payments/methods': [{ provider: 'WeChatPay', channels: ['native', 'h5', 'jsapi'], simulated: false }],
        'POST /api/payments/pay-9/checkout': { paymentId: 'pay-9', provider: 'WeChatPay', channel: 'native', kind: 'qr', url: 'weixin://wxpay/bizpayurl?pr=xyz', parameters: null },
        // Confirmed at the second look (the payer scans the code in between).
        'GET /api/payments/pay-9': () => {
          paid = ++polls > 1;
          return jsonResponse({ id: 'pay-9', status: paid ? 'Succeeded' : 'Pending' });
        },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: '支付会诊费' }));
    expect(await screen.findByText('请选择支付方式')).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: /微信支付|支付宝/ }).map((b) => b.textContent)).toEqual(['微信支付']);

    await app.user.click(screen.getByRole('button', { name: '微信支付' }));
    expect(await screen.findByTitle('微信支付二维码')).toBeInTheDocument();
    expect(app.requests.find((r) => r.path === '/api/payments/pay-9/checkout')?.body).toEqual({ provider: 'WeChatPay', channel: 'native' });

    // The page polls the payment; once it is confirmed the list is read again and the fee shows paid.
    expect(await screen.findByText(/已支付/, {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '支付会诊费' })).not.toBeInTheDocument();
  });
});
