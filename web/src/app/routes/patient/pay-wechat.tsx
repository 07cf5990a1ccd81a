import { Alert, Button, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { ProblemAlert } from '@/components/problem-alert';
import { chooseWXPay, takeWeChatPayment, useCheckoutPayment } from '@/lib/payments';

/**
 * Where WeChat's web authorization sends the payer back inside WeChat (JSAPI): with the code it gives, the order is
 * placed, WeChat's own pay sheet opens, and the payer returns to the page they paid from (it shows the payment once
 * WeChat Pay's callback has confirmed it).
 */
export default function PayWeChatRoute(): ReactNode {
  const { t } = useTranslation('common');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const checkout = useCheckoutPayment();
  const started = useRef(false);
  const [pending] = useState(() => takeWeChatPayment(params.get('state')));
  const code = params.get('code');

  useEffect(() => {
    if (started.current || !pending || !code) return;
    started.current = true;
    checkout.mutate(
      { paymentId: pending.paymentId, provider: 'WeChatPay', channel: 'jsapi', oAuthCode: code },
      {
        onSuccess: (result) => {
          const back = (): void => void navigate(pending.returnTo, { replace: true });
          // Note: paid, cancelled or failed, the payer goes back: that page shows the payment as WeChat Pay's callback left it.
          if (result.kind === 'jsapi' && result.parameters) void chooseWXPay(result.parameters).then(back);
          else back();
        },
      },
    );
  }, [checkout, code, navigate, pending]);

  return (
    <Page title={t('payment.methods.WeChatPay')}>
      {!pending || !code ? (
        <Alert color="orange" role="alert">
          {t('payment.wechatLost')}
        </Alert>
      ) : checkout.isError ? (
        <Stack gap="sm">
          <ProblemAlert error={checkout.error} />
          <Button component={Link} to={pending.returnTo} variant="light" w="fit-content">
            {t('payment.back')}
          </Button>
        </Stack>
      ) : (
        <Stack gap="sm" align="center" role="status">
          <Loader aria-hidden="true" />
          <Text>{t('payment.wechatOpening')}</Text>
        </Stack>
      )}
    </Page>
  );
}
