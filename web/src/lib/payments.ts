import { useMutation, useQuery, type QueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const methodSchema = z.object({ provider: z.string(), channels: z.array(z.string()), simulated: z.boolean() });
export type PaymentMethod = z.infer<typeof methodSchema>;

const checkoutSchema = z.object({
  paymentId: z.string(),
  provider: z.string(),
  channel: z.string(),
  kind: z.enum(['qr', 'redirect', 'jsapi']),
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

export type CheckoutInput = { paymentId: string; provider: string; channel: string };

/** Places the order with the provider; the answer says what the browser does next (show a QR code, or go to the provider). */
export function useCheckoutPayment(): UseMutationResult<Checkout, Error, CheckoutInput> {
  return useMutation({
    mutationFn: ({ paymentId, provider, channel }) =>
      apiJson(`/api/payments/${encodeURIComponent(paymentId)}/checkout`, checkoutSchema, { method: 'POST', body: { provider, channel } }),
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

/**
 * The channel for this device: a QR code (Native) or the cashier page on a desktop, WeChat Pay's H5 page or Alipay's
 * mobile page on a phone. JSAPI (inside WeChat) needs the payer's openid, which this site does not ask WeChat for, so
 * inside WeChat H5 is used too.
 */
export function channelFor(method: PaymentMethod, phone: boolean): string | undefined {
  const preferred = method.provider === 'WeChatPay' ? (phone ? 'h5' : 'native') : method.provider === 'Alipay' ? (phone ? 'wap' : 'page') : undefined;
  return preferred && method.channels.includes(preferred) ? preferred : method.channels[0];
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
