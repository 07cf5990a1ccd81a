import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconFileTypePdf } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownloadRecord } from '../api/download-record';
import { ProblemAlert } from '@/components/problem-alert';

/**
 * "My record": the whole record as a file the patient keeps or takes to another hospital (PIPL right of access): a PDF
 * to read and print, in the app's language, and the FHIR file other systems read.
 */
export function RecordDownload({ patientId }: { patientId: string }): ReactNode {
  const { t } = useTranslation('results');
  const pdf = useDownloadRecord('pdf');
  const fhir = useDownloadRecord('fhir');
  const failed = pdf.isError ? pdf.error : fhir.isError ? fhir.error : null;
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('record.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('record.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('record.help')}
        </Text>
        {failed && <ProblemAlert error={failed} />}
        <Group gap="xs">
          <Button variant="light" leftSection={<IconFileTypePdf size={16} aria-hidden="true" />} loading={pdf.isPending} onClick={() => { fhir.reset(); pdf.mutate(patientId); }}>
            {t('record.downloadPdf')}
          </Button>
          <Button variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />} loading={fhir.isPending} onClick={() => { pdf.reset(); fhir.mutate(patientId); }}>
            {t('record.download')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
