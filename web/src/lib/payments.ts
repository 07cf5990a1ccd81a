import { useMutation, useQuery, type QueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const methodSchema = z.object({ provider: z.string(), channels: z.array(z.string()), simulated: z.boolean() });
export type PaymentMethod = z.infer<typeof methodSchema>;

const checkoutSchema = z.object({
  paymentId: z.string(),
  provider: z.string(),
  channel: z.string(),
  kind: z.enum(['qr', 'redirect', 'jsapi', 'oauth']),
  url: z.string().nullable(),
  parameters: z.record(z.string(), z.string()).nullable(),
});
export type Checkout = z.infer<typeof checkoutSchema>;

const paymentStatusSchema = z.looseObject({ id: z.string(), status: z.string() });

const methodsQuery = {
  queryKey: ['payments', 'methods'],
  queryFn: () => apiJson('/api/payments/methods', z.array(methodSchema)),
  staleTime: 5 * 60_000,
};

/** The ways to pay the hospital offers, in its order (WeChat Pay, Alipay, card …). */
export function usePaymentMethods(): UseQueryResult<PaymentMethod[]> {
  return useQuery(methodsQuery);
}

/** oAuthState / oAuthCode: WeChat JSAPI's two steps (ask WeChat who pays, then pay with the code it sent back). */
export type CheckoutInput = { paymentId: string; provider: string; channel: string; oAuthState?: string; oAuthCode?: string };

/** Places the order with the provider; the answer says what the browser does next (show a QR code, or go to the provider). */
export function useCheckoutPayment(): UseMutationResult<Checkout, Error, CheckoutInput> {
  return useMutation({
    mutationFn: ({ paymentId, provider, channel, oAuthState, oAuthCode }) =>
      apiJson(`/api/payments/${encodeURIComponent(paymentId)}/checkout`, checkoutSchema, { method: 'POST', body: { provider, channel, oAuthState, oAuthCode } }),
  });
}

/** The payment's state, polled while the payer pays on another device (the QR code). */
export function usePaymentStatus(paymentId: string, poll: boolean): UseQueryResult<z.infer<typeof paymentStatusSchema>> {
  return useQuery({
    queryKey: ['payments', paymentId, 'status'],
    queryFn: () => apiJson(`/api/payments/${encodeURIComponent(paymentId)}`, paymentStatusSchema),
    enabled: poll,
    refetchInterval: poll ? 3000 : false,
  });
}

/** Whether the page runs in WeChat's own browser (its user agent says MicroMessenger), where WeChat Pay is JSAPI. */
export function insideWeChat(userAgent: string = navigator.userAgent): boolean {
  return /MicroMessenger/i.test(userAgent);
}

/**
 * The channel for this device: a QR code (Native) or the cashier page on a desktop, WeChat Pay's H5 page or Alipay's
 * mobile page on a phone, and JSAPI inside WeChat (WeChat Pay does not take H5 orders there) when the hospital offers
 * it (it needs the official account's web authorization for the payer's openid).
 */
export function channelFor(method: PaymentMethod, phone: boolean, inWeChat = false): string | undefined {
  const preferred =
    method.provider === 'WeChatPay' ? (inWeChat && method.channels.includes('jsapi') ? 'jsapi' : phone ? 'h5' : 'native') : method.provider === 'Alipay' ? (phone ? 'wap' : 'page') : undefined;
  return preferred && method.channels.includes(preferred) ? preferred : method.channels.find((c) => c !== 'jsapi');
}

const pendingKey = (state: string): string => `ih.wxpay.${state}`;

/**
 * JSAPI leaves the page for WeChat's authorization and comes back to /pay/wechat with a code and the state given:
 * the payment and the page to return to are kept in this tab under that state (which is random, so only this tab
 * can finish the payment it started, and a forged return finds nothing).
 */
export function rememberWeChatPayment(paymentId: string, returnTo: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  const state = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  sessionStorage.setItem(pendingKey(state), JSON.stringify({ paymentId, returnTo }));
  return state;
}

const pendingSchema = z.object({ paymentId: z.string(), returnTo: z.string().startsWith('/') });

/** The payment a return from WeChat's authorization is for (once), or null for an unknown or forged state. */
export function takeWeChatPayment(state: string | null): z.infer<typeof pendingSchema> | null {
  if (!state || !/^[0-9a-f]{24}$/.test(state)) return null;
  const raw = sessionStorage.getItem(pendingKey(state));
  sessionStorage.removeItem(pendingKey(state));
  const parsed = raw ? pendingSchema.safeParse(JSON.parse(raw)) : null;
  return parsed?.success && !parsed.data.returnTo.startsWith('//') ? parsed.data : null;
}

type Bridge = { invoke: (name: string, parameters: Record<string, string>, done: (result: { err_msg?: string }) => void) => void };

/** WeChat's in-page payment (WeixinJSBridge getBrandWCPayRequest, i.e. chooseWXPay): 'ok', 'cancel' or 'fail'. */
export function chooseWXPay(parameters: Record<string, string>): Promise<'ok' | 'cancel' | 'fail'> {
  return new Promise((resolve) => {
    const invoke = (): void => {
      const bridge = (window as unknown as { WeixinJSBridge?: Bridge }).WeixinJSBridge;
      if (!bridge) {
        resolve('fail');
        return;
      }
      bridge.invoke('getBrandWCPayRequest', parameters, (result) => {
        const message = result.err_msg ?? '';
        resolve(message.endsWith(':ok') ? 'ok' : message.endsWith(':cancel') ? 'cancel' : 'fail');
      });
    };
    if ((window as unknown as { WeixinJSBridge?: Bridge }).WeixinJSBridge) invoke();
    else document.addEventListener('WeixinJSBridgeReady', invoke, { once: true });
  });
}

export type StartedFee = { paymentId: string; status: string; simulated: boolean };

const simulatedSchema = z.looseObject({ id: z.string(), status: z.string() });

/**
 * Starts paying a fee (a renewal's, a consultation's) and says how it goes on. A payment starts with the hospital's
 * first provider: the simulated gateway (development, tests) completes it at once, as the fee pages always did; with a
 * real provider the answer is still pending and the page offers the payer the provider picker (PaymentMethods).
 */
export async function startFeePayment(queryClient: QueryClient, start: () => Promise<{ paymentId: string }>): Promise<StartedFee> {
  const [started, methods] = await Promise.all([start(), queryClient.fetchQuery(methodsQuery)]);
  if (methods[0]?.simulated) {
    const paid = await apiJson(`/api/payments/${encodeURIComponent(started.paymentId)}/simulate`, simulatedSchema, { method: 'POST', body: { outcome: 'Succeed' } });
    return { paymentId: started.paymentId, status: paid.status, simulated: true };
  }
  return { paymentId: started.paymentId, status: 'Pending', simulated: false };
}
