import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { formatInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useResult, type ResultValue } from '../api/get-result';
import { formatNumber, formatRange, isCritical, localName, localNote } from '../lib/format';
import { FlagBadge } from './flag-badge';

/** Note: a light alert's title is shade 6 on a tint (below WCAG AA for red); near-black reads. */
const readableAlert = { '--alert-color': 'var(--mantine-color-gray-9)' } as CSSProperties;

function ValueCard({ value }: { value: ResultValue }): ReactNode {
  const { t, i18n } = useTranslation('results');
  const name = localName(value, i18n.language);
  const range = formatRange(value.low, value.high, value.rangeText, i18n.language);
  const note = localNote(value, i18n.language);
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-label={name}>
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Title order={3} size="h5">
            {name}
          </Title>
          <FlagBadge flag={value.flag} />
        </Group>
        <Text size="xl" fw={700}>
          {value.value !== null ? formatNumber(value.value, i18n.language) : value.valueText}
          {value.unit ? (
            <Text span size="sm" fw={400} c="dimmed">
              {' '}
              {value.unit}
            </Text>
          ) : null}
        </Text>
        {range && (
          <Text size="sm">
            {t('detail.range')}: {range}
            {value.unit && (value.low !== null || value.high !== null) ? ` ${value.unit}` : ''}
          </Text>
        )}
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        {value.trendKey && (
          <Anchor component={Link} to={`/results/trend/${encodeURIComponent(value.trendKey)}`} size="sm">
            {t('detail.trend', { name })}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}

/** One report: each value with its unit, reference range, flag in words and, where the catalogue has one, a plain-language note. */
export function ResultDetailView({ patientId, reportId }: { patientId: string; reportId: string }): ReactNode {
  const { t, i18n } = useTranslation('results');
  const result = useResult(patientId, reportId);
  if (result.isPending) return <PageLoader />;
  if (result.isError) return <Alert color="red" role="alert">{problemMessage(result.error, t)}</Alert>;
  const report = result.data;
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {localName(report, i18n.language)}
      </Title>
      <Text size="sm" c="dimmed">
        {formatInstant(report.issuedAt, i18n.language)}
        {report.orderingDoctorName ? ` · ${t('list.orderedBy', { name: report.orderingDoctorName })}` : ''}
        {report.status === 'corrected' ? ` · ${t('detail.corrected')}` : ''}
      </Text>
      {report.values.some((v) => isCritical(v.flag)) && (
        <Alert color="red" role="alert" title={t('detail.criticalTitle')} style={readableAlert}>
          {t('detail.criticalText')}
        </Alert>
      )}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('detail.values')}>
        {report.values.map((value, index) => (
          <ValueCard key={`${value.code}-${index}`} value={value} />
        ))}
      </Stack>
      <Text size="xs" c="dimmed">
        {t('detail.disclaimer')}
      </Text>
      <Anchor component={Link} to="/results">
        {t('detail.back')}
      </Anchor>
    </Stack>
  );
}
