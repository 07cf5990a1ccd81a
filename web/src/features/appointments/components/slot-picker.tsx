import { Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, formatLocalDate, formatTimeIn, todayIn } from '@/lib/date-time';
import { useFreeSlots } from '../api/list-free-slots';
import type { FreeSlot, VisitType } from '../api/schemas';
import { ProblemAlert } from '@/components/problem-alert';

export interface SlotPickerProps {
  doctorId: string;
  timeZone: string;
  visitType: VisitType;
  selectedId?: string | null;
  onSelect: (slot: FreeSlot) => void;
  /** A day without free times offers this (e.g. joining the waitlist). */
  onNoSlots?: (date: string) => ReactNode;
  days?: number;
}

/** A doctor's free times, a few days at a time, as buttons; times are the hospital's. */
export function SlotPicker({ doctorId, timeZone, visitType, selectedId, onSelect, onNoSlots, days = 3 }: SlotPickerProps): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const today = todayIn(timeZone);
  const [from, setFrom] = useState(today);
  const slots = useFreeSlots(doctorId, from, days, visitType);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));

  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="nowrap">
        <Button
          variant="subtle"
          leftSection={<IconChevronLeft size={16} aria-hidden="true" />}
          disabled={from <= today}
          onClick={() => setFrom(addDays(from, -days))}
        >
          {t('picker.earlier')}
        </Button>
        <Button variant="subtle" rightSection={<IconChevronRight size={16} aria-hidden="true" />} onClick={() => setFrom(addDays(from, days))}>
          {t('picker.later')}
        </Button>
      </Group>
      {slots.isPending && <Loader size="sm" role="status" aria-label={t('common:loading')} />}
      {slots.isError && <ProblemAlert error={slots.error} />}
      {slots.data &&
        dates.map((date) => {
          const ofDay = slots.data.slots.filter((s) => s.localDate === date);
          return (
            <Stack key={date} gap={6} component="section" aria-label={formatLocalDate(date, i18n.language)}>
              <Title order={3} size="h5">
                {formatLocalDate(date, i18n.language)}
              </Title>
              {ofDay.length === 0 ? (
                <Stack gap={4} align="flex-start">
                  <Text size="sm" c="dimmed">
                    {t('picker.noSlots')}
                  </Text>
                  {onNoSlots?.(date)}
                </Stack>
              ) : (
                <SimpleGrid cols={{ base: 3, xs: 4, sm: 6 }} spacing="xs">
                  {ofDay.map((slot) => {
                    const time = formatTimeIn(slot.start, timeZone, i18n.language);
                    return (
                      <Button
                        key={slot.id}
                        size="sm"
                        variant={slot.id === selectedId ? 'filled' : 'light'}
                        aria-pressed={slot.id === selectedId}
                        aria-label={t('picker.slotLabel', { date: formatLocalDate(date, i18n.language), time })}
                        onClick={() => onSelect(slot)}
                      >
                        {time}
                      </Button>
                    );
                  })}
                </SimpleGrid>
              )}
            </Stack>
          );
        })}
    </Stack>
  );
}
