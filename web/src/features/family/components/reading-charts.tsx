import { Box, Stack, Table, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatDate, formatDateTime, parseInstant } from '@/lib/date-time';
import type { Measurement, MeasurementHistory, MeasurementKind } from '../api/get-measurements';
import { findingTexts, formatReading } from '../lib/format';

interface Point {
  at: number;
  [series: string]: number | null;
}

interface Series {
  key: string;
  labelKey: string;
  color: string;
}

const seriesByKind: Record<MeasurementKind, Series[]> = {
  BloodPressure: [
    { key: 'systolic', labelKey: 'chart.systolic', color: '#c92a2a' },
    { key: 'diastolic', labelKey: 'chart.diastolic', color: '#1864ab' },
  ],
  HeartRate: [{ key: 'heartRate', labelKey: 'chart.heartRate', color: '#2b8a3e' }],
  BloodGlucose: [
    { key: 'fasting', labelKey: 'chart.fasting', color: '#862e9c' },
    { key: 'afterMeal', labelKey: 'chart.afterMeal', color: '#e67700' },
  ],
  Weight: [{ key: 'weightKg', labelKey: 'chart.weight', color: '#495057' }],
};

function point(m: Measurement): Point {
  const at = parseInstant(m.measuredAt)?.getTime() ?? 0;
  return {
    at,
    systolic: m.systolic,
    diastolic: m.diastolic,
    heartRate: m.heartRate,
    fasting: m.glucoseTiming === 'Fasting' ? m.glucose : null,
    afterMeal: m.glucoseTiming === 'AfterMeal' ? m.glucose : null,
    weightKg: m.weightKg,
  };
}

function includes(kind: MeasurementKind, m: Measurement): boolean {
  // Note: a blood-pressure reading with its pulse also belongs on the heart-rate chart.
  return m.kind === kind || (kind === 'HeartRate' && m.kind === 'BloodPressure' && m.heartRate !== null);
}

/** The target bands (shaded) and danger lines (dashed) of one chart. */
function targetBands(kind: MeasurementKind, history: MeasurementHistory): ReactNode[] {
  const { targets } = history;
  switch (kind) {
    case 'BloodPressure':
      return [
        <ReferenceArea key="sys" y1={targets.systolic.min} y2={targets.systolic.max} fill="#ffc9c9" fillOpacity={0.35} ifOverflow="extendDomain" />,
        <ReferenceArea key="dia" y1={targets.diastolic.min} y2={targets.diastolic.max} fill="#a5d8ff" fillOpacity={0.35} ifOverflow="extendDomain" />,
        <ReferenceLine key="crisis" y={targets.crisisSystolic} stroke="#c92a2a" strokeDasharray="4 4" />,
      ];
    case 'HeartRate':
      return [<ReferenceArea key="hr" y1={targets.heartRate.min} y2={targets.heartRate.max} fill="#b2f2bb" fillOpacity={0.35} ifOverflow="extendDomain" />];
    case 'BloodGlucose':
      return [
        <ReferenceArea key="fasting" y1={targets.fastingGlucose.min} y2={targets.fastingGlucose.max} fill="#eebefa" fillOpacity={0.35} ifOverflow="extendDomain" />,
        <ReferenceLine key="low" y={targets.dangerouslyLowGlucose} stroke="#c92a2a" strokeDasharray="4 4" />,
      ];
    case 'Weight':
      return [];
  }
}

function targetText(kind: MeasurementKind, history: MeasurementHistory, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  const { targets } = history;
  switch (kind) {
    case 'BloodPressure':
      return t('chart.targetBloodPressure', { sysMin: targets.systolic.min, sysMax: targets.systolic.max, diaMin: targets.diastolic.min, diaMax: targets.diastolic.max });
    case 'HeartRate':
      return t('chart.targetHeartRate', { min: targets.heartRate.min, max: targets.heartRate.max });
    case 'BloodGlucose':
      return t('chart.targetGlucose', {
        fastingMin: targets.fastingGlucose.min,
        fastingMax: targets.fastingGlucose.max,
        afterMealMax: targets.afterMealGlucose.max,
      });
    case 'Weight':
      return null;
  }
}

function KindChart({ kind, history }: { kind: MeasurementKind; history: MeasurementHistory }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const readings = history.items.filter((m) => includes(kind, m));
  const target = targetText(kind, history, t);
  if (readings.length === 0) return <Text c="dimmed">{t('chart.empty')}</Text>;

  const data = readings.map(point);
  const series = seriesByKind[kind];
  const latest = readings[readings.length - 1]!;
  return (
    <Stack gap="xs">
      {target ? <Text size="sm">{target}</Text> : null}
      <Box role="img" aria-label={t('chart.summary', { kind: t(`kinds.${kind}`), count: readings.length, latest: formatReading(latest, t) })}>
        <ResponsiveContainer width="100%" height={240} initialDimension={{ width: 320, height: 240 }}>
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -12 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" />
            {targetBands(kind, history)}
            <XAxis dataKey="at" type="number" scale="time" domain={['dataMin', 'dataMax']} tickFormatter={(value: number) => formatDate(new Date(value), language)} minTickGap={24} />
            <YAxis domain={['auto', 'auto']} width={48} />
            <Tooltip labelFormatter={(value) => formatDateTime(new Date(Number(value)), language)} />
            <Legend />
            {series.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={t(s.labelKey)} stroke={s.color} strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </Box>
      <details>
        <summary>{t('chart.asTable')}</summary>
        <Table striped mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('chart.when')}</Table.Th>
              <Table.Th>{t('chart.reading')}</Table.Th>
              <Table.Th>{t('chart.finding')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...readings].reverse().map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>{formatDateTime(parseInstant(m.measuredAt) ?? new Date(), language)}</Table.Td>
                <Table.Td>{formatReading(m, t)}</Table.Td>
                <Table.Td>{m.flag === 'Normal' ? t('flags.Normal') : findingTexts(m.findings, t).join(language.startsWith('en') ? '; ' : '；')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}

/** The readings of the last months as charts (one per kind) with the target ranges shaded, and as tables. */
export function ReadingCharts({ history }: { history: MeasurementHistory }): ReactNode {
  const { t } = useTranslation('family');
  const kinds: MeasurementKind[] = ['BloodPressure', 'HeartRate', 'BloodGlucose', 'Weight'];
  return (
    <Stack gap="sm">
      <Tabs defaultValue="BloodPressure" keepMounted={false}>
        <Tabs.List aria-label={t('chart.title')}>
          {kinds.map((kind) => (
            <Tabs.Tab key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {kinds.map((kind) => (
          <Tabs.Panel key={kind} value={kind} pt="sm">
            <KindChart kind={kind} history={history} />
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
