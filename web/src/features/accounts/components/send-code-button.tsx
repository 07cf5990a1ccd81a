import { Button } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Seconds before another code may be asked for (the server allows 5 an hour; this keeps people from using them up by double taps). */
export const RESEND_AFTER_SECONDS = 60;

export interface SendCodeButtonProps {
  onSend: () => void;
  loading: boolean;
  /** Changes each time a code was sent, to start the countdown. */
  sentAt: number | null;
}

/** "Send code", then "Resend in 59 s" until it may be asked for again. */
export function SendCodeButton({ onSend, loading, sentAt }: SendCodeButtonProps): ReactNode {
  const { t } = useTranslation('accounts');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (sentAt === null) return undefined;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [sentAt]);
  const wait = sentAt === null ? 0 : Math.max(0, RESEND_AFTER_SECONDS - Math.floor((now - sentAt) / 1000));

  return (
    <Button variant="light" onClick={onSend} loading={loading} disabled={wait > 0} style={{ flexShrink: 0 }}>
      {wait > 0 ? t('sms.resendIn', { count: wait }) : sentAt === null ? t('sms.sendCode') : t('sms.resend')}
    </Button>
  );
}
