import { Alert, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { PageLoader } from '@/components/page-loader';
import { formatInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useReleaseResult, useResultsToRelease } from '../api/results-to-release';
import { localName } from '../lib/format';
import { ProblemAlert } from '@/components/problem-alert';

/** The doctor's sensitive reports waiting for release, soonest automatic release first, each with its release button. */
export function ReleaseQueue(): ReactNode {
  const { t, i18n } = useTranslation('results');
  const queue = useResultsToRelease();
  const release = useReleaseResult();
  if (queue.isPending) return <PageLoader />;
  if (queue.isError) return <Alert color="red" role="alert">{problemMessage(queue.error, t)}</Alert>;
  return (
    <Stack gap="md">
      {release.isError && <ProblemAlert error={release.error} />}
      {release.isSuccess && <Alert color="green">{t('release.done')}</Alert>}
      {queue.data.length === 0 ? (
        <EmptyStateCard title={t('release.emptyTitle')} message={t('release.empty')} icon={<IconFlask size={20} />} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('release.label')}>
          {queue.data.map((item) => {
            const name = localName(item, i18n.language);
            const patient = item.patientName ?? t('release.unlinked');
            return (
              <Card component="li" key={item.id} withBorder radius="md" padding="md">
                <Stack gap={4}>
                  <Title order={2} size="h4">
                    {name} · {patient}
                  </Title>
                  <Text size="sm" c="dimmed">
                    {formatInstant(item.issuedAt, i18n.language)}
                  </Text>
                  <Text size="sm">{t('release.releasesAt', { when: formatInstant(item.releasesAt, i18n.language) })}</Text>
                  <Group>
                    <Button loading={release.isPending && release.variables === item.id} onClick={() => release.mutate(item.id)} aria-label={t('release.buttonFor', { name, patient })}>
                      {t('release.button')}
                    </Button>
                  </Group>
                </Stack>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
