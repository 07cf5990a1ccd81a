import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutboxStatus } from '../api/get-outbox-messages';

// Note: dark shades, so the white badge text reads at AA contrast (4.5:1 or better).
const colors: Record<OutboxStatus, string> = {
  Pending: 'blue.9',
  Delivered: 'teal.9',
  DeadLettered: 'red.9',
  Discarded: 'gray.7',
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }): ReactNode {
  const { t } = useTranslation('his');
  return (
    <Badge color={colors[status]} variant="filled" radius="sm">
      {t(`status.${status}`)}
    </Badge>
  );
}
