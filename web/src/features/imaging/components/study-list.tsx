import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { PageLoader } from '@/components/page-loader';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDay } from '@/lib/date-time';
import { useStudies } from '../api/get-studies';
import type { StudySummary } from '../api/schemas';
import type { ImagingSide } from '../lib/paths';

export interface StudyListProps {
  side: ImagingSide;
  patientId: string;
  /** Where a study opens: a page link (the patient's list) or a callback (the doctor's panel in a call). */
  linkTo?: (study: StudySummary) => string;
  onOpen?: (study: StudySummary) => void;
}

/** 检查/影像: the patient's studies, newest first, with the radiology report's conclusion; outside studies are marked. */
export function StudyList({ side, patientId, linkTo, onOpen }: StudyListProps): ReactNode {
  const { t, i18n } = useTranslation('imaging');
  const studies = useStudies(side, patientId);
  if (studies.isPending) return <PageLoader />;
  if (studies.isError) return <ProblemAlert error={studies.error} />;
  if (studies.data.length === 0) return <EmptyStateCard title={t('list.emptyTitle')} message={t('list.empty')} icon={<IconScan size={20} />} />;

  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('list.label')}>
      {studies.data.map((study) => {
        const title = [study.modalities, study.description].filter(Boolean).join(' · ') || t('viewer.title');
        return (
          <Card component="li" key={study.studyInstanceUid} withBorder radius="md" padding="md">
            <Stack gap={4}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Title order={3} size="h4">
                  {linkTo ? (
                    <Anchor component={Link} to={linkTo(study)}>
                      {title}
                    </Anchor>
                  ) : (
                    title
                  )}
                </Title>
                {study.source === 'shared' && (
                  <Badge variant="light" color="grape" title={t('list.sharedHelp')}>
                    {t('list.shared')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {study.studyDate ? formatDay(study.studyDate, i18n.language) : t('list.noDate')} · {t('list.series', { count: study.seriesCount })} ·{' '}
                {t('list.images', { count: study.instanceCount })}
              </Text>
              <Text size="sm">{study.report?.conclusion ? t('list.conclusion', { text: study.report.conclusion }) : t('list.noReport')}</Text>
              {onOpen && (
                <Button variant="light" size="xs" w="fit-content" onClick={() => onOpen(study)}>
                  {t('list.open')}
                </Button>
              )}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}
