import { Alert, Button, Group, List, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCalendar, IconInfoCircle, IconMessages, IconPill } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { SIGNED_OUT_REASON_KEY } from '@/config/session';
import { useServerSettings } from '@/lib/server-settings';
import { useMe } from '@/features/accounts/api/get-me';
import { useAuth } from '@/features/accounts/components/auth-context';
import { homePathFor } from '../nav';

function takeSignedOutReason(): string | null {
  try {
    const reason = window.sessionStorage.getItem(SIGNED_OUT_REASON_KEY);
    window.sessionStorage.removeItem(SIGNED_OUT_REASON_KEY);
    return reason;
  } catch {
    return null;
  }
}

/** Public landing page; a signed-in user goes straight to their role's home. */
export default function LandingRoute(): ReactNode {
  const { t } = useTranslation('common');
  const { idleTimeoutMinutes } = useServerSettings();
  const { status, signIn } = useAuth();
  const me = useMe({ enabled: status === 'signedIn' });
  const [signedOutReason] = useState(takeSignedOutReason);

  if (status === 'signedIn') {
    if (me.isPending) return <PageLoader />;
    const home = me.data ? homePathFor(me.data.roles) : null;
    if (home) return <Navigate to={home} replace />;
  }
  if (status === 'resuming') return <PageLoader />;
  if (status === 'redirecting') return <PageLoader label={t('redirectingToSignIn')} />;
  if (status === 'signingOut') return <PageLoader label={t('signingOut')} />;

  return (
    <Page title={t('appName')} description={<Text size="lg">{t('landing.tagline')}</Text>}>
      {signedOutReason === 'idle' && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />} title={t('landing.signedOutTitle')}>
          {t('landing.signedOutIdle', { count: idleTimeoutMinutes })}
        </Alert>
      )}
      <Text>{t('landing.description')}</Text>
      <List spacing="sm" center>
        <List.Item
          icon={
            <ThemeIcon variant="light" radius="xl" aria-hidden="true">
              <IconCalendar size={16} />
            </ThemeIcon>
          }
        >
          {t('landing.featureAppointments')}
        </List.Item>
        <List.Item
          icon={
            <ThemeIcon variant="light" radius="xl" aria-hidden="true">
              <IconMessages size={16} />
            </ThemeIcon>
          }
        >
          {t('landing.featureConsultations')}
        </List.Item>
        <List.Item
          icon={
            <ThemeIcon variant="light" radius="xl" aria-hidden="true">
              <IconPill size={16} />
            </ThemeIcon>
          }
        >
          {t('landing.featurePrescriptions')}
        </List.Item>
      </List>
      {status === 'signedIn' ? (
        <Alert color="orange">{t('landing.noRole')}</Alert>
      ) : (
        <Stack gap="sm" maw={420}>
          <Group grow>
            <Button size="md" onClick={() => void signIn().catch(() => undefined)}>
              {t('signIn')}
            </Button>
            <Button size="md" variant="outline" component={Link} to="/register">
              {t('register')}
            </Button>
          </Group>
        </Stack>
      )}
    </Page>
  );
}
