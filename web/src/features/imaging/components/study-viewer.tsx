import { Badge, Group, ScrollArea, SimpleGrid, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { ProblemAlert } from '@/components/problem-alert';
import { formatDay } from '@/lib/date-time';
import { useStudy } from '../api/get-study';
import type { ImagingSeries } from '../api/schemas';
import { renderedFramePath, type ImagingSide } from '../lib/paths';
import { AuthImage } from './auth-image';
import { DicomView, type CurrentImage } from './dicom-view';
import { RadiologyReport } from './radiology-report';

export interface StudyViewerProps {
  side: ImagingSide;
  patientId: string;
  studyUid: string;
  /** Rendered under the image controls with the image on screen (the doctor's "share into the call"). */
  actions?: (current: CurrentImage) => ReactNode;
}

/** A study: its series as thumbnails (first image, rendered by the server), the viewer of the chosen series, the report. */
export function StudyViewer({ side, patientId, studyUid, actions }: StudyViewerProps): ReactNode {
  const { t, i18n } = useTranslation('imaging');
  const study = useStudy(side, patientId, studyUid);
  const [seriesUid, setSeriesUid] = useState<string | null>(null);
  if (study.isPending) return <PageLoader />;
  if (study.isError) return <ProblemAlert error={study.error} />;

  const data = study.data;
  const withImages = data.series.filter((series) => series.instances.length > 0);
  const selected = withImages.find((series) => series.seriesInstanceUid === seriesUid) ?? withImages[0];
  return (
    <Stack gap="md">
      <Group gap="xs">
        <Text c="dimmed" size="sm">
          {[data.modalities, data.description, data.studyDate ? formatDay(data.studyDate, i18n.language) : null].filter(Boolean).join(' · ')}
        </Text>
        {data.source === 'shared' && (
          <Badge variant="light" color="grape">
            {t('list.shared')}
          </Badge>
        )}
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
        <Stack gap="sm" style={{ gridColumn: 'span 2' }}>
          {withImages.length > 1 && (
            <ScrollArea type="auto" offsetScrollbars>
              <Group gap="xs" wrap="nowrap" role="group" aria-label={t('viewer.series')}>
                {withImages.map((series) => (
                  <SeriesThumbnail
                    key={series.seriesInstanceUid}
                    side={side}
                    patientId={patientId}
                    studyUid={data.studyInstanceUid}
                    series={series}
                    selected={series === selected}
                    onSelect={() => setSeriesUid(series.seriesInstanceUid)}
                  />
                ))}
              </Group>
            </ScrollArea>
          )}
          {selected ? (
            <DicomView key={selected.seriesInstanceUid} side={side} patientId={patientId} studyInstanceUid={data.studyInstanceUid} series={selected} actions={actions} />
          ) : (
            <Text c="dimmed">{t('viewer.noImages')}</Text>
          )}
        </Stack>
        <RadiologyReport report={data.report} />
      </SimpleGrid>
    </Stack>
  );
}

function SeriesThumbnail({ side, patientId, studyUid, series, selected, onSelect }: {
  side: ImagingSide;
  patientId: string;
  studyUid: string;
  series: ImagingSeries;
  selected: boolean;
  onSelect: () => void;
}): ReactNode {
  const { t } = useTranslation('imaging');
  const first = series.instances[0]!;
  const label = t('viewer.seriesLabel', { modality: series.modality ?? '', number: series.number ?? '', description: series.description ?? '' });
  return (
    <UnstyledButton
      onClick={onSelect}
      aria-pressed={selected}
      aria-label={`${label} (${t('viewer.seriesCount', { count: series.instances.length })})`}
      style={{ border: `2px solid ${selected ? 'var(--mantine-color-blue-6)' : 'transparent'}`, borderRadius: 8, padding: 2, flex: '0 0 auto' }}
    >
      <Stack gap={2} align="center" w={84}>
        <AuthImage
          path={renderedFramePath(side, patientId, { studyInstanceUid: studyUid, seriesInstanceUid: series.seriesInstanceUid, sopInstanceUid: first.sopInstanceUid })}
          alt={t('viewer.thumbnail', { number: series.number ?? '' })}
          height={72}
          style={{ width: 80, borderRadius: 6 }}
        />
        <Text size="xs" lineClamp={1}>
          {series.description ?? series.modality ?? ''}
        </Text>
        <Title order={4} size="xs" c="dimmed" fw={400}>
          {t('viewer.seriesCount', { count: series.instances.length })}
        </Title>
      </Stack>
    </UnstyledButton>
  );
}
