import { Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { hospitalTimeZone } from '@/config/hospital';
import { addDays, todayIn } from '@/lib/date-time';
import { downloadQualityCsv, useQuality } from '../api/emergency';

function minutes(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

/** Per pathway over a period: call→arrival, door-to-CT and pre-notification lead time (median, mean, n); CSV export. */
export function QualityReview(): ReactNode {
  const { t } = useTranslation('emergency');
  const today = todayIn(hospitalTimeZone());
  const [from, setFrom] = useState(addDays(today, -30));
  const [to, setTo] = useState(today);
  const quality = useQuality(from, to);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const intervals = ['callToArrival', 'doorToCt', 'preNotificationLead'] as const;
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <TextInput type="date" label={t('quality.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('quality.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <Button leftSection={<IconDownload size={18} />} variant="light" onClick={() => void downloadQualityCsv(from, to).catch(setDownloadError)}>
          {t('quality.csv')}
        </Button>
      </Group>
      {quality.isError && <ProblemAlert error={quality.error} />}
      {downloadError !== null && <ProblemAlert error={downloadError} />}
      {quality.data && quality.data.pathways.length === 0 && <Text c="dimmed">{t('quality.empty')}</Text>}
      {quality.data && quality.data.pathways.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('assessment.pathway')}</Table.Th>
                <Table.Th>{t('quality.cases')}</Table.Th>
                {intervals.map((interval) => (
                  <Table.Th key={interval}>{t(`quality.intervals.${interval}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {quality.data.pathways.map((row) => (
                <Table.Tr key={row.pathway}>
                  <Table.Td>{t(`pathway.${row.pathway}`, { defaultValue: row.pathway })}</Table.Td>
                  <Table.Td>{row.cases}</Table.Td>
                  {intervals.map((interval) => (
                    <Table.Td key={interval}>{t('quality.cell', { median: minutes(row[interval].medianMinutes), mean: minutes(row[interval].meanMinutes), count: row[interval].count })}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
