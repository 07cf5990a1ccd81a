import { Alert, Anchor } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Page } from '@/components/page';
import { InvitationConsent } from '@/features/family-members/components/invitation-consent';

/** The link in the invitation: the adult decides whether (and how far) another account may act for them. */
export default function FamilyInvitationRoute(): ReactNode {
  const { t } = useTranslation('familyMembers');
  const { token = '' } = useParams();
  const [answered, setAnswered] = useState<boolean | null>(null);
  return (
    <Page title={t('invitation.title')}>
      {answered === null ? (
        <InvitationConsent token={token} onAnswered={setAnswered} />
      ) : (
        <Alert color={answered ? 'green' : 'gray'} role="status">
          {answered ? t('invitation.accepted') : t('invitation.declined')}{' '}
          <Anchor component={Link} to="/family/proxies">
            {t('nav.proxies')}
          </Anchor>
        </Alert>
      )}
    </Page>
  );
}
