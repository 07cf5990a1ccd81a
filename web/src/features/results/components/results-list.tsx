import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { PageLoader } from '@/components/page-loader';
import { formatInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useResults } from '../api/get-results';
import { localName } from '../lib/format';

/** "报告查询": the patient's reports, newest first, each with how many values are outside their range. */
export function ResultsList({ patientId }: { patientId: string }): ReactNode {
  const { t, i18n } = useTranslation('results');
  const results = useResults(patientId);
  if (results.isPending) return <PageLoader />;
  if (results.isError) return <Alert color="red" role="alert">{problemMessage(results.error, t)}</Alert>;
  const { items, hisStale, hisLinked } = results.data;

  return (
    <Stack gap="md">
      {hisStale && <Alert color="yellow">{t('list.stale')}</Alert>}
      {items.length === 0 ? (
        <EmptyStateCard title={t('list.emptyTitle')} message={hisLinked ? t('list.empty') : t('list.notLinked')} icon={<IconFlask size={20} />} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.label')}>
          {items.map((item) => (
            <Card component="li" key={item.id} withBorder radius="md" padding="md">
              <Stack gap={4}>
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Title order={2} size="h4">
                    <Anchor component={Link} to={`/results/${item.id}`}>
                      {localName(item, i18n.language)}
                    </Anchor>
                  </Title>
                  {item.hasCritical && (
                    <Badge color="red.9" variant="filled">
                      {t('list.critical')}
                    </Badge>
                  )}
                </Group>
                <Text size="sm" c="dimmed">
                  {formatInstant(item.issuedAt, i18n.language)}
                  {item.orderingDoctorName ? ` · ${t('list.orderedBy', { name: item.orderingDoctorName })}` : ''}
                </Text>
                <Text size="sm">
                  {item.abnormalCount === 0
                    ? t('list.allInRange', { count: item.valueCount })
                    : t('list.outsideRange', { count: item.abnormalCount, total: item.valueCount })}
                </Text>
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
