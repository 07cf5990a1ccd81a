import { Badge, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Scope } from '../api/schemas';

/** The scopes as small labelled badges ("Appointments", "Payments"…). */
export function ScopeList({ scopes }: { scopes: readonly Scope[] }): ReactNode {
  const { t } = useTranslation('familyMembers');
  if (scopes.length === 0) return null;
  return (
    <Group gap={4} aria-label={t('scopesLabel')}>
      {scopes.map((scope) => (
        <Badge c="dark.8" key={scope} size="sm" variant="light" color="gray">
          {t(`scopes.${scope}`)}
        </Badge>
      ))}
    </Group>
  );
}
