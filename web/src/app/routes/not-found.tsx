import { Button, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';

export default function NotFoundRoute(): ReactNode {
  const { t } = useTranslation('common');
  return (
    <Page title={t('notFound.title')} description={<Text>{t('notFound.message')}</Text>}>
      <div>
        <Button component={Link} to="/">
          {t('backToHome')}
        </Button>
      </div>
    </Page>
  );
}
