import { Button, Checkbox, Group, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
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

/** The profile an admin keeps: name, department, title, what the doctor treats, languages, fees, licence, video. */
export function DoctorProfileForm({ initial, departments, submitLabel, busy, onSubmit, children }: {
  initial: DoctorProfile;
  departments: AdminDepartment[];
  submitLabel: string;
  busy: boolean;
  onSubmit: (profile: DoctorProfile) => void;
  children?: ReactNode;
}): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const [p, setP] = useState<DoctorProfile>(initial);
  const set = <K extends keyof DoctorProfile>(key: K, value: DoctorProfile[K]): void => setP((current) => ({ ...current, [key]: value }));
  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); onSubmit(p); }}>
      <Stack gap="sm">
        {children}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('doctors.fullName')} required value={p.fullName} onChange={(e) => set('fullName', e.currentTarget.value)} />
          <Select
            label={t('doctors.department')}
            required
            value={p.departmentId || null}
            onChange={(v) => set('departmentId', v ?? '')}
            data={departments.map((d) => ({ value: d.id, label: i18n.language === 'zh-CN' ? d.name : d.nameEn }))}
          />
          <TextInput label={t('doctors.titleField')} value={p.title} onChange={(e) => set('title', e.currentTarget.value)} />
          <TextInput label={t('doctors.titleEnField')} value={p.titleEn} onChange={(e) => set('titleEn', e.currentTarget.value)} />
          <TextInput label={t('doctors.specialties')} value={p.specialties} onChange={(e) => set('specialties', e.currentTarget.value)} />
          <TextInput label={t('doctors.specialtiesEn')} value={p.specialtiesEn} onChange={(e) => set('specialtiesEn', e.currentTarget.value)} />
          <Textarea label={t('doctors.bio')} value={p.bio} onChange={(e) => set('bio', e.currentTarget.value)} rows={3} />
          <Textarea label={t('doctors.bioEn')} value={p.bioEn} onChange={(e) => set('bioEn', e.currentTarget.value)} rows={3} />
          <MultiSelect label={t('doctors.languages')} required value={p.languages} onChange={(v) => set('languages', v)} data={[{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }]} />
          <Checkbox label={t('doctors.familyDoctor')} checked={p.isFamilyDoctor} onChange={(e) => set('isFamilyDoctor', e.currentTarget.checked)} mt="lg" />
          <NumberInput label={t('doctors.inPersonFee')} min={0} decimalScale={2} value={p.inPersonFee} onChange={(v) => set('inPersonFee', Number(v) || 0)} />
          <NumberInput label={t('doctors.videoFee')} min={0} decimalScale={2} value={p.videoFee} onChange={(v) => set('videoFee', Number(v) || 0)} />
          <TextInput label={t('doctors.licence')} value={p.licenseNumber} onChange={(e) => set('licenseNumber', e.currentTarget.value)} />
          <NumberInput label={t('doctors.since')} min={1950} max={2100} value={p.practiceSinceYear} onChange={(v) => set('practiceSinceYear', Number(v) || 0)} />
        </SimpleGrid>
        <Switch label={t('doctors.video')} description={t('doctors.videoHint')} checked={p.offersVideoVisits} onChange={(e) => set('offersVideoVisits', e.currentTarget.checked)} />
        <Group justify="flex-end">
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
