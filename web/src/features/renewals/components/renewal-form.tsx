import { Alert, Anchor, Button, Card, Checkbox, Group, NumberInput, Radio, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { isApiError } from '@/lib/api-client';
import { translateFormError } from '@/lib/form-errors';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
import { useEligibility } from '../api/get-eligibility';
import { useMedications } from '../api/get-medications';
import { useSubmitRenewal } from '../api/submit-renewal';
import { drugName } from '../lib/format';

const answer = z.enum(['yes', 'no'], { message: 'renewals:validation.answer' });

const formSchema = z
  .object({
    days: z.record(z.string(), z.number({ message: 'renewals:validation.days' }).int('renewals:validation.days').min(1, 'renewals:validation.days')),
    fulfilment: z.enum(['Pickup', 'Delivery']),
    deliveryAddress: z.string(),
    newSymptoms: answer,
    sideEffects: answer,
    hospitalStay: answer,
    pregnancy: answer,
    details: z.string().max(1000),
  })
  .refine((v) => v.fulfilment !== 'Delivery' || v.deliveryAddress.trim().length > 0, { path: ['deliveryAddress'], message: 'renewals:validation.address' });

type FormValues = {
  days: Record<string, number | string>;
  fulfilment: 'Pickup' | 'Delivery';
  deliveryAddress: string;
  newSymptoms: string;
  sideEffects: string;
  hospitalStay: string;
  pregnancy: string;
  details: string;
};

const questions = ['newSymptoms', 'sideEffects', 'hospitalStay', 'pregnancy'] as const;

/** The fields the server may name in a refusal that this form shows under a field. */
const serverFields = ['deliveryAddress', ...questions, 'details'] as const;

/**
 * The renewal request: days supply per medicine (checked against the rules as it is typed), pickup or delivery,
 * and the short check. The server checks everything again.
 * For a child under 6 (`guardianFor` is the child's name) the guardian confirms they are present (domain rule 4); the
 * server's 422 guardian_presence_required asks the same if the page did not know.
 */
export function RenewalForm({ patientId, drugIds, guardianFor }: { patientId: string | undefined; drugIds: readonly string[]; guardianFor?: string }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const navigate = useNavigate();
  const medications = useMedications(patientId);
  const submit = useSubmitRenewal(patientId);
  const [guardianPresent, setGuardianPresent] = useState(false);
  const guardianAsked = isApiError(submit.error) && submit.error.code === 'guardian_presence_required';
  const askGuardian = guardianFor !== undefined || guardianAsked;

  const chosen = drugIds
    .map((id) => medications.data?.medications.find((m) => m.medication.drugId === id))
    .filter((m): m is NonNullable<typeof m> => m !== undefined);

  const form = useForm<FormValues>({
    mode: 'controlled',
    initialValues: {
      days: Object.fromEntries(drugIds.map((id) => [id, 28])),
      fulfilment: 'Pickup',
      deliveryAddress: '',
      newSymptoms: '',
      sideEffects: '',
      hospitalStay: '',
      pregnancy: '',
      details: '',
    },
    validate: schemaResolver(formSchema as unknown as z.ZodType<FormValues>, { sync: true }),
    enhanceGetInputProps: ({ form: f, field }) => ({ error: translateFormError(f.errors[field], t) }),
  });
  const { formError, setFormError, onError } = useServerFormErrors({ fields: serverFields, setFieldError: form.setFieldError }, t);

  if (drugIds.length === 0) {
    return (
      <Stack>
        <Text>{t('form.noneSelected')}</Text>
        <Anchor component={Link} to="/medications">
          {t('form.backToMedications')}
        </Anchor>
      </Stack>
    );
  }

  if (!medications.data) return <Text c="dimmed">{t('form.checking')}</Text>;

  const flagged = questions.some((q) => form.values[q] === 'yes');

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        setFormError(null);
        submit.mutate(
          {
            items: chosen.map((m) => ({ drugId: m.medication.drugId!, daysSupply: Number(values.days[m.medication.drugId!]) })),
            fulfilment: values.fulfilment,
            deliveryAddress: values.fulfilment === 'Delivery' ? values.deliveryAddress.trim() : undefined,
            newSymptoms: values.newSymptoms === 'yes',
            sideEffects: values.sideEffects === 'yes',
            hospitalStay: values.hospitalStay === 'yes',
            pregnancy: values.pregnancy === 'yes',
            details: values.details.trim() || undefined,
            guardianPresent: askGuardian ? guardianPresent : undefined,
          },
          { onSuccess: (created) => void navigate(`/renewals/${created.id}`), onError },
        );
      })}
    >
      <Stack gap="lg">
        <Stack component="section" aria-labelledby="renewal-medicines" gap="sm">
          <Title order={2} size="h3" id="renewal-medicines">
            {t('form.medicines')}
          </Title>
          {chosen.map((m) => {
            const id = m.medication.drugId!;
            const name = `${drugName(i18n.language, m.medication.name, m.medication.nameEn)} ${m.medication.strength}`;
            return (
              <Card key={id} withBorder radius="md" padding="md">
                <NumberInput
                  label={t('form.daysSupply', { name })}
                  description={m.renewal.maxDaysSupply ? t('form.daysHint', { max: m.renewal.maxDaysSupply }) : undefined}
                  min={1}
                  max={m.renewal.maxDaysSupply ?? undefined}
                  allowDecimal={false}
                  required
                  {...form.getInputProps(`days.${id}`)}
                />
                <EligibilityNote patientId={patientId} drugId={id} days={Number(form.values.days[id])} />
              </Card>
            );
          })}
        </Stack>

        <Radio.Group label={t('form.fulfilment')} required {...form.getInputProps('fulfilment')}>
          <Stack gap="xs" mt="xs">
            <Radio value="Pickup" label={t('form.pickup')} />
            <Radio value="Delivery" label={t('form.delivery')} />
          </Stack>
        </Radio.Group>
        {form.values.fulfilment === 'Delivery' && (
          <TextInput label={t('form.address')} required autoComplete="street-address" {...form.getInputProps('deliveryAddress')} />
        )}

        <Stack component="fieldset" gap="sm" style={{ border: 0, padding: 0, margin: 0 }}>
          <Title order={2} size="h3" component="legend">
            {t('form.checkTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('form.allRequired')}
          </Text>
          {questions.map((question) => (
            <Radio.Group key={question} label={t(`form.${question}`)} required {...form.getInputProps(question)}>
              <Group gap="lg" mt="xs">
                <Radio value="yes" label={t('form.yes')} />
                <Radio value="no" label={t('form.no')} />
              </Group>
            </Radio.Group>
          ))}
          {flagged && <Alert color="blue">{t('form.flagNote')}</Alert>}
          <Textarea label={t('form.details')} rows={3} maxLength={1000} {...form.getInputProps('details')} />
        </Stack>

        {askGuardian && (
          <Alert color="orange" title={t('familyMembers:guardian.title')}>
            <Stack gap="xs">
              <Text size="sm">{t('familyMembers:guardian.renewalExplain', { name: guardianFor ?? t('familyMembers:guardian.theChild') })}</Text>
              <Checkbox
                checked={guardianPresent}
                onChange={(event) => setGuardianPresent(event.currentTarget.checked)}
                label={t('familyMembers:guardian.renewalConfirm', { name: guardianFor ?? t('familyMembers:guardian.theChild') })}
              />
            </Stack>
          </Alert>
        )}
        {formError && (
          <Alert color="red" role="alert" icon={<IconAlertCircle aria-hidden="true" />}>
            {formError}
          </Alert>
        )}
        <Button type="submit" size="md" loading={submit.isPending} disabled={askGuardian && !guardianPresent}>
          {t('form.submit')}
        </Button>
      </Stack>
    </form>
  );
}

/** What the server says about this medicine with this many days, as the patient types. */
function EligibilityNote({ patientId, drugId, days }: { patientId: string | undefined; drugId: string; days: number }): ReactNode {
  const { t } = useTranslation('renewals');
  const eligibility = useEligibility(patientId, drugId, days);
  if (!eligibility.data) return null;
  return eligibility.data.eligible ? (
    <Text size="sm" c="teal.9" mt={4} aria-live="polite">
      {t('form.eligible')}
    </Text>
  ) : (
    <Text size="sm" c="red.9" mt={4} aria-live="polite">
      {eligibility.data.reasons.map((reason) => t(`reasons.${reason}`, { defaultValue: reason })).join(' ')}
    </Text>
  );
}
