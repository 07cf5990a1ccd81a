import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentStatus } from '../api/schemas';

const colors: Record<AppointmentStatus, string> = {
  PendingReview: 'yellow',
  PendingPayment: 'orange',
  Booked: 'green',
  CheckedIn: 'teal',
  InProgress: 'blue',
  Completed: 'gray',
  Cancelled: 'red',
  NoShow: 'gray',
};

export function StatusBadge({ status }: { status: AppointmentStatus }): ReactNode {
  const { t } = useTranslation('appointments');
  return (
    <Badge color={colors[status]} variant="light" c="dark.8">
      {t(`status.${status}`)}
    </Badge>
  );
}
