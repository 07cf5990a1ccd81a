import { Anchor, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Page } from '@/components/page';
import { Board } from '@/features/emergency/components/board';

/** The emergency department's live board of incoming ambulances. */
export default function BoardRoute(): ReactNode {
  const { t } = useTranslation('emergency');
  return (
    <Page
      title={t('board.title')}
      description={
        <Group gap="md">
          <Anchor component={Link} to="/emergency/quality">
            {t('quality.title')}
          </Anchor>
          <Anchor component={Link} to="/emergency/alerts">
            {t('alerts.title')}
          </Anchor>
        </Group>
      }
    >
      <Board />
    </Page>
  );
}
