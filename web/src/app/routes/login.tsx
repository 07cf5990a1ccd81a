import { Alert, Anchor, Paper, Tabs, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { useAuth } from '@/features/accounts/components/auth-context';
import { LoginForm } from '@/features/accounts/components/login-form';
import { SmsLoginForm } from '@/features/accounts/components/sms-login-form';
import { isAuthorizeReturnUrl } from '@/features/accounts/lib/return-url';
import { browser } from '@/lib/browser';

/** What the register page hands over (router state, so the e-mail never appears in a URL). */
export interface LoginLocationState {
  registeredEmail?: string;
}

/**
 * The sign-in page. The authorization server sends unauthenticated browsers here with
 * ?returnUrl=/connect/authorize?...; after the password (and code) we go back there to get tokens.
 */
export default function LoginRoute(): ReactNode {
  const { t } = useTranslation('accounts');
  const [params] = useSearchParams();
  const location = useLocation();
  const { signIn } = useAuth();
  const returnUrl = params.get('returnUrl') ?? params.get('ReturnUrl');
  const registeredEmail = (location.state as LoginLocationState | null)?.registeredEmail;

  const onSignedIn = async (): Promise<void> => {
    if (isAuthorizeReturnUrl(returnUrl)) browser.redirectTo(returnUrl);
    else await signIn();
  };

  return (
    <Page title={t('login.title')}>
      {registeredEmail && (
        <Alert color="green" icon={<IconCircleCheck aria-hidden="true" />} title={t('login.registeredTitle')} maw={480}>
          {t('login.registered')}
        </Alert>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={480}>
        {/* Note: two first-class ways in, both ending in the same session and the same return to /connect/authorize. */}
        <Tabs defaultValue="password" keepMounted={false}>
          <Tabs.List grow mb="md">
            <Tabs.Tab value="password">{t('login.passwordTab')}</Tabs.Tab>
            <Tabs.Tab value="sms">{t('login.smsTab')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="password">
            <LoginForm defaultEmail={registeredEmail} onSignedIn={onSignedIn} />
          </Tabs.Panel>
          <Tabs.Panel value="sms">
            <SmsLoginForm onSignedIn={onSignedIn} />
          </Tabs.Panel>
        </Tabs>
      </Paper>
      <Text>
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/register" fw={600} c="blue.9" underline="always">
          {t('login.registerLink')}
        </Anchor>
      </Text>
    </Page>
  );
}
