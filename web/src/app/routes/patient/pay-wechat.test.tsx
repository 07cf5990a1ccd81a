import { screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browser } from '@/lib/browser';
import { rememberWeChatPayment } from '@/lib/payments';
import { appointment } from '@/testing/booking-fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const wechatUserAgent = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 MicroMessenger/8.0.47 NetType/WIFI Language/zh_CN';

afterEach(() => {
  vi.restoreAllMocks();
  delete (window as unknown as { WeixinJSBridge?: unknown }).WeixinJSBridge;
});

describe('WeChat Pay inside WeChat (JSAPI)', () => {
  it('asks WeChat who pays first (no order yet), keeping the payment in this tab under a random state', async () => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(wechatUserAgent);
    const redirect = vi.spyOn(browser, 'redirectTo').mockImplementation(() => undefined);
    const app = await renderApp({
      route: '/appointments/apt-1',
      language: 'zh-CN',
      roles: ['Patient'],
      api: {
        'GET /api/appointments/apt-1': appointment({ status: 'PendingPayment', holdExpiresAt: '2030-03-01T00:15:00Z', paymentStatus: null }),
        'POST /api/appointments/apt-1/payment': { paymentId: 'pay-1', amount: 50, currency: 'CNY', status: 'Pending', simulated: false },
        'GET /api/payments/methods': [{ provider: 'WeChatPay', channels: ['native', 'h5', 'jsapi'], simulated: false }],
        'POST /api/payments/pay-1/checkout': { paymentId: 'pay-1', provider: 'WeChatPay', channel: 'jsapi', kind: 'oauth', url: 'https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1', parameters: null },
      },
    });
    await findPageHeading('预约详情');
    await app.user.click(await screen.findByRole('button', { name: '微信支付' }));

    await waitFor(() => expect(redirect).toHaveBeenCalledWith('https://open.weixin.qq.com/connect/oauth2/authorize?appid=wx1'));
    const body = app.requests.find((r) => r.path === '/api/payments/pay-1/checkout')?.body as { channel: string; oAuthState: string };
    expect(body.channel).toBe('jsapi');
    expect(body.oAuthState).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.parse(sessionStorage.getItem(`ih.wxpay.${body.oAuthState}`)!)).toEqual({ paymentId: 'pay-1', returnTo: '/appointments/apt-1' });
  });

  it('back from WeChat, places the order with the code, opens WeChat’s pay sheet and returns to the payment’s page', async () => {
    const invoke = vi.fn((_name: string, _parameters: Record<string, string>, done: (r: { err_msg: string }) => void) => done({ err_msg: 'get_brand_wcpay_request:ok' }));
    (window as unknown as { WeixinJSBridge: unknown }).WeixinJSBridge = { invoke };
    const state = rememberWeChatPayment('pay-1', '/appointments/apt-1');
    const parameters = { appId: 'wx1', timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx2', signType: 'RSA', paySign: 'sig' };
    const app = await renderApp({
      route: `/pay/wechat?code=CODE1&state=${state}`,
      roles: ['Patient'],
      api: {
        'POST /api/payments/pay-1/checkout': { paymentId: 'pay-1', provider: 'WeChatPay', channel: 'jsapi', kind: 'jsapi', url: null, parameters },
        'GET /api/appointments/apt-1': appointment({ status: 'Booked' }),
      },
    });

    await findPageHeading('Appointment');
    expect(app.requests.find((r) => r.path === '/api/payments/pay-1/checkout')?.body).toEqual({ provider: 'WeChatPay', channel: 'jsapi', oAuthCode: 'CODE1' });
    expect(invoke).toHaveBeenCalledWith('getBrandWCPayRequest', parameters, expect.any(Function));
    expect(sessionStorage.getItem(`ih.wxpay.${state}`)).toBeNull();
  });

  it('refuses a return it did not start (an unknown state), in both languages', async () => {
    const app = await renderApp({ route: '/pay/wechat?code=CODE1&state=0123456789abcdef01234567', roles: ['Patient'], language: 'zh-CN', api: {} });
    await findPageHeading('微信支付');
    expect(screen.getByRole('alert')).toHaveTextContent('无法在此继续支付');
    expect(app.requests.some((r) => r.path.includes('/checkout'))).toBe(false);
  });
});
