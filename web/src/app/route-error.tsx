import { Alert, Button, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';

/** Errors thrown while rendering or loading a page (a failed chunk after a deploy, a bug). */
export function RouteError(): ReactNode {
  const { t } = useTranslation('common');
  return (
    <Page title={t('routeError.title')}>
      <Stack align="flex-start">
        <Alert color="red" icon={<IconAlertTriangle aria-hidden="true" />} role="alert">
          {t('routeError.message')}
        </Alert>
        <Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>
      </Stack>
    </Page>
  );
}
