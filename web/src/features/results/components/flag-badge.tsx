import { Badge } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
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

/**
 * Note: Mantine's light badges draw shade-6 text on a pale tint (orange is 3.6:1) and filled ones white on shade 6:
 * light flags get near-black text, critical ones white on shade 9, so every flag reads at WCAG AA.
 */
const readable = { '--badge-color': 'var(--mantine-color-gray-9)' } as CSSProperties;

/** The flag in words (and an arrow), never by colour alone. */
export function FlagBadge({ flag }: { flag: LabFlag }): ReactNode {
  const { t } = useTranslation('results');
  return (
    <Badge color={isCritical(flag) ? `${colors[flag]}.9` : colors[flag]} variant={isCritical(flag) ? 'filled' : 'light'} style={isCritical(flag) ? undefined : readable} radius="sm">
      {t(`flags.${flag}`)}
    </Badge>
  );
}
