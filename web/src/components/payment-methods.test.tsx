import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { appointment } from '@/testing/booking-fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const api = {
  'GET /api/appointments/apt-1': appointment({ status: 'PendingPayment', holdExpiresAt: '2030-03-01T00:15:00Z', paymentStatus: null }),
  'POST /api/appointments/apt-1/payment': { paymentId: 'pay-1', amount: 50, currency: 'CNY', status: 'Pending', simulated: false },
  'GET /api/payments/methods': [
    { provider: 'WeChatPay', channels: ['native', 'h5', 'jsapi'], simulated: false },
    { provider: 'Alipay', channels: ['page', 'wap'], simulated: false },
  ],
  'POST /api/payments/pay-1/checkout': { paymentId: 'pay-1', provider: 'WeChatPay', channel: 'native', kind: 'qr', url: 'weixin://wxpay/bizpayurl?pr=abc', parameters: null },
  'GET /api/payments/pay-1': { id: 'pay-1', status: 'Pending' },
};

describe('Paying with WeChat Pay or Alipay', () => {
  it('offers both in Chinese, in the hospital order, with no simulated pay step', async () => {
    await renderApp({ route: '/appointments/apt-1', language: 'zh-CN', roles: ['Patient'], api });
    await findPageHeading('预约详情');

    const buttons = await screen.findAllByRole('button', { name: /微信支付|支付宝/ });
    expect(buttons.map((b) => b.textContent)).toEqual(['微信支付', '支付宝']);
    expect(screen.getByText('请选择支付方式')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '立即支付' })).not.toBeInTheDocument();
  });

  it('shows the WeChat Pay QR code on a desktop and waits for the confirmation', async () => {
    await renderApp({ route: '/appointments/apt-1', roles: ['Patient'], api });
    await findPageHeading('Appointment');

    await userEvent.click(await screen.findByRole('button', { name: 'WeChat Pay' }));

    expect(await screen.findByText(/Scan the QR code with WeChat/)).toBeInTheDocument();
    expect(screen.getByTitle('WeChat Pay QR code')).toBeInTheDocument();
  });
});
