import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, parseInstant } from '@/lib/date-time';

/** An instant from the API as a <time> in the hospital's zone and the reader's language; nothing for none. */
export function HospitalTime({ value }: { value: string | null | undefined }): ReactNode {
  const { i18n } = useTranslation();
  if (!value) return null;
  const date = parseInstant(value);
  if (!date) return value;
  return <time dateTime={date.toISOString()}>{formatDateTime(date, i18n.resolvedLanguage ?? i18n.language)}</time>;
}
