import { Button, Card, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDownloadRecord } from '../api/download-record';
import { ProblemAlert } from '@/components/problem-alert';

/** "My record": the whole record as a file the patient keeps or takes to another hospital (PIPL right of access). */
export function RecordDownload({ patientId }: { patientId: string }): ReactNode {
  const { t } = useTranslation('results');
  const download = useDownloadRecord();
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('record.title')}>
      <Stack gap="xs">
        <Title order={2} size="h4">
          {t('record.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('record.help')}
        </Text>
        {download.isError && <ProblemAlert error={download.error} />}
        <Button variant="light" leftSection={<IconDownload size={16} aria-hidden="true" />} loading={download.isPending} onClick={() => download.mutate(patientId)} style={{ alignSelf: 'flex-start' }}>
          {t('record.download')}
        </Button>
      </Stack>
    </Card>
  );
}
