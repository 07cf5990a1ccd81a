import { Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A centred spinner with a text that screen readers announce politely. */
export function PageLoader({ label }: { label?: string }): ReactNode {
  const { t } = useTranslation('common');
  return (
    <Center py="xl">
      <Stack align="center" gap="sm" role="status" aria-live="polite">
        <Loader size="md" aria-hidden="true" />
        <Text>{label ?? t('loading')}</Text>
      </Stack>
    </Center>
  );
}
