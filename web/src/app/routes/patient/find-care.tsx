import { Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useFindDoctors } from '@/features/appointments/api/find-doctors';
import { useDepartments } from '@/features/appointments/api/get-departments';
import { useHospitalInfo } from '@/features/appointments/api/get-hospital-info';
import type { VisitType } from '@/features/appointments/api/schemas';
import { DoctorCard } from '@/features/appointments/components/doctor-card';
import { TimeZoneNote } from '@/features/appointments/components/time-zone-note';
import { ProblemAlert } from '@/components/problem-alert';

/** Find care: by department, doctor name, day, visit type and language; the earliest free time first. */
export default function FindCareRoute(): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const en = i18n.language !== 'zh-CN';
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [date, setDate] = useState('');
  const [visitType, setVisitType] = useState<string | null>(null);
  const [language, setLanguage] = useState<string | null>(null);
  const [debouncedName] = useDebouncedValue(name, 300);
  const hospital = useHospitalInfo();
  const departments = useDepartments();
  const doctors = useFindDoctors({
    departmentId: departmentId ?? undefined,
    name: debouncedName.trim() || undefined,
    date: date || undefined,
    visitType: (visitType as VisitType | null) ?? undefined,
    language: language ?? undefined,
  });

  return (
    <Page title={t('findCare.title')} description={<Text>{t('findCare.intro')}</Text>}>
      <Stack gap="sm" component="form" role="search" aria-label={t('findCare.filters')} onSubmit={(e) => e.preventDefault()}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }} spacing="sm">
          <Select
            label={t('findCare.department')}
            placeholder={t('findCare.any')}
            clearable
            value={departmentId}
            onChange={setDepartmentId}
            data={(departments.data ?? []).map((d) => ({ value: d.id, label: `${en ? d.nameEn : d.name} · ${en ? d.facility.nameEn : d.facility.name}` }))}
          />
          <TextInput label={t('findCare.doctorName')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <TextInput label={t('findCare.date')} type="date" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
          <Select
            label={t('book.visitType')}
            placeholder={t('findCare.any')}
            clearable
            value={visitType}
            onChange={setVisitType}
            data={[
              { value: 'InPerson', label: t('visitType.InPerson') },
              { value: 'Video', label: t('visitType.Video') },
            ]}
          />
          <Select
            label={t('findCare.language')}
            placeholder={t('findCare.any')}
            clearable
            value={language}
            onChange={setLanguage}
            data={[
              { value: 'zh-CN', label: '中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </SimpleGrid>
        {hospital.data && <TimeZoneNote timeZone={hospital.data.timeZone} />}
      </Stack>
      {doctors.isError && <ProblemAlert error={doctors.error} />}
      {!doctors.data || !hospital.data ? (
        <PageLoader />
      ) : doctors.data.length === 0 ? (
        <Text role="status">{t('findCare.noResults')}</Text>
      ) : (
        <Stack gap="xs">
          <Text role="status" size="sm" c="dimmed">
            {t('findCare.results', { count: doctors.data.length })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            {doctors.data.map((doctor) => (
              <DoctorCard key={doctor.id} doctor={doctor} timeZone={hospital.data.timeZone} currency={hospital.data.currency} />
            ))}
          </SimpleGrid>
        </Stack>
      )}
    </Page>
  );
}
