import { Alert, Anchor } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AccessScope } from '../api/get-me';
import { hasScope, useActingPatient } from '../lib/acting-patient';

/**
 * Shows `children` only if the selected person allows this account `scope`; otherwise says why (the server would
 * answer 404 anyway: this spares the user an empty page that looks like missing data).
 */
export function ScopeGate({ scope, children }: { scope: AccessScope; children: ReactNode }): ReactNode {
  const { t } = useTranslation('familyMembers');
  const { patient } = useActingPatient();
  if (!patient || hasScope(patient, scope)) return children;
  return (
    <Alert color="gray" icon={<IconLock size={18} aria-hidden="true" />} title={t('scopeGate.title')} role="status">
      {t('scopeGate.message', { name: patient.name, scope: t(`scopes.${scope}`) })}{' '}
      <Anchor component={Link} to="/family">
        {t('nav.members')}
      </Anchor>
    </Alert>
  );
}
