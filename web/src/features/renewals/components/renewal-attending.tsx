import { Text } from '@mantine/core';
import { IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RenewalAttending as Attending } from '../api/schemas';

/**
 * "Requested by 张伟 (guardian) · guardian present": the doctor and pharmacist see who asked for the patient (issue 15).
 * Note: the relation is the one the account was given to the patient ("parent": the patient is their parent), so the
 * texts name the requester's side of it, as the video visit's attending line does.
 */
export function RenewalAttending({ attending }: { attending: NonNullable<Attending> }): ReactNode {
  const { t } = useTranslation('renewals');
  const relation = t(`attending.relation.${attending.relation}`, { defaultValue: attending.relation });
  return (
    <Text size="sm" fw={700}>
      <IconUsers size={14} aria-hidden="true" style={{ verticalAlign: 'middle', marginRight: 4 }} />
      {t('attending.line', { name: attending.name, relation })}
      {attending.guardianPresent ? ` · ${t('attending.present')}` : ''}
    </Text>
  );
}
