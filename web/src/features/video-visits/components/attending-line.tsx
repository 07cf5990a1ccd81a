import { Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attending } from '../api/schemas';

/**
 * "Attending: Wang Fang (guardian)": the doctor sees who is with (or speaks for) the patient.
 * Note: the server sends the relation the account was given to the patient ("parent": the patient is their parent),
 * so the texts under attending.relation name the attendee's side of it ("parent" → son or daughter).
 */
export function AttendingLine({ attending }: { attending: NonNullable<Attending> }): ReactNode {
  const { t } = useTranslation('visits');
  return (
    <Text size="sm" fw={700}>
      <IconUsers size={14} aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }} />
      {t('attending.line', { name: attending.name, relation: t(`attending.relation.${attending.relation}`, { defaultValue: attending.relation }) })}
    </Text>
  );
}
