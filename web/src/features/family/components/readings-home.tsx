import { Alert, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import { useMeasurements } from '../api/get-measurements';
import type { RecordedMeasurement } from '../api/record-measurement';
import { ReadingCharts } from './reading-charts';
import { ReadingForm } from './reading-form';
import { ReadingResult } from './reading-result';

/** The patient's home readings: record one (with advice at once) and see the history against the targets. */
export function ReadingsHome({ patientId }: { patientId: string }): ReactNode {
  const { t } = useTranslation('family');
  const history = useMeasurements(patientId);
  const [result, setResult] = useState<RecordedMeasurement | null>(null);

  return (
    <Stack gap="lg">
      {result ? <ReadingResult result={result} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="record-reading">
          <Title order={2} size="h3" id="record-reading" mb="sm">
            {t('reading.title')}
          </Title>
          <ReadingForm patientId={patientId} onRecorded={setResult} />
        </Card>
        <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="reading-history">
          <Title order={2} size="h3" id="reading-history" mb="sm">
            {t('chart.title')}
          </Title>
          {history.isPending ? <Text>{t('loading')}</Text> : null}
          {history.isError ? (
            <Alert color="red" role="alert">
              {problemMessage(history.error, t)}
            </Alert>
          ) : null}
          {history.data ? <ReadingCharts history={history.data} /> : null}
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
