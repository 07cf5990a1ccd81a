import { Anchor, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Page } from '@/components/page';
import { RegisterForm } from '@/features/accounts/components/register-form';
import type { LoginLocationState } from './login';

export default function RegisterRoute(): ReactNode {
  const { t } = useTranslation('accounts');
  const navigate = useNavigate();

  const onRegistered = (email: string): void => {
    const state: LoginLocationState = { registeredEmail: email };
    void navigate('/login', { state });
  };

  return (
    <Page title={t('register.title')} description={
        <>
          <Text>{t('register.intro')}</Text>
          <Text size="sm">{t('register.allRequired')}</Text>
        </>
      }>
      <Paper withBorder p={{ base: 'md', sm: 'lg' }} radius="md" maw={720}>
        <RegisterForm onRegistered={onRegistered} />
      </Paper>
      <Text>
        {t('register.haveAccount')}{' '}
        <Anchor component={Link} to="/login" fw={600} c="blue.9" underline="always">
          {t('register.signInLink')}
        </Anchor>
      </Text>
    </Page>
  );
}
