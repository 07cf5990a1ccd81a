import { Badge, type MantineColor } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

/**
 * A badge that reads at WCAG AA: Mantine's light badges draw shade-6 text on a pale tint (yellow and orange fall
 * to 2.7:1), and filled ones white on shade 6 (red is 3.3:1). Light tags use near-black text on the tint; filled
 * ones the colour's shade 9 behind white.
 */
export function Tag({ color, variant = 'light', children }: { color: MantineColor; variant?: 'light' | 'filled'; children: ReactNode }): ReactNode {
  return variant === 'filled' ? (
    <Badge variant="filled" color={`${color}.9`}>
      {children}
    </Badge>
  ) : (
    <Badge variant="light" color={color} style={readableBadge}>
      {children}
    </Badge>
  );
}

/** For light alerts with a title: the title in near-black rather than the tint's shade 6. */
export const readableAlert = { '--alert-color': 'var(--mantine-color-gray-9)' } as CSSProperties;

/** For a light badge Tag cannot draw (one with a close button, say). */
export const readableBadge = { '--badge-color': 'var(--mantine-color-gray-9)' } as CSSProperties;
