import { Alert, Anchor, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { formatDate, formatInstant, parseInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useTrend, type Trend } from '../api/get-trend';
import { formatNumber, formatRange, isCritical, localName, localNote } from '../lib/format';
import { FlagBadge } from './flag-badge';

const WIDTH = 320;
const HEIGHT = 180;
const PAD = { left: 40, right: 12, top: 12, bottom: 28 };

/**
 * A small SVG line chart: the reference range shaded, each value a dot (a ring for a value outside its range). It is a
 * picture for those who can see it; the table under it says the same in words, so nothing depends on the chart alone.
 */
export function TrendSvg({ trend, language }: { trend: Trend; language: string }): ReactNode {
  const points = trend.points.map((p) => ({ ...p, time: parseInstant(p.at)?.getTime() ?? 0 }));
  const values = points.map((p) => p.value).concat([trend.low, trend.high].filter((v): v is number => v !== null));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || Math.abs(max) || 1;
  const yMin = min - span * 0.1;
  const yMax = max + span * 0.1;
  const first = points[0]!.time;
  const last = points[points.length - 1]!.time;
  const x = (time: number): number => (last === first ? (PAD.left + WIDTH - PAD.right) / 2 : PAD.left + ((time - first) / (last - first)) * (WIDTH - PAD.left - PAD.right));
  const y = (value: number): number => PAD.top + (1 - (value - yMin) / (yMax - yMin)) * (HEIGHT - PAD.top - PAD.bottom);
  const bandTop = y(trend.high ?? yMax);
  const bandBottom = y(trend.low ?? yMin);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" style={{ maxWidth: 640, display: 'block' }} aria-hidden="true" focusable="false" data-testid="trend-chart">
      {(trend.low !== null || trend.high !== null) && <rect x={PAD.left} width={WIDTH - PAD.left - PAD.right} y={bandTop} height={Math.max(0, bandBottom - bandTop)} fill="#d3f9d8" />}
      <line x1={PAD.left} x2={PAD.left} y1={PAD.top} y2={HEIGHT - PAD.bottom} stroke="#868e96" />
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#868e96" />
      <text x={PAD.left - 4} y={y(max)} fontSize="10" textAnchor="end" dominantBaseline="middle">
        {formatNumber(max, language)}
      </text>
      <text x={PAD.left - 4} y={y(min)} fontSize="10" textAnchor="end" dominantBaseline="middle">
        {formatNumber(min, language)}
      </text>
      <text x={PAD.left} y={HEIGHT - 8} fontSize="10">
        {formatDate(new Date(first), language)}
      </text>
      {last !== first && (
        <text x={WIDTH - PAD.right} y={HEIGHT - 8} fontSize="10" textAnchor="end">
          {formatDate(new Date(last), language)}
        </text>
      )}
      <polyline fill="none" stroke="#1c7ed6" strokeWidth="2" points={points.map((p) => `${x(p.time)},${y(p.value)}`).join(' ')} />
      {points.map((p) => (
        <circle key={p.reportId + p.at} cx={x(p.time)} cy={y(p.value)} r={4} fill={p.flag === 'Normal' ? '#1c7ed6' : '#fff'} stroke={isCritical(p.flag) ? '#e03131' : '#1c7ed6'} strokeWidth="2" />
      ))}
    </svg>
  );
}

/** A value over time: the chart, then every value with its date and flag in a table. */
export function TrendView({ patientId, code }: { patientId: string; code: string }): ReactNode {
  const { t, i18n } = useTranslation('results');
  const trend = useTrend(patientId, code);
  if (trend.isPending) return <PageLoader />;
  if (trend.isError) return <Alert color="red" role="alert">{problemMessage(trend.error, t)}</Alert>;
  const data = trend.data;
  const name = localName(data, i18n.language);
  const note = localNote(data, i18n.language);
  const range = formatRange(data.low, data.high, null, i18n.language);
  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {name}
      </Title>
      {note && <Text c="dimmed">{note}</Text>}
      {data.points.length === 0 ? (
        <Text>{t('trend.empty')}</Text>
      ) : (
        <>
          <TrendSvg trend={data} language={i18n.language} />
          {range && (
            <Text size="sm">
              {t('detail.range')}: {range} {data.unit ?? ''}
            </Text>
          )}
          <Table aria-label={t('trend.table', { name })}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trend.date')}</Table.Th>
                <Table.Th>{t('trend.value')}</Table.Th>
                <Table.Th>{t('trend.flag')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...data.points].reverse().map((p) => (
                <Table.Tr key={p.reportId + p.at}>
                  <Table.Td>
                    <Anchor component={Link} to={`/results/${p.reportId}`}>
                      {formatInstant(p.at, i18n.language)}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    {formatNumber(p.value, i18n.language)} {p.unit ?? ''}
                  </Table.Td>
                  <Table.Td>
                    <FlagBadge flag={p.flag} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <Anchor component={Link} to="/results">
        {t('detail.back')}
      </Anchor>
    </Stack>
  );
}
