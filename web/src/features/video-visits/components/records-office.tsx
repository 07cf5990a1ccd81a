import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { hospitalTimeZone } from '@/config/hospital';
import { addDays, todayIn } from '@/lib/date-time';
import { useRecordingSearch, type RecordingSearch } from '../api/recording';
import { RecordingPlayer } from './visit-recordings';

/**
 * The medical-records office (病案室): the recordings of its own institution's visits, found by recording day, doctor
 * and patient, each played on request. The search runs when asked (each one is audit-logged, as is every play).
 */
export function RecordsOffice(): ReactNode {
  const { t } = useTranslation('visits');
  const today = todayIn(hospitalTimeZone());
  const [draft, setDraft] = useState<RecordingSearch>({ from: addDays(today, -30), to: today, doctor: '', patient: '' });
  const [search, setSearch] = useState<RecordingSearch>(draft);
  const found = useRecordingSearch(search);
  const set = (key: keyof RecordingSearch) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setDraft((current) => ({ ...current, [key]: value }));
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setSearch(draft);
  };

  return (
    <Stack gap="md">
      <form onSubmit={submit} aria-label={t('records.filters')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
            <TextInput type="date" label={t('records.from')} value={draft.from} onChange={set('from')} />
            <TextInput type="date" label={t('records.to')} value={draft.to} onChange={set('to')} />
            <TextInput label={t('records.doctor')} value={draft.doctor} onChange={set('doctor')} maxLength={50} />
            <TextInput label={t('records.patient')} value={draft.patient} onChange={set('patient')} maxLength={50} />
          </SimpleGrid>
          <Button type="submit" w="fit-content" leftSection={<IconSearch size={18} />} loading={found.isFetching}>
            {t('records.search')}
          </Button>
        </Stack>
      </form>
      {found.isError && <ProblemAlert error={found.error} />}
      {found.data && found.data.length === 0 && <Text c="dimmed">{t('records.empty')}</Text>}
      {found.data && found.data.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t('records.count', { count: found.data.length })} {t('recording.audited')}
          </Text>
          {found.data.map((item, index) => (
            <Card key={item.id} withBorder padding="sm" component="article" aria-label={t('records.item', { patient: item.patientName, doctor: item.doctorName })}>
              <Stack gap={4}>
                <Group gap="xs" wrap="wrap">
                  <Text fw={600}>{item.patientName}</Text>
                  <Text c="dimmed">{t('records.byDoctor', { doctor: item.doctorName })}</Text>
                </Group>
                <RecordingPlayer visitId={item.visitId} recording={item} index={index + 1} />
              </Stack>
            </Card>
          ))}
        </>
      )}
    </Stack>
  );
}
