import { Anchor, Group, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AlertBand } from './alert-band';
import { ApplicationsList } from './applications-list';
import { PanelTable } from './panel-table';

/** The family doctor's panel: alerts first, then decisions waiting, then every signed patient. */
export function PanelHome(): ReactNode {
  const { t } = useTranslation('family');
  return (
    <Stack gap="xl">
      <Group>
        <Anchor component={Link} to="/team-messages">
          {t('panel.messagesLink')}
        </Anchor>
      </Group>
      <AlertBand />
      <ApplicationsList />
      <PanelTable />
    </Stack>
  );
}
