import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenewalSummary } from '../api/schemas';
import { statusColor, statusLabel } from '../lib/format';

/** The state of a request in words people understand ("Ready for pickup", "Payment due", ...). */
export function RenewalStatusBadge({ summary }: { summary: Pick<RenewalSummary, 'status' | 'readyToCollect' | 'awaitsPayment' | 'fulfilment'> }): ReactNode {
  const { t } = useTranslation('renewals');
  return (
    <Badge color={statusColor(summary)} variant="filled" size="lg" styles={{ label: { textTransform: 'none' } }}>
      {statusLabel(t, summary)}
    </Badge>
  );
}
