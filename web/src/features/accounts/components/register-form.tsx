import { Alert, Button, Group, NativeSelect, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useMemo, useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateFormError } from '@/lib/form-errors';
import { useServerSettings } from '@/lib/server-settings';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
import {
  registerFields,
  registerInputSchema,
  todayIso,
  useRegister,
  type RegisterField,
} from '../api/register';
import { normalizeResidentId, parseResidentId } from '@/lib/resident-id';
import { mobileSchema, useSendSmsCode } from '../api/sms-codes';
import { SendCodeButton } from './send-code-button';

export interface RegisterFormValues {
  fullName: string;
  idType: 'ResidentId' | 'Passport';
  idNumber: string;
  dateOfBirth: string;
  sex: '' | 'Male' | 'Female';
  mobile: string;
  mobileCode: string;
  email: string;
  password: string;
}

export interface RegisterFormProps {
  /** Called after the account was created (201), with the e-mail to pre-fill on the sign-in page. */
  onRegistered: (email: string) => void;
}

const conflictFields: Record<string, RegisterField> = {
  duplicate_email: 'email',
  duplicate_id_number: 'idNumber',
  duplicate_mobile: 'mobile',
};

/** Patient self-registration; mobile-first single column, two columns from the sm breakpoint. */
export function RegisterForm({ onRegistered }: RegisterFormProps): ReactNode {
  const { t, i18n } = useTranslation('accounts');
  const registerMutation = useRegister();
  const sendCode = useSendSmsCode('registration');
  const [codeSentAt, setCodeSentAt] = useState<number | null>(null);
  const [derivedFromId, setDerivedFromId] = useState(false);
  const { passwordMinLength } = useServerSettings();
  const schema = useMemo(() => registerInputSchema(passwordMinLength), [passwordMinLength]);

  const form = useForm<RegisterFormValues>({
    mode: 'controlled',
    initialValues: {
      fullName: '',
      idType: 'ResidentId',
      idNumber: '',
      dateOfBirth: '',
      sex: '',
      mobile: '',
      mobileCode: '',
      email: '',
      password: '',
    },
    validate: schemaResolver(schema, { sync: true }),
    validateInputOnBlur: true,
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t, { count: passwordMinLength }) }),
  });
  const { formError, setFormError, onError } = useServerFormErrors(
    { fields: registerFields, setFieldError: form.setFieldError },
    t,
    { codeFields: conflictFields, fixErrorsMessage: t('register.fixErrors') },
  );

  /** Resident ID cards encode date of birth and sex: fill them in so the user need not type them again. */
  const deriveFromId = (idType: RegisterFormValues['idType'], idNumber: string): void => {
    const details = idType === 'ResidentId' ? parseResidentId(idNumber) : null;
    setDerivedFromId(details !== null);
    if (!details) return;
    form.setFieldValue('dateOfBirth', details.dateOfBirth);
    form.setFieldValue('sex', details.sex);
    form.clearFieldError('dateOfBirth');
    form.clearFieldError('sex');
  };

  const onIdTypeChange = (event: ChangeEvent<HTMLSelectElement>): void => {
    const idType = event.currentTarget.value === 'Passport' ? 'Passport' : 'ResidentId';
    form.setFieldValue('idType', idType);
    form.clearFieldError('idNumber');
    deriveFromId(idType, form.getValues().idNumber);
  };

  const onIdNumberChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const { idType } = form.getValues();
    const raw = event.currentTarget.value;
    const value = idType === 'ResidentId' ? normalizeResidentId(raw) : raw;
    form.setFieldValue('idNumber', value);
    deriveFromId(idType, value);
  };

  const handleSubmit = (values: RegisterFormValues): void => {
    setFormError(null);
    const input = schema.parse(values);
    registerMutation.mutate(input, {
      onSuccess: () => onRegistered(input.email),
      onError,
    });
  };

  const onInvalid = (): void => {
    setFormError(t('register.fixErrors'));
    // Note: take keyboard and screen-reader users to the first field that needs attention.
    setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0);
  };

  const onSendCode = (): void => {
    const mobile = mobileSchema.safeParse(form.getValues().mobile);
    if (!mobile.success) {
      form.validateField('mobile');
      return;
    }
    setFormError(null);
    sendCode.mutate({ mobile: mobile.data, language: i18n.language }, { onSuccess: () => setCodeSentAt(Date.now()), onError });
  };

  const isResidentId = form.values.idType === 'ResidentId';
  const idNumberProps = form.getInputProps('idNumber');

  return (
    <form noValidate onSubmit={form.onSubmit(handleSubmit, onInvalid)}>
      <Stack>
        {formError && (
          <Alert color="red" icon={<IconAlertCircle aria-hidden="true" />} role="alert">
            {formError}
          </Alert>
        )}
        <TextInput
          label={t('fields.fullName')}
          required
          autoComplete="name"
          maxLength={100}
          {...form.getInputProps('fullName')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('fields.idType')}
            required
            data={[
              { value: 'ResidentId', label: t('idTypes.ResidentId') },
              { value: 'Passport', label: t('idTypes.Passport') },
            ]}
            {...form.getInputProps('idType')}
            onChange={onIdTypeChange}
          />
          <TextInput
            label={t('fields.idNumber')}
            description={isResidentId ? t('register.idNumberHint') : undefined}
            required
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={isResidentId ? 18 : 30}
            {...idNumberProps}
            onChange={onIdNumberChange}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.dateOfBirth')}
            description={derivedFromId ? t('register.derivedFromId') : undefined}
            type="date"
            required
            autoComplete="bday"
            max={todayIso()}
            {...form.getInputProps('dateOfBirth')}
          />
          <NativeSelect
            label={t('fields.sex')}
            description={derivedFromId ? t('register.derivedFromId') : undefined}
            required
            data={[
              { value: '', label: t('register.choose'), disabled: true },
              { value: 'Male', label: t('sexes.Male') },
              { value: 'Female', label: t('sexes.Female') },
            ]}
            {...form.getInputProps('sex')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Group align="flex-end" gap="xs" wrap="nowrap">
            <TextInput
              label={t('fields.mobile')}
              type="tel"
              required
              autoComplete="tel"
              inputMode="tel"
              style={{ flexGrow: 1, minWidth: 0 }}
              {...form.getInputProps('mobile')}
            />
            <SendCodeButton onSend={onSendCode} loading={sendCode.isPending} sentAt={codeSentAt} />
          </Group>
          <TextInput
            label={t('sms.registerCodeLabel')}
            description={t('sms.registerHint')}
            required
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            {...form.getInputProps('mobileCode')}
          />
        </SimpleGrid>
        {codeSentAt !== null && (
          <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />} role="status">
            {t('sms.registerSent')}
          </Alert>
        )}
        <TextInput
          label={t('fields.email')}
          type="email"
          required
          autoComplete="email"
          inputMode="email"
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('fields.password')}
          description={t('register.passwordHint', { count: passwordMinLength })}
          required
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('showCharacters') }}
          {...form.getInputProps('password')}
        />
        <Button type="submit" size="md" loading={registerMutation.isPending}>
          {t('register.submit')}
        </Button>
      </Stack>
    </form>
  );
}
