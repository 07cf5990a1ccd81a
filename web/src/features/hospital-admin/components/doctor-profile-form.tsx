import { Alert, Button, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServerFormErrors } from '@/lib/use-server-form-errors';
import type { AdminDepartment } from '../api/departments';
import type { DoctorProfile } from '../api/doctors';

export const emptyProfile: DoctorProfile = {
  fullName: '',
  departmentId: '',
  title: '',
  titleEn: '',
  isFamilyDoctor: false,
  specialties: '',
  specialtiesEn: '',
  bio: '',
  bioEn: '',
  languages: ['zh-CN'],
  inPersonFee: 0,
  videoFee: 0,
  licenseNumber: '',
  practiceSinceYear: new Date().getFullYear(),
  offersVideoVisits: false,
};

type ProfileField = keyof DoctorProfile;
const profileFields = Object.keys(emptyProfile) as ProfileField[];

/** The profile an admin keeps: name, department, title, what the doctor treats, languages, fees, licence, video. */
export function DoctorProfileForm({ initial, departments, submitLabel, busy, onSubmit, children }: {
  initial: DoctorProfile;
  departments: AdminDepartment[];
  submitLabel: string;
  busy: boolean;
  /** Saves; the save's refusal goes to `onError`, which puts field errors under the profile's fields. */
  onSubmit: (profile: DoctorProfile, handlers: { onError: (error: unknown) => void }) => void;
  children?: ReactNode;
}): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const [p, setP] = useState<DoctorProfile>(initial);
  const [errors, setErrors] = useState<Partial<Record<ProfileField, string>>>({});
  const setFieldError = useCallback((field: ProfileField, message: string) => setErrors((current) => ({ ...current, [field]: message })), []);
  // Note: the server names the profile's fields under the command's Profile ("profile.licenseNumber"); the account's own
  // fields (e-mail, mobile, password of a new doctor) are not in the profile and land in the banner.
  const { formError, setFormError, onError } = useServerFormErrors({ fields: profileFields, setFieldError }, t, { within: 'profile' });
  const set = <K extends ProfileField>(key: K, value: DoctorProfile[K]): void => {
    setP((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setErrors({});
        setFormError(null);
        onSubmit(p, { onError });
      }}
    >
      <Stack gap="sm">
        {children}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('doctors.fullName')} required value={p.fullName} onChange={(e) => set('fullName', e.currentTarget.value)} error={errors.fullName} />
          <Select
            label={t('doctors.department')}
            required
            value={p.departmentId || null}
            onChange={(v) => set('departmentId', v ?? '')}
            error={errors.departmentId}
            data={departments.map((d) => ({ value: d.id, label: i18n.language === 'zh-CN' ? d.name : d.nameEn }))}
          />
          <TextInput label={t('doctors.titleField')} value={p.title} onChange={(e) => set('title', e.currentTarget.value)} error={errors.title} />
          <TextInput label={t('doctors.titleEnField')} value={p.titleEn} onChange={(e) => set('titleEn', e.currentTarget.value)} error={errors.titleEn} />
          <TextInput label={t('doctors.specialties')} value={p.specialties} onChange={(e) => set('specialties', e.currentTarget.value)} error={errors.specialties} />
          <TextInput label={t('doctors.specialtiesEn')} value={p.specialtiesEn} onChange={(e) => set('specialtiesEn', e.currentTarget.value)} error={errors.specialtiesEn} />
          <Textarea label={t('doctors.bio')} value={p.bio} onChange={(e) => set('bio', e.currentTarget.value)} rows={3} error={errors.bio} />
          <Textarea label={t('doctors.bioEn')} value={p.bioEn} onChange={(e) => set('bioEn', e.currentTarget.value)} rows={3} error={errors.bioEn} />
          <MultiSelect label={t('doctors.languages')} required value={p.languages} onChange={(v) => set('languages', v)} data={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} error={errors.languages} />
          <Checkbox label={t('doctors.familyDoctor')} checked={p.isFamilyDoctor} onChange={(e) => set('isFamilyDoctor', e.currentTarget.checked)} mt="lg" />
          <NumberInput label={t('doctors.inPersonFee')} min={0} decimalScale={2} value={p.inPersonFee} onChange={(v) => set('inPersonFee', Number(v) || 0)} error={errors.inPersonFee} />
          <NumberInput label={t('doctors.videoFee')} min={0} decimalScale={2} value={p.videoFee} onChange={(v) => set('videoFee', Number(v) || 0)} error={errors.videoFee} />
          <TextInput label={t('doctors.licence')} value={p.licenseNumber} onChange={(e) => set('licenseNumber', e.currentTarget.value)} error={errors.licenseNumber} />
          <NumberInput label={t('doctors.since')} min={1950} max={2100} value={p.practiceSinceYear} onChange={(v) => set('practiceSinceYear', Number(v) || 0)} error={errors.practiceSinceYear} />
        </SimpleGrid>
        <Switch label={t('doctors.video')} description={t('doctors.videoHint')} checked={p.offersVideoVisits} onChange={(e) => set('offersVideoVisits', e.currentTarget.checked)} />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
