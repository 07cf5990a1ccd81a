import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { IdentityReviewList } from '@/features/his/components/identity-review-list';

/** The identity-verification queue, for admins. */
export default function HisIdentityReviewsRoute(): ReactNode {
  const { t } = useTranslation('his');
  return (
    <Page title={t('identity.title')} description={<Text c="dimmed">{t('identity.description')}</Text>}>
      <IdentityReviewList />
    </Page>
  );
}
