import { Alert, Card, List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, parseInstant } from '@/lib/date-time';
import type { PatientSummary } from '../api/get-patient-summary';

interface Section<T> {
  state: 'Available' | 'NotLinked' | 'Unavailable';
  items: T[];
  asOf: string | null;
  isStale: boolean;
}

function HisCard<T>({ id, title, section, render }: { id: string; title: string; section: Section<T>; render: (item: T) => ReactNode }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const asOf = section.asOf ? parseInstant(section.asOf) : null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id}>
      <Title order={3} size="h5" id={id}>
        {title}
      </Title>
      {asOf ? (
        <Text size="xs" c="dimmed">
          {t('his.asOf', { time: formatDateTime(asOf, language) })}
        </Text>
      ) : null}
      {section.isStale && section.state === 'Available' ? (
        <Text size="xs" c="red.9">
          {t('his.stale')}
        </Text>
      ) : null}
      {section.state === 'NotLinked' ? <Text c="dimmed">{t('his.notLinked')}</Text> : null}
      {section.state === 'Unavailable' ? (
        <Alert color="orange" role="status" mt="xs">
          {t('his.unavailable')}
        </Alert>
      ) : null}
      {section.state === 'Available' && section.items.length === 0 ? <Text c="dimmed">{t('his.none')}</Text> : null}
      {section.items.length > 0 ? (
        <List size="sm" spacing={4} mt="xs">
          {section.items.map((item, index) => (
            <List.Item key={index}>{render(item)}</List.Item>
          ))}
        </List>
      ) : null}
    </Card>
  );
}

/** What the hospital's system knows: conditions, allergies, medications and recent visits, each with its time. */
export function HisSections({ summary }: { summary: PatientSummary }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const day = (value: string | null): string => (value ? formatDate(new Date(`${value}T00:00:00+08:00`), language) : '');
  return (
    <Stack gap="sm">
      <HisCard
        id="his-diagnoses"
        title={t('his.diagnoses')}
        section={summary.diagnoses}
        render={(d) => `${d.description} (${d.icd10Code}) · ${day(d.diagnosedOn)}${d.inPerson ? '' : ` · ${t('his.notInPerson')}`}`}
      />
      <HisCard id="his-allergies" title={t('his.allergies')} section={summary.allergies} render={(a) => `${a.substance}: ${a.reaction} (${a.severity})`} />
      <HisCard
        id="his-medications"
        title={t('his.medications')}
        section={summary.medications}
        render={(m) => `${m.drugName} ${m.strength}, ${m.dose} ${m.frequency} ${m.route}${m.active ? '' : ` · ${t('his.stopped')}`}`}
      />
      <HisCard
        id="his-encounters"
        title={t('his.encounters')}
        section={summary.encounters}
        render={(e) => `${formatDate(parseInstant(e.start) ?? new Date(), language)} · ${e.practitioner ?? ''} ${e.summary ?? ''}`}
      />
    </Stack>
  );
}
