import { Button, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';

/** A page that has nothing to show but why (its title and message in the common texts), and the way back home. */
export function BackHomePage({ reason }: { reason: 'notFound' | 'notAllowed' }): ReactNode {
  const { t } = useTranslation('common');
  return (
    <Page title={t(`${reason}.title`)} description={<Text>{t(`${reason}.message`)}</Text>}>
      <div>
        <Button component={Link} to="/">
          {t('backToHome')}
        </Button>
      </div>
    </Page>
  );
}
