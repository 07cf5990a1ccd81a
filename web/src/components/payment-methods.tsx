import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconBrandAlipay, IconBrandWechat, IconCreditCard } from '@tabler/icons-react';
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { browser } from '@/lib/browser';
import { channelFor, insideWeChat, rememberWeChatPayment, useCheckoutPayment, usePaymentMethods, usePaymentStatus, type PaymentMethod } from '@/lib/payments';

const icons: Record<string, ReactNode> = {
  WeChatPay: <IconBrandWechat size={18} aria-hidden="true" />,
  Alipay: <IconBrandAlipay size={18} aria-hidden="true" />,
};

/**
 * The payer's choice of WeChat Pay or Alipay (the providers the hospital offers, in its order). A phone goes to the
 * provider's page and comes back; a desktop shows WeChat Pay's QR code and waits here until the payment is confirmed.
 * Shared by every fee the portal takes (appointments, renewals, consultations), so a hospital that offers only
 * WeChat Pay or only Alipay can take each of them.
 */
export function PaymentMethods({ paymentId, onPaid }: { paymentId: string; onPaid: () => void }): ReactNode {
  const { t } = useTranslation('common');
  const phone = useMediaQuery('(max-width: 47.99em)', true) ?? true;
  const location = useLocation();
  const methods = usePaymentMethods();
  const checkout = useCheckoutPayment();
  const waiting = checkout.data?.kind === 'qr';
  const status = usePaymentStatus(paymentId, waiting);

  useEffect(() => {
    if (status.data?.status === 'Succeeded') onPaid();
  }, [status.data?.status, onPaid]);

  const choosable = (methods.data ?? []).filter((m) => m.channels.length > 0);
  if (methods.isSuccess && choosable.length === 0) {
    return <Alert color="blue">{t('payment.provider')}</Alert>;
  }

  const pay = (method: PaymentMethod): void => {
    const channel = channelFor(method, phone, insideWeChat());
    if (!channel) return;
    // Note: inside WeChat the order waits until WeChat has said who pays; /pay/wechat picks up from there.
    const oAuthState = channel === 'jsapi' ? rememberWeChatPayment(paymentId, location.pathname + location.search) : undefined;
    checkout.mutate(
      { paymentId, provider: method.provider, channel, oAuthState },
      {
        onSuccess: (result) => {
          if ((result.kind === 'redirect' || result.kind === 'oauth') && result.url) browser.redirectTo(result.url);
        },
      },
    );
  };

  return (
    <Stack gap="xs">
      <Text fw={500}>{t('payment.choose')}</Text>
      {checkout.isError && <ProblemAlert error={checkout.error} />}
      {choosable.map((method) => (
        <Button
          key={method.provider}
          variant={checkout.variables?.provider === method.provider ? 'filled' : 'light'}
          leftSection={icons[method.provider] ?? <IconCreditCard size={18} aria-hidden="true" />}
          loading={checkout.isPending && checkout.variables?.provider === method.provider}
          disabled={checkout.isPending}
          onClick={() => pay(method)}
          fullWidth
        >
          {t(`payment.methods.${method.provider}`, { defaultValue: method.provider })}
        </Button>
      ))}
      {waiting && checkout.data?.url && (
        <Stack gap="xs" align="center" role="status">
          <QRCodeSVG value={checkout.data.url} size={200} title={t('payment.scanTitle')} />
          <Text size="sm" ta="center">
            {t('payment.scan')}
          </Text>
        </Stack>
      )}
    </Stack>
  );
}
