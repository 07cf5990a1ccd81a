import type { TFunction } from 'i18next';
import type { Measurement } from '../api/get-measurements';

/** "185/112 mmHg, pulse 96/min", "8.2 mmol/L (fasting)", "72/min", "65.5 kg". */
export function formatReading(reading: Pick<Measurement, 'kind' | 'systolic' | 'diastolic' | 'heartRate' | 'glucose' | 'glucoseTiming' | 'weightKg'>, t: TFunction): string {
  switch (reading.kind) {
    case 'BloodPressure': {
      const pressure = t('family:units.bloodPressure', { systolic: reading.systolic, diastolic: reading.diastolic });
      return reading.heartRate === null ? pressure : t('family:units.withPulse', { reading: pressure, pulse: reading.heartRate });
    }
    case 'HeartRate':
      return t('family:units.heartRate', { value: reading.heartRate });
    case 'BloodGlucose':
      return t('family:units.glucose', { value: reading.glucose, timing: t(`family:timing.${reading.glucoseTiming ?? 'Fasting'}`) });
    case 'Weight':
      return t('family:units.weight', { value: reading.weightKg });
  }
}

/** The findings worth a word to the reader, most serious first (the server sends them in that order). */
export function findingTexts(findings: readonly string[], t: TFunction): string[] {
  return findings.map((finding) => t(`family:findings.${finding}`, { defaultValue: finding }));
}

/** The Chinese or English form of a name, by the reader's language. */
export function localized(chinese: string, english: string, language: string): string {
  return language.startsWith('en') && english ? english : chinese;
}
