import { Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendedBy } from '../api/schemas';

/** "Attending: Wang Fang (mother/guardian)": the doctor sees who is with (or speaks for) the patient. */
export function AttendingLine({ attendedBy }: { attendedBy: NonNullable<AttendedBy> }): ReactNode {
  const { t } = useTranslation('visits');
  return (
    <Text size="sm" fw={600} c="orange.9">
      <IconUsers size={14} aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }} />
      {t('attending.line', { name: attendedBy.name, relation: t(`attending.relation.${attendedBy.relation}`, { defaultValue: attendedBy.relation }) })}
    </Text>
  );
}
