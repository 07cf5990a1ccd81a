import { Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { FormerGuardians } from '@/features/family-members/components/former-guardians';
import { ProxiesList } from '@/features/family-members/components/proxies-list';
import { ProxyActivity } from '@/features/family-members/components/proxy-activity';

/** Who acts for me, what they may do, revoke; and what they did on my record. */
export default function WhoActsForMeRoute(): ReactNode {
  const { t } = useTranslation('familyMembers');
  return (
    <Page title={t('proxies.title')} description={<Text c="dimmed">{t('proxies.description')}</Text>}>
      <ProxiesList />
      <FormerGuardians />
      <Stack gap="xs" component="section" aria-labelledby="proxy-activity-title">
        <Title order={2} size="h4" id="proxy-activity-title">
          {t('activity.title')}
        </Title>
        <ProxyActivity />
      </Stack>
    </Page>
  );
}
