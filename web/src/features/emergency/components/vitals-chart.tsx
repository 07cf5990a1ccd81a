import { Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Vitals } from '../api/schemas';
import { timeOf } from './parts';

type Series = { key: 'heartRate' | 'systolic' | 'diastolic' | 'spO2' | 'respiratoryRate'; colour: string };
// Note: the legend is text in these colours, so each is at least 4.5:1 on white (WCAG AA; axe found the light blue
// and orange below it) and the colours stay apart from each other.
const series: Series[] = [
  { key: 'heartRate', colour: '#c92a2a' },
  { key: 'systolic', colour: '#1864ab' },
  { key: 'diastolic', colour: '#0b7285' },
  { key: 'spO2', colour: '#2f6f3a' },
  { key: 'respiratoryRate', colour: '#862e9c' },
];

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { left: 36, right: 12, top: 12, bottom: 24 };

/** The vitals series as lines over time (a small SVG: the board needs trends, not a charting library). */
export function VitalsChart({ vitals }: { vitals: readonly Vitals[] }): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const points = [...vitals].sort((a, b) => a.measuredAt.localeCompare(b.measuredAt));
  if (points.length === 0) return <Text c="dimmed">{t('vitals.none')}</Text>;
  const times = points.map((v) => Date.parse(v.measuredAt));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const values = points.flatMap((v) => series.map((s) => v[s.key]).filter((n): n is number => n !== null));
  const lo = Math.min(0, ...values);
  const hi = Math.max(200, ...values);
  const x = (time: number) => PAD.left + (t1 === t0 ? (WIDTH - PAD.left - PAD.right) / 2 : ((time - t0) / (t1 - t0)) * (WIDTH - PAD.left - PAD.right));
  const y = (value: number) => PAD.top + (1 - (value - lo) / (hi - lo)) * (HEIGHT - PAD.top - PAD.bottom);
  const label = t('vitals.chartLabel', { count: points.length });

  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={label} data-testid="vitals-chart">
        {[0, 50, 100, 150, 200].filter((v) => v >= lo && v <= hi).map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(v)} y2={y(v)} stroke="#dee2e6" />
            <text x={PAD.left - 4} y={y(v) + 4} fontSize="11" textAnchor="end" fill="#495057">
              {v}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={HEIGHT - 6} fontSize="11" fill="#495057">
          {timeOf(points[0]!.measuredAt, i18n.language)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} fontSize="11" fill="#495057" textAnchor="end">
          {timeOf(points[points.length - 1]!.measuredAt, i18n.language)}
        </text>
        {series.map((s) => {
          const line = points.flatMap((v, index) => (v[s.key] === null ? [] : [`${x(times[index]!)},${y(v[s.key]!)}`]));
          if (line.length === 0) return null;
          return (
            <g key={s.key}>
              <polyline points={line.join(' ')} fill="none" stroke={s.colour} strokeWidth={2.5} />
              {line.map((p) => {
                const [cx, cy] = p.split(',');
                return <circle key={p} cx={cx} cy={cy} r={3.5} fill={s.colour} />;
              })}
            </g>
          );
        })}
      </svg>
      <Group gap="md">
        {series.map((s) => (
          <Text key={s.key} size="sm" c={s.colour} fw={700}>
            ● {t(`vitals.fields.${s.key}`)}
          </Text>
        ))}
      </Group>
    </div>
  );
}
