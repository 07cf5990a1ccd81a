import { Badge, Group, Text } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hospitalTimeZone } from '@/config/hospital';
import { formatTimeIn } from '@/lib/date-time';
import type { Eta, PatientPart, Vitals } from '../api/schemas';

/** China's four-level emergency triage: I (濒危) red … IV (非急症) green. */
// Note: level I is white on red.9; II–IV carry dark text, as white on orange, yellow or green is under 4.5:1.
const triageColours = ['', 'red.9', 'orange', 'yellow', 'green'] as const;
const roman = ['', 'I', 'II', 'III', 'IV'] as const;

export function TriageBadge({ level, size = 'lg' }: { level: number | null; size?: 'md' | 'lg' | 'xl' }): ReactNode {
  const { t } = useTranslation('emergency');
  if (!level) return <Badge size={size} color="gray" variant="outline">{t('triage.none')}</Badge>;
  return (
    <Badge size={size} color={triageColours[level] ?? 'gray'} c={level === 1 ? undefined : 'dark'} variant="filled">
      {t('triage.badge', { level: roman[level] ?? level })}
    </Badge>
  );
}

export function PathwayBadge({ pathway }: { pathway: string }): ReactNode {
  const { t } = useTranslation('emergency');
  const colour = pathway === 'Stroke' ? 'grape' : pathway === 'ChestPain' ? 'red' : pathway === 'Trauma' ? 'orange' : 'gray';
  return (
    <Badge size="lg" color={colour} variant="light" c="dark">
      {t(`pathway.${pathway}`, { defaultValue: pathway })}
    </Badge>
  );
}

/** "now", ticking every `ms` (the ETA counts down on the board). */
export function useNow(ms = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}

/** Minutes and seconds until the estimated arrival, counting down between updates from the crew's position. */
export function EtaCountdown({ eta, arrived }: { eta: Eta | null; arrived?: boolean }): ReactNode {
  const { t } = useTranslation('emergency');
  const now = useNow();
  if (arrived) return <Text fw={700}>{t('eta.arrived')}</Text>;
  if (!eta) return <Text c="dimmed">{t('eta.unknown')}</Text>;
  const seconds = Math.max(0, Math.round((Date.parse(eta.at) - now) / 1000));
  const label = seconds === 0 ? t('eta.due') : t('eta.countdown', { minutes: Math.floor(seconds / 60), seconds: String(seconds % 60).padStart(2, '0') });
  return (
    <Text fw={700} size="xl" aria-label={t('eta.label', { value: label })} data-testid="eta">
      {label}
      <Text span size="sm" c="dimmed" fw={400}>
        {' '}
        {t('eta.distance', { km: eta.distanceKm.toFixed(1) })}
      </Text>
    </Text>
  );
}

export function timeOf(iso: string | null | undefined, language: string): string {
  return iso ? formatTimeIn(iso, hospitalTimeZone(), language) : '—';
}

export function patientLabel(patient: PatientPart, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (patient.known && patient.name) {
    const sex = patient.sex ? t(`sex.${patient.sex}`, { defaultValue: patient.sex }) : '';
    return [patient.name, sex, patient.age !== null ? t('age', { count: patient.age }) : ''].filter(Boolean).join(' · ');
  }
  const parts = [
    t('patient.unknownShort'),
    patient.sex ? t(`sex.${patient.sex}`, { defaultValue: patient.sex }) : '',
    patient.estimatedAge !== null ? t('ageAbout', { count: patient.estimatedAge }) : '',
    patient.description ?? '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The latest vitals on one line, each labelled (HR 110 · BP 150/90 · SpO₂ 94 …). */
export function VitalsLine({ vitals }: { vitals: Vitals | null }): ReactNode {
  const { t } = useTranslation('emergency');
  if (!vitals) return <Text c="dimmed" size="sm">{t('vitals.none')}</Text>;
  const items: [string, string][] = [];
  if (vitals.heartRate !== null) items.push([t('vitals.short.heartRate'), String(vitals.heartRate)]);
  if (vitals.systolic !== null) items.push([t('vitals.short.bloodPressure'), `${vitals.systolic}/${vitals.diastolic ?? '—'}`]);
  if (vitals.spO2 !== null) items.push([t('vitals.short.spO2'), `${vitals.spO2}%`]);
  if (vitals.respiratoryRate !== null) items.push([t('vitals.short.respiratoryRate'), String(vitals.respiratoryRate)]);
  if (vitals.temperature !== null) items.push([t('vitals.short.temperature'), `${vitals.temperature}℃`]);
  if (vitals.glucose !== null) items.push([t('vitals.short.glucose'), String(vitals.glucose)]);
  if (vitals.gcs !== null) items.push([t('vitals.short.gcs'), String(vitals.gcs)]);
  return (
    <Group gap="md" wrap="wrap">
      {items.map(([label, value]) => (
        <Text key={label} size="sm">
          <Text span c="dimmed" size="sm">
            {label}
          </Text>{' '}
          <Text span fw={700}>
            {value}
          </Text>
        </Text>
      ))}
    </Group>
  );
}
