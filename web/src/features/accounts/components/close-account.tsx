import { Alert, Button, Checkbox, Group, List, Modal, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateFormError } from '@/lib/form-errors';
import { closeAccountInputSchema, useCloseAccount, type CloseAccountInput } from '../api/close-account';
import { useAuth } from './auth-context';
import { ProblemAlert } from '@/components/problem-alert';

const passwordRules = schemaResolver(closeAccountInputSchema, { sync: true });

/**
 * A patient closes their account (PIPL). The page says plainly what goes (sign-in, the account's e-mail, mobile and
 * name) and what stays (the medical record, as the law requires); the dialog asks for the password and an explicit
 * "I understand" before anything happens.
 */
export function CloseAccountSection(): ReactNode {
  const { t } = useTranslation('accounts');
  const { signOut } = useAuth();
  const close = useCloseAccount();
  const [opened, setOpened] = useState(false);
  const form = useForm<CloseAccountInput & { understood: boolean }>({
    mode: 'controlled',
    initialValues: { password: '', understood: false },
    validate: (values) => ({
      ...passwordRules(values),
      ...(values.understood ? {} : { understood: 'accounts:closeAccount.understoodRequired' }),
    }),
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t) }),
  });

  const cancel = (): void => {
    close.reset();
    form.reset();
    setOpened(false);
  };

  if (close.isSuccess) {
    return (
      <Stack align="flex-start" gap="md">
        <Alert color="green" role="status" title={t('closeAccount.closedTitle')}>
          {t('closeAccount.closed', { years: close.data.medicalRecordRetentionYears })}
        </Alert>
        <Button onClick={() => void signOut()}>{t('closeAccount.leave')}</Button>
      </Stack>
    );
  }

  return (
    <Stack gap="sm" align="flex-start">
      <Title order={2} size="h3">
        {t('closeAccount.title')}
      </Title>
      <Text>{t('closeAccount.intro')}</Text>
      <List spacing="xs">
        <List.Item>{t('closeAccount.signInEnds')}</List.Item>
        <List.Item>{t('closeAccount.identifiersRemoved')}</List.Item>
        <List.Item>{t('closeAccount.recordKept', { years: 15 })}</List.Item>
      </List>
      <Button variant="outline" color="red.9" onClick={() => setOpened(true)}>
        {t('closeAccount.open')}
      </Button>
      <Modal opened={opened} onClose={cancel} title={t('closeAccount.confirmTitle')} centered>
        <form noValidate onSubmit={form.onSubmit((values) => close.mutate({ password: values.password }))}>
          <Stack gap="md">
            <Text size="sm">{t('closeAccount.confirmExplain')}</Text>
            <PasswordInput label={t('closeAccount.password')} autoComplete="current-password" required data-autofocus {...form.getInputProps('password')} />
            <Checkbox label={t('closeAccount.understood')} {...form.getInputProps('understood', { type: 'checkbox' })} />
            {close.isError && <ProblemAlert error={close.error} />}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={cancel}>
                {t('closeAccount.cancel')}
              </Button>
              <Button type="submit" color="red.9" loading={close.isPending}>
                {t('closeAccount.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
