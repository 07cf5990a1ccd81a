import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-client';
import { translateFormError } from '@/lib/form-errors';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
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

const passwordFields = ['email', 'password'] as const;
const codeFields = ['code'] as const;

/**
 * The banner of a refused sign-in; `message` is what the form's errors hook says when it is neither a lockout nor a rate
 * limit. `by` says what was locked: the e-mail address (password) or the mobile number (SMS code).
 */
export function describeLoginError(error: unknown, t: TFunction, message: string, by: 'email' | 'mobile' = 'email'): LoginError {
  if (isApiError(error) && error.status === 403 && error.code === 'locked_out') {
    const minutes = lockoutMinutes(error.problem.lockoutEnd);
    const prefix = by === 'mobile' ? 'accounts:sms.' : 'accounts:login.';
    return {
      title: t('accounts:login.lockedTitle'),
      message: minutes === null ? t(`${prefix}lockedNoEnd`) : t(`${prefix}locked`, { count: minutes }),
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
  return { title: t('accounts:login.failedTitle'), message, locked: false };
}

export function ErrorAlert({ error }: { error: LoginError }): ReactNode {
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
  // Note: a refusal of the e-mail or password as such (400) shows under the field; "wrong password", lockouts and rate
  // limits are about the attempt and stay in the banner.
  const passwordErrors = useServerFormErrors({ fields: passwordFields, setFieldError: passwordForm.setFieldError }, t);
  const codeErrors = useServerFormErrors({ fields: codeFields, setFieldError: codeForm.setFieldError }, t);

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
            onError: (error) => {
              codeForm.setFieldValue('code', '');
              codeErrors.onError(error);
            },
          }),
        )}
      >
        <Stack>
          <Text>{t('twoFactor.instructions')}</Text>
          {twoFactor.isError && codeErrors.formError !== null && <ErrorAlert error={describeLoginError(twoFactor.error, t, codeErrors.formError)} />}
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
          onError: (error) => {
            passwordForm.setFieldValue('password', '');
            passwordErrors.onError(error);
          },
        }),
      )}
    >
      <Stack>
        {login.isError && passwordErrors.formError !== null && <ErrorAlert error={describeLoginError(login.error, t, passwordErrors.formError)} />}
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
