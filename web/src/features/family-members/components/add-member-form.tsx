import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type ChangeEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { normalizeResidentId, parseResidentId } from '@/lib/resident-id';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
import { useAddMember, type AddMemberResult } from '../api/add-member';
import { relations, scopes, type Relation, type Scope } from '../api/schemas';
import { isAdultMember, localToday, memberFields, toAddMemberInput, validateMember, type MemberField, type MemberFormValues } from '../lib/member-form';

/** Problem codes about one field: shown under it rather than in the banner. */
const codeFields: Record<string, MemberField> = {
  id_invalid: 'idNumber',
  member_already_added: 'idNumber',
};

export interface AddMemberFormProps {
  onAdded: (result: AddMemberResult, values: MemberFormValues) => void;
  /** Fixed "today" for tests; the user's date otherwise. */
  today?: string;
}

/** Adding a person: real-name identity as at registration (GB 11643 check on the resident ID), then for an adult, how to reach them and what to ask for. */
export function AddMemberForm({ onAdded, today = localToday() }: AddMemberFormProps): ReactNode {
  const { t } = useTranslation('familyMembers');
  const add = useAddMember();
  const [derived, setDerived] = useState(false);
  const form = useForm<MemberFormValues>({
    mode: 'controlled',
    initialValues: {
      relation: 'child',
      idType: 'resident',
      idNumber: '',
      fullName: '',
      dateOfBirth: '',
      sex: '',
      email: '',
      phone: '',
      scopes: ['appointments', 'medications'],
      accessEndsOn: '',
    },
    validate: (values) => validateMember(values, today),
    validateInputOnBlur: true,
  });
  const { formError, setFormError, onError } = useServerFormErrors({ fields: memberFields, setFieldError: form.setFieldError }, t, {
    codeFields,
    fixErrorsMessage: t('form.fixErrors'),
  });

  // Note: client errors are i18n keys (they follow a language switch); the server's come already translated.
  const errorOf = (field: MemberField): string | undefined => {
    const error = form.errors[field];
    if (typeof error !== 'string') return undefined;
    return error.startsWith('validation.') ? t(error) : error;
  };
  const inputProps = (field: MemberField): ReturnType<typeof form.getInputProps> & { error?: string } => ({ ...form.getInputProps(field), error: errorOf(field) });

  const onIdNumberChange = (event: ChangeEvent<HTMLInputElement>): void => {
    const raw = event.currentTarget.value;
    const resident = form.values.idType === 'resident';
    const value = resident ? normalizeResidentId(raw) : raw;
    form.setFieldValue('idNumber', value);
    // Resident IDs carry the date of birth and sex: fill them in so they cannot disagree.
    const details = resident ? parseResidentId(value) : null;
    setDerived(details !== null);
    if (details) {
      form.setFieldValue('dateOfBirth', details.dateOfBirth);
      form.setFieldValue('sex', details.sex);
      form.clearFieldError('dateOfBirth');
      form.clearFieldError('sex');
    }
  };

  const submit = (values: MemberFormValues): void => {
    setFormError(null);
    add.mutate(toAddMemberInput(values, today), { onSuccess: (result) => onAdded(result, values), onError });
  };
  const adult = isAdultMember(form.values, today);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(submit, () => {
        setFormError(t('form.fixErrors'));
        setTimeout(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus(), 0);
      })}
      aria-labelledby="add-member-title"
    >
      <Stack gap="sm">
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <NativeSelect
          label={t('form.relation')}
          data={relations.map((relation: Relation) => ({ value: relation, label: t(`relation.${relation}`) }))}
          {...inputProps('relation')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('form.idType')}
            data={[
              { value: 'resident', label: t('form.idTypes.resident') },
              { value: 'passport', label: t('form.idTypes.passport') },
            ]}
            {...inputProps('idType')}
            onChange={(event) => {
              form.setFieldValue('idType', event.currentTarget.value === 'passport' ? 'passport' : 'resident');
              form.clearFieldError('idNumber');
              setDerived(false);
            }}
          />
          <TextInput
            label={t('form.idNumber')}
            required
            autoComplete="off"
            description={form.values.idType === 'resident' ? t('form.idNumberHint') : undefined}
            {...inputProps('idNumber')}
            onChange={onIdNumberChange}
          />
          <TextInput label={t('form.fullName')} required autoComplete="off" {...inputProps('fullName')} />
          <TextInput label={t('form.dateOfBirth')} type="date" required readOnly={derived} max={today} {...inputProps('dateOfBirth')} />
          <NativeSelect
            label={t('form.sex')}
            required
            disabled={derived}
            data={[
              { value: '', label: t('form.sexChoose') },
              { value: 'Male', label: t('form.sexes.Male') },
              { value: 'Female', label: t('form.sexes.Female') },
            ]}
            {...inputProps('sex')}
          />
        </SimpleGrid>
        {adult ? (
          <Stack gap="sm">
            <Text size="sm">{t('form.adultHelp')}</Text>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('form.email')} type="email" autoComplete="off" {...inputProps('email')} />
              <TextInput label={t('form.phone')} type="tel" autoComplete="off" {...inputProps('phone')} />
            </SimpleGrid>
            <Checkbox.Group label={t('form.scopes')} description={t('form.scopesHelp')} {...inputProps('scopes')}>
              <Stack gap={6} mt={6}>
                {scopes.map((scope: Scope) => (
                  <Checkbox key={scope} value={scope} label={t(`scopes.${scope}`)} />
                ))}
              </Stack>
            </Checkbox.Group>
            <TextInput label={t('form.accessEndsOn')} description={t('form.accessEndsOnHelp')} type="date" min={today} {...inputProps('accessEndsOn')} />
          </Stack>
        ) : (
          <Text size="sm">{t('form.childHelp')}</Text>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {adult ? t('form.invite') : t('form.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
