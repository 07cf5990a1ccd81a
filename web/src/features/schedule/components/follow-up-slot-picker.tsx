import { Alert, Button, Group, Loader, SegmentedControl, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hospitalTimeZone } from '@/config/hospital';
import { formatDateTimeIn, formatLocalDate, formatTimeIn, timeZoneName, todayIn } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import type { FollowUpVisitType } from '../api/book-follow-up';
import { useCalendar, type CalendarSlot } from '../api/get-calendar';
import { ProblemAlert } from '@/components/problem-alert';

export interface FollowUpChoice {
  slotId: string;
  visitType: FollowUpVisitType;
  start: string;
}

export interface FollowUpSlotPickerProps {
  /** Books the chosen slot (the caller's mutation: a family task's booking, a visit's follow-up order). */
  onConfirm: (choice: FollowUpChoice) => void;
  pending?: boolean;
  /** The caller's mutation error, shown translated. */
  error?: unknown;
  defaultVisitType?: FollowUpVisitType;
  /** How many days ahead to offer, from today (the calendar serves at most 31). */
  days?: number;
}

/** Free, bookable for this visit type, and not already begun. */
function isFree(slot: CalendarSlot, visitType: FollowUpVisitType, now: number): boolean {
  return (
    slot.status === 'Open' &&
    slot.appointment === null &&
    (visitType === 'Video' ? slot.offersVideo : slot.offersInPerson) &&
    new Date(slot.start).getTime() > now
  );
}

/**
 * The signed-in doctor picks one of their own free slots for a patient's follow-up: visit type, then a time from the
 * next weeks grouped by day (the hospital's days and times), then confirms.
 */
export function FollowUpSlotPicker({ onConfirm, pending = false, error, defaultVisitType = 'Video', days = 21 }: FollowUpSlotPickerProps): ReactNode {
  const { t, i18n } = useTranslation('schedule');
  const language = i18n.language;
  const [visitType, setVisitType] = useState<FollowUpVisitType>(defaultVisitType);
  const [selected, setSelected] = useState<CalendarSlot | null>(null);
  const [now] = useState(() => Date.now());
  const calendar = useCalendar(todayIn(hospitalTimeZone()), days);
  const zone = calendar.data?.timeZone ?? hospitalTimeZone();
  const freeDays = (calendar.data?.days ?? [])
    .map((day) => ({ date: day.date, slots: day.slots.filter((s) => isFree(s, visitType, now)) }))
    .filter((day) => day.slots.length > 0);

  const chooseType = (value: string): void => {
    setVisitType(value as FollowUpVisitType);
    setSelected(null);
  };

  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text fw={600} id="follow-up-type-label">
          {t('followUp.visitType')}
        </Text>
        <SegmentedControl
          aria-labelledby="follow-up-type-label"
          value={visitType}
          onChange={chooseType}
          data={[
            { value: 'Video', label: t('followUp.types.Video') },
            { value: 'InPerson', label: t('followUp.types.InPerson') },
          ]}
        />
      </Stack>
      <Text size="sm" c="dimmed">
        {t('followUp.hint', { count: days, zone: timeZoneName(zone, language) })}
      </Text>
      {calendar.isPending && <Loader size="sm" role="status" aria-label={t('common:loading')} />}
      {calendar.isError && <ProblemAlert error={calendar.error} />}
      {calendar.data && freeDays.length === 0 && <Text>{t('followUp.noSlots')}</Text>}
      {freeDays.map((day) => {
        const label = formatLocalDate(day.date, language);
        return (
          <Stack key={day.date} gap={6} component="section" aria-label={label}>
            <Title order={3} size="h5">
              {label}
            </Title>
            <SimpleGrid cols={{ base: 3, xs: 4, sm: 6 }} spacing="xs">
              {day.slots.map((slot) => {
                const time = formatTimeIn(slot.start, zone, language);
                return (
                  <Button
                    key={slot.id}
                    size="sm"
                    variant={slot.id === selected?.id ? 'filled' : 'light'}
                    aria-pressed={slot.id === selected?.id}
                    aria-label={t('followUp.slotLabel', { date: label, time })}
                    onClick={() => setSelected(slot)}
                  >
                    {time}
                  </Button>
                );
              })}
            </SimpleGrid>
          </Stack>
        );
      })}
      {error != null && (
        <Alert color="red" role="alert">
          {problemMessage(error, t, { onBehalf: true })}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button
          disabled={!selected}
          loading={pending}
          onClick={() => selected && onConfirm({ slotId: selected.id, visitType, start: selected.start })}
        >
          {selected
            ? t('followUp.confirmAt', { when: formatDateTimeIn(selected.start, zone, language), type: t(`followUp.types.${visitType}`) })
            : t('followUp.choose')}
        </Button>
      </Group>
    </Stack>
  );
}
