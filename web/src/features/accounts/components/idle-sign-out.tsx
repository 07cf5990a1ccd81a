import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IDLE_WARNING_MS } from '@/config/session';
import { useServerSettings } from '@/lib/server-settings';
import { useAuth } from './auth-context';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const WARNING_ID = 'idle-sign-out-warning';

export interface IdleSignOutProps {
  /** Default: the server's Hospital:IdleTimeout. */
  timeoutMs?: number;
  warningMs?: number;
}

/**
 * Signs a signed-in user out after `timeoutMs` without interaction, warning `warningMs` before.
 * Note: it compares wall-clock times, so a phone that slept past the limit signs out as soon as it wakes.
 */
export function IdleSignOut({ timeoutMs: requestedTimeoutMs, warningMs = IDLE_WARNING_MS }: IdleSignOutProps): null {
  const { t } = useTranslation('accounts');
  const settings = useServerSettings();
  const timeoutMs = requestedTimeoutMs ?? settings.idleTimeoutMinutes * 60_000;
  const { status, signOut } = useAuth();

  useEffect(() => {
    if (status !== 'signedIn') return;
    let lastActivity = Date.now();
    let warned = false;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const check = (): void => {
      const idle = Date.now() - lastActivity;
      if (idle >= timeoutMs) {
        notifications.hide(WARNING_ID);
        void signOut('idle');
        return;
      }
      const warnAt = timeoutMs - warningMs;
      if (idle >= warnAt && !warned) {
        warned = true;
        notifications.show({
          id: WARNING_ID,
          title: t('idle.warningTitle'),
          message: t('idle.warning', { count: Math.ceil((timeoutMs - idle) / 1000) }),
          autoClose: false,
          color: 'orange',
        });
      }
      const next = idle < warnAt ? warnAt - idle : timeoutMs - idle;
      timer = setTimeout(check, Math.max(next, 250));
    };

    const onActivity = (): void => {
      lastActivity = Date.now();
      if (warned) {
        warned = false;
        notifications.hide(WARNING_ID);
      }
    };

    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { passive: true, capture: true });
    timer = setTimeout(check, Math.max(timeoutMs - warningMs, 250));
    return () => {
      clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [status, signOut, timeoutMs, warningMs, t]);

  return null;
}
