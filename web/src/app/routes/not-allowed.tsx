import { Button, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';

/** Shown (not routed) when a signed-in user opens a page for another role. */
export default function NotAllowedPage(): ReactNode {
  const { t } = useTranslation('common');
  return (
    <Page title={t('notAllowed.title')} description={<Text>{t('notAllowed.message')}</Text>}>
      <div>
        <Button component={Link} to="/">
          {t('backToHome')}
        </Button>
      </div>
    </Page>
  );
}
