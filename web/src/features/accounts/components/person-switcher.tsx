import { Badge, Button, Menu, Text } from '@mantine/core';
import { IconCheck, IconChevronDown, IconUserShield, IconUsers } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActingPatient } from '../api/get-me';
import { isOwnRecord, useActingPatient } from '../lib/acting-patient';

/** "Li Xiaoming (child)": the name with how the account is related to the person. */
export function useRelationLabel(): (patient: ActingPatient) => string {
  const { t } = useTranslation('familyMembers');
  return (patient) => t(`relation.${patient.relation ?? (isOwnRecord(patient) ? 'self' : 'other')}`, { defaultValue: t('relation.other') });
}

/**
 * The person switcher in the header (issue 15): the same control on every patient page; the name of the person the
 * pages act for is always shown, so nobody books for the wrong child.
 */
export function PersonSwitcher(): ReactNode {
  const { t } = useTranslation('familyMembers');
  const { patient, patients, select } = useActingPatient();
  const relationLabel = useRelationLabel();
  if (!patient) return null;
  const label = isOwnRecord(patient) ? t('switcher.forMe', { name: patient.name }) : t('switcher.actingFor', { name: patient.name });

  return (
    <Menu position="bottom-start" withinPortal shadow="md" width={280}>
      <Menu.Target>
        <Button
          variant={isOwnRecord(patient) ? 'subtle' : 'light'}
          color={isOwnRecord(patient) ? 'gray' : 'orange'}
          size="compact-sm"
          c="dark.8"
          leftSection={<IconUsers size={16} aria-hidden="true" />}
          rightSection={<IconChevronDown size={14} aria-hidden="true" />}
          aria-label={t('switcher.aria', { label })}
          styles={{ root: { maxWidth: '100%' }, label: { overflow: 'hidden', textOverflow: 'ellipsis' } }}
          data-testid="person-switcher"
        >
          {label}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('switcher.choose')}</Menu.Label>
        {patients.map((person) => (
          <Menu.Item
            key={person.id}
            onClick={() => select(person.id)}
            leftSection={person.id === patient.id ? <IconCheck size={16} aria-hidden="true" /> : <span style={{ width: 16 }} />}
            rightSection={
              person.guardianMustAttend ? (
                <Badge c="dark.8" size="xs" color="orange" variant="light">
                  {t('switcher.under6')}
                </Badge>
              ) : undefined
            }
            aria-current={person.id === patient.id ? 'true' : undefined}
          >
            <Text size="sm" span>
              {person.name}
            </Text>{' '}
            <Text size="xs" c="dimmed" span>
              {relationLabel(person)}
            </Text>
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item component={Link} to="/family" leftSection={<IconUsers size={16} aria-hidden="true" />}>
          {t('nav.members')}
        </Menu.Item>
        <Menu.Item component={Link} to="/family/proxies" leftSection={<IconUserShield size={16} aria-hidden="true" />}>
          {t('nav.proxies')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
