import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateFormError } from '@/lib/form-errors';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
import { mobileSchema, smsLoginSchema, useLoginWithSmsCode, useSendSmsCode, type SmsLoginInput } from '../api/sms-codes';
import { describeLoginError, ErrorAlert } from './login-form';
import { SendCodeButton } from './send-code-button';

export interface SmsLoginFormProps {
  /** Called once the server has signed the user in (cookie set): continue the OIDC flow. */
  onSignedIn: () => Promise<void> | void;
}

const fields = ['mobile', 'code'] as const;

/** Mobile number, a code sent by SMS, sign in: the same session as a password (staff keep password + authenticator). */
export function SmsLoginForm({ onSignedIn }: SmsLoginFormProps): ReactNode {
  const { t, i18n } = useTranslation('accounts');
  const send = useSendSmsCode('signIn');
  const login = useLoginWithSmsCode();
  const [sentAt, setSentAt] = useState<number | null>(null);
  const [finishing, setFinishing] = useState(false);
  const form = useForm<SmsLoginInput>({
    mode: 'controlled',
    initialValues: { mobile: '', code: '' },
    validate: schemaResolver(smsLoginSchema, { sync: true }),
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t) }),
  });
  const errors = useServerFormErrors({ fields, setFieldError: form.setFieldError }, t);

  const sendCode = (): void => {
    const mobile = mobileSchema.safeParse(form.getValues().mobile);
    if (!mobile.success) {
      form.validateField('mobile');
      return;
    }
    login.reset();
    send.mutate({ mobile: mobile.data, language: i18n.language }, { onSuccess: () => setSentAt(Date.now()), onError: errors.onError });
  };

  const failed = (login.isError ? login.error : null) ?? (send.isError ? send.error : null);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        login.mutate(values, {
          onSuccess: () => {
            setFinishing(true);
            void Promise.resolve()
              .then(onSignedIn)
              .catch(() => setFinishing(false));
          },
          onError: (error) => {
            form.setFieldValue('code', '');
            errors.onError(error);
          },
        }),
      )}
    >
      <Stack>
        {failed !== null && errors.formError !== null && <ErrorAlert error={describeLoginError(failed, t, errors.formError, 'mobile')} />}
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            label={t('fields.mobile')}
            required
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            style={{ flexGrow: 1, minWidth: 0 }}
            {...form.getInputProps('mobile')}
          />
          <SendCodeButton onSend={sendCode} loading={send.isPending} sentAt={sentAt} />
        </Group>
        {sentAt !== null && (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />} role="status">
            {t('sms.sent')}
          </Alert>
        )}
        <TextInput
          label={t('sms.codeLabel')}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          {...form.getInputProps('code')}
        />
        <Button type="submit" loading={login.isPending || finishing}>
          {t('login.submit')}
        </Button>
        <Text size="sm" c="dimmed">
          {t('sms.staffNote')}
        </Text>
      </Stack>
    </form>
  );
}
