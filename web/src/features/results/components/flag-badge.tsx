import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabFlag } from '../api/get-result';
import { isCritical } from '../lib/format';

const colors: Record<LabFlag, string> = {
  Normal: 'green',
  Low: 'blue',
  High: 'orange',
  Abnormal: 'orange',
  CriticalLow: 'red',
  CriticalHigh: 'red',
  Critical: 'red',
};

/** The flag in words (and an arrow), never by colour alone. */
export function FlagBadge({ flag }: { flag: LabFlag }): ReactNode {
  const { t } = useTranslation('results');
  return (
    <Badge color={colors[flag]} variant={isCritical(flag) ? 'filled' : 'light'} radius="sm">
      {t(`flags.${flag}`)}
    </Badge>
  );
}
