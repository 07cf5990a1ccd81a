import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { translateFormError } from '@/lib/form-errors';
import { problemMessage } from '@/lib/problem-message';
import { loginInputSchema, useLogin, type LoginInput, type SignInResult } from '../api/login';
import { twoFactorCodeSchema, useLoginTwoFactor } from '../api/login-two-factor';

export interface LoginFormProps {
  defaultEmail?: string;
  /** Called once the server has signed the user in (cookie set): continue the OIDC flow. */
  onSignedIn: () => Promise<void> | void;
}

interface LoginError {
  title: string;
  message: string;
  locked: boolean;
}

/** Minutes until a lockout ends, rounded up, at least 1; null if the server gave no end. */
export function lockoutMinutes(lockoutEnd: unknown, now: number = Date.now()): number | null {
  if (typeof lockoutEnd !== 'string') return null;
  const end = Date.parse(lockoutEnd);
  if (Number.isNaN(end)) return null;
  return Math.max(1, Math.ceil((end - now) / 60_000));
}

function describeLoginError(error: unknown, t: TFunction): LoginError {
  if (isApiError(error) && error.status === 403 && error.code === 'locked_out') {
    const minutes = lockoutMinutes(error.problem.lockoutEnd);
    return {
      title: t('accounts:login.lockedTitle'),
      message: minutes === null ? t('accounts:login.lockedNoEnd') : t('accounts:login.locked', { count: minutes }),
      locked: true,
    };
  }
  if (isApiError(error) && error.status === 429) {
    return {
      title: t('accounts:login.rateLimitedTitle'),
      message: error.retryAfterSeconds
        ? t('errors:rateLimitedRetry', { count: error.retryAfterSeconds })
        : t('errors:rateLimited'),
      locked: false,
    };
  }
  return { title: t('accounts:login.failedTitle'), message: problemMessage(error, t), locked: false };
}

function ErrorAlert({ error }: { error: LoginError }): ReactNode {
  return (
    <Alert
      color="red"
      title={error.title}
      icon={error.locked ? <IconLock aria-hidden="true" /> : <IconAlertCircle aria-hidden="true" />}
      role="alert"
    >
      {error.message}
    </Alert>
  );
}

/** Email + password, then (staff with an authenticator) the 6-digit code. */
export function LoginForm({ defaultEmail = '', onSignedIn }: LoginFormProps): ReactNode {
  const { t } = useTranslation('accounts');
  const login = useLogin();
  const twoFactor = useLoginTwoFactor();
  const [step, setStep] = useState<'password' | 'twoFactor'>('password');
  const [finishing, setFinishing] = useState(false);

  const passwordForm = useForm<LoginInput>({
    mode: 'controlled',
    initialValues: { email: defaultEmail, password: '' },
    validate: schemaResolver(loginInputSchema, { sync: true }),
    enhanceGetInputProps: ({ form, field }) => ({ error: translateFormError(form.errors[field], t) }),
  });
  const codeForm = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: schemaResolver(twoFactorCodeSchema, { sync: true }),
    enhanceGetInputProps: ({ form, field }) => ({ error: translateFormError(form.errors[field], t) }),
  });

  const handleResult = (result: SignInResult): void => {
    if (result.status === 'twoFactorRequired') {
      setStep('twoFactor');
      return;
    }
    setFinishing(true);
    void Promise.resolve()
      .then(onSignedIn)
      .catch(() => setFinishing(false));
  };

  if (step === 'twoFactor') {
    return (
      <form
        noValidate
        onSubmit={codeForm.onSubmit((values) =>
          twoFactor.mutate(values, {
            onSuccess: handleResult,
            onError: () => codeForm.setFieldValue('code', ''),
          }),
        )}
      >
        <Stack>
          <Text>{t('twoFactor.instructions')}</Text>
          {twoFactor.isError && <ErrorAlert error={describeLoginError(twoFactor.error, t)} />}
          <TextInput
            label={t('twoFactor.codeLabel')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            data-autofocus
            {...codeForm.getInputProps('code')}
          />
          <Button type="submit" loading={twoFactor.isPending || finishing}>
            {t('twoFactor.verify')}
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              twoFactor.reset();
              login.reset();
              codeForm.reset();
              setStep('password');
            }}
          >
            {t('twoFactor.back')}
          </Button>
        </Stack>
      </form>
    );
  }

  return (
    <form
      noValidate
      onSubmit={passwordForm.onSubmit((values) =>
        login.mutate(values, {
          onSuccess: handleResult,
          onError: () => passwordForm.setFieldValue('password', ''),
        }),
      )}
    >
      <Stack>
        {login.isError && <ErrorAlert error={describeLoginError(login.error, t)} />}
        <TextInput
          label={t('fields.email')}
          type="email"
          required
          autoComplete="username"
          inputMode="email"
          {...passwordForm.getInputProps('email')}
        />
        <PasswordInput
          label={t('fields.password')}
          required
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('showCharacters') }}
          {...passwordForm.getInputProps('password')}
        />
        <Button type="submit" loading={login.isPending || finishing}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
