import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { timeZoneName } from '@/lib/date-time';

/** Says in which zone the times on the page are: the hospital's, wherever the reader is. */
export function TimeZoneNote({ timeZone }: { timeZone: string }): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  return (
    <Text size="sm" c="dimmed">
      {t('timeZoneNote', { zone: timeZoneName(timeZone, i18n.language) })}
    </Text>
  );
}
