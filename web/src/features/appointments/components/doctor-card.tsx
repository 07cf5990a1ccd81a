import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTimeIn, formatMoney } from '@/lib/date-time';
import type { DoctorCard as Doctor } from '../api/schemas';

const languageNames: Record<string, string> = { 'zh-CN': '中文', en: 'English' };

/** A doctor in the search results: who, what they treat, fees and the earliest free time. */
export function DoctorCard({ doctor, timeZone, currency }: { doctor: Doctor; timeZone: string; currency: string }): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const en = i18n.language !== 'zh-CN';
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={doctor.name}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Title order={2} size="h4">
            {doctor.name}
          </Title>
          {doctor.isFamilyDoctor && <Badge variant="light" c="dark.8">{t('findCare.familyDoctor')}</Badge>}
        </Group>
        <Text size="sm">
          {en ? doctor.titleEn : doctor.title} · {en ? doctor.department.nameEn : doctor.department.name} · {en ? doctor.facility.nameEn : doctor.facility.name}
        </Text>
        {(en ? doctor.specialtiesEn : doctor.specialties) && <Text size="sm" c="dimmed">{en ? doctor.specialtiesEn : doctor.specialties}</Text>}
        <Text size="sm">
          {t('findCare.languages', { languages: doctor.languages.map((l) => languageNames[l] ?? l).join(', ') })}
        </Text>
        <Text size="sm">
          {t('findCare.fees', { inPerson: formatMoney(doctor.inPersonFee, currency, i18n.language) })}
          {doctor.offersVideo && ` · ${t('findCare.videoFee', { fee: formatMoney(doctor.videoFee, currency, i18n.language) })}`}
        </Text>
        <Text size="sm" fw={600}>
          {doctor.nextFreeSlot ? t('findCare.nextFree', { time: formatDateTimeIn(doctor.nextFreeSlot, timeZone, i18n.language) }) : t('findCare.noneFree')}
        </Text>
        <Group gap="xs" mt={4}>
          <Button component={Link} to={`/doctors/${doctor.id}`} variant="light" size="sm" aria-label={t('findCare.viewDoctorLabel', { doctor: doctor.name })}>
            {t('findCare.viewDoctor')}
          </Button>
          {doctor.nextFreeSlot && (
            <Button component={Link} to={`/appointments/new?doctorId=${doctor.id}`} size="sm" aria-label={t('findCare.bookLabel', { doctor: doctor.name })}>
              {t('findCare.book')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
}
