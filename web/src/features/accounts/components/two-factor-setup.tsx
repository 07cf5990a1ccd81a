import { Alert, Button, Code, Group, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconShieldCheck } from '@tabler/icons-react';
import { QRCodeSVG } from 'qrcode.react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { translateFormError } from '@/lib/form-errors';
import { problemMessage } from '@/lib/problem-message';
import { disableTwoFactorSchema, useDisableTwoFactor } from '../api/disable-two-factor';
import { useEnableTwoFactor } from '../api/enable-two-factor';
import { useTwoFactor } from '../api/get-two-factor';
import { twoFactorCodeSchema } from '../api/login-two-factor';
import { ProblemAlert } from '@/components/problem-alert';

/** "ABCD EFGH ..." is easier to type into an authenticator app than one long string. */
export function formatSharedKey(key: string): string {
  return key.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}

/**
 * Staff enrol an authenticator app (TOTP): scan the QR code or type the key, then confirm with a code. Turning it
 * off asks for the password and a current code again.
 */
export function TwoFactorSetup(): ReactNode {
  const { t } = useTranslation('accounts');
  const status = useTwoFactor();
  const enable = useEnableTwoFactor();
  const disable = useDisableTwoFactor();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: schemaResolver(twoFactorCodeSchema, { sync: true }),
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t) }),
  });
  const disableForm = useForm({
    mode: 'controlled',
    initialValues: { password: '', code: '' },
    validate: schemaResolver(disableTwoFactorSchema, { sync: true }),
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t) }),
  });

  if (status.isPending) return <PageLoader />;
  if (status.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(status.error, t)}
      </Alert>
    );
  }

  if (status.data.enabled) {
    return (
      <Stack maw={520}>
        <Alert color="green" icon={<IconShieldCheck aria-hidden="true" />} title={t('security.enabledTitle')}>
          {t('security.enabled')}
        </Alert>
        <Title order={2} size="h4">
          {t('security.disableTitle')}
        </Title>
        <Text>{t('security.disableIntro')}</Text>
        <form
          noValidate
          onSubmit={disableForm.onSubmit((values) =>
            disable.mutate(values, {
              onSuccess: () => {
                disableForm.reset();
                notifications.show({ message: t('security.disabledNotice') });
              },
            }),
          )}
        >
          <Stack align="stretch">
            {disable.isError && <ProblemAlert error={disable.error} />}
            <PasswordInput
              label={t('fields.password')}
              required
              autoComplete="current-password"
              {...disableForm.getInputProps('password')}
            />
            <TextInput
              label={t('twoFactor.codeLabel')}
              required
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              {...disableForm.getInputProps('code')}
            />
            <Group>
              <Button type="submit" variant="outline" color="red" loading={disable.isPending}>
                {t('security.disable')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    );
  }

  return (
    <Stack maw={520}>
      <Text>{t('security.intro')}</Text>
      <Title order={2} size="h4">
        {t('security.step1')}
      </Title>
      <Group align="flex-start" gap="lg">
        <QRCodeSVG
          value={status.data.authenticatorUri ?? ''}
          size={180}
          marginSize={2}
          title={t('security.qrTitle')}
          role="img"
          aria-label={t('security.qrTitle')}
        />
        <Stack gap={4}>
          <Text>{t('security.keyLabel')}</Text>
          <Code fz="md" block>
            {formatSharedKey(status.data.sharedKey ?? '')}
          </Code>
        </Stack>
      </Group>
      <Title order={2} size="h4">
        {t('security.step2')}
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit((values) =>
          enable.mutate(values, {
            onSuccess: () => {
              form.reset();
              notifications.show({ color: 'green', message: t('security.enabledNotice') });
            },
            onError: (error) => form.setFieldError('code', problemMessage(error, t)),
          }),
        )}
      >
        <Stack align="flex-start">
          <TextInput
            label={t('twoFactor.codeLabel')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            {...form.getInputProps('code')}
          />
          <Button type="submit" loading={enable.isPending}>
            {t('security.enable')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
