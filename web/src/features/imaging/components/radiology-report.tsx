import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '@/lib/date-time';
import type { RadiologyReport as Report } from '../api/schemas';

/** The radiologist's report of a study, beside (wide screens) or below (phones) the images. */
export function RadiologyReport({ report }: { report: Report | null }): ReactNode {
  const { t, i18n } = useTranslation('imaging');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="radiology-report-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="radiology-report-title">
          {t('report.title')}
        </Title>
        {report?.conclusion ? (
          <>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{report.conclusion}</Text>
            {report.issuedAt && (
              <Text size="sm" c="dimmed">
                {report.author
                  ? t('report.issued', { date: formatInstant(report.issuedAt, i18n.language), author: report.author })
                  : t('report.issuedAt', { date: formatInstant(report.issuedAt, i18n.language) })}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {t('report.disclaimer')}
            </Text>
          </>
        ) : (
          <Text c="dimmed">{t('report.none')}</Text>
        )}
      </Stack>
    </Card>
  );
}
