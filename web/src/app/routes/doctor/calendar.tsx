import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { hospitalTimeZone } from '@/config/hospital';
import { PageLoader } from '@/components/page-loader';
import { useCancelSession } from '@/features/schedule/api/cancel-session';
import { useCalendar, type CalendarSlot } from '@/features/schedule/api/get-calendar';
import { useBlocks } from '@/features/schedule/api/list-blocks';
import { useMarkNoShow } from '@/features/schedule/api/mark-no-show';
import { useUnblockTime } from '@/features/schedule/api/unblock-time';
import { BlockTimeForm } from '@/features/schedule/components/block-time-form';
import { useCalendarLiveUpdates } from '@/features/schedule/components/use-calendar-live-updates';
import { addDays, formatDateTimeIn, formatLocalDate, formatTimeIn, timeZoneName, todayIn } from '@/lib/date-time';
import { ProblemAlert } from '@/components/problem-alert';

interface Session {
  key: string;
  date: string;
  slots: CalendarSlot[];
}

/** Contiguous slots of one timetable session form a session the doctor can cancel as a whole. */
function sessionsOf(date: string, slots: CalendarSlot[]): Session[] {
  const sessions: Session[] = [];
  for (const slot of slots) {
    const last = sessions.at(-1);
    if (last && last.slots.at(-1)?.end === slot.start && last.slots[0]?.sessionId === slot.sessionId) last.slots.push(slot);
    else sessions.push({ key: slot.id, date, slots: [slot] });
  }
  return sessions;
}

function SlotRow({ slot, timeZone }: { slot: CalendarSlot; timeZone: string }): ReactNode {
  const { t, i18n } = useTranslation('schedule');
  const noShow = useMarkNoShow();
  const a = slot.appointment;
  const started = new Date(slot.start).getTime() <= Date.now();
  return (
    <Group justify="space-between" wrap="wrap" gap="xs" py={4} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
      <Group gap="xs" wrap="nowrap">
        <Text fw={600} w={48}>
          {formatTimeIn(slot.start, timeZone, i18n.language)}
        </Text>
        {a ? (
          <Text>
            {a.patientName} · {t(`visitType.${a.visitType}`)}
          </Text>
        ) : (
          <Text c="dimmed">{t(`slotStatus.${slot.status}`)}</Text>
        )}
      </Group>
      <Group gap="xs">
        {a && <Badge variant="light" c="dark.8">{t(`status.${a.status}`, { ns: 'appointments' })}</Badge>}
        {a && started && (a.status === 'Booked' || a.status === 'CheckedIn') && (
          <Button size="xs" variant="outline" loading={noShow.isPending} onClick={() => noShow.mutate(a.id)} aria-label={t('noShowLabel', { patient: a.patientName })}>
            {t('noShow')}
          </Button>
        )}
      </Group>
    </Group>
  );
}

/** The doctor's day or week: every slot with the appointment in it; mark no-shows, block time, cancel a session. */
export default function CalendarRoute(): ReactNode {
  const { t, i18n } = useTranslation('schedule');
  const [view, setView] = useState<'day' | 'week'>('day');
  const [from, setFrom] = useState(() => todayIn(hospitalTimeZone()));
  const days = view === 'day' ? 1 : 7;
  const calendar = useCalendar(from, days);
  const blocks = useBlocks();
  const unblock = useUnblockTime();
  const cancel = useCancelSession();
  const [blockOpen, blockModal] = useDisclosure(false);
  const [toCancel, setToCancel] = useState<Session | null>(null);
  const [reason, setReason] = useState('');
  useCalendarLiveUpdates();

  const timeZone = calendar.data?.timeZone ?? hospitalTimeZone();
  return (
    <Page title={t('calendar.title')}>
      <Text size="sm" c="dimmed">
        {t('calendar.timeZone', { zone: timeZoneName(timeZone, i18n.language) })}
      </Text>
      <Group justify="space-between" wrap="wrap">
        <SegmentedControl
          aria-label={t('calendar.view')}
          value={view}
          onChange={(value) => setView(value === 'week' ? 'week' : 'day')}
          data={[
            { value: 'day', label: t('calendar.day') },
            { value: 'week', label: t('calendar.week') },
          ]}
        />
        <Group gap="xs">
          <Button variant="subtle" aria-label={t('calendar.previous')} onClick={() => setFrom(addDays(from, -days))}>
            <IconChevronLeft size={18} aria-hidden="true" />
          </Button>
          <Button variant="default" onClick={() => setFrom(todayIn(timeZone))}>
            {t('calendar.today')}
          </Button>
          <Button variant="subtle" aria-label={t('calendar.next')} onClick={() => setFrom(addDays(from, days))}>
            <IconChevronRight size={18} aria-hidden="true" />
          </Button>
          <Button variant="outline" onClick={blockModal.open}>
            {t('block.open')}
          </Button>
        </Group>
      </Group>
      {calendar.isError && <ProblemAlert error={calendar.error} />}
      {cancel.data && (
        <Alert color="green" role="status">
          {t('session.cancelled', { appointments: cancel.data.appointmentsCancelled })}
        </Alert>
      )}
      {!calendar.data ? (
        <PageLoader />
      ) : (
        calendar.data.days.map((day) => (
          <Stack key={day.date} gap="xs" component="section" aria-label={formatLocalDate(day.date, i18n.language)}>
            <Title order={2} size="h4">
              {formatLocalDate(day.date, i18n.language)}
            </Title>
            {day.slots.length === 0 && <Text c="dimmed">{t('calendar.nothing')}</Text>}
            {sessionsOf(day.date, day.slots).map((session) => {
              const first = session.slots[0]!;
              const last = session.slots.at(-1)!;
              const range = `${formatTimeIn(first.start, timeZone, i18n.language)}–${formatTimeIn(last.end, timeZone, i18n.language)}`;
              const cancellable = session.slots.some((s) => s.status !== 'Cancelled') && new Date(last.end).getTime() > Date.now();
              return (
                <Card key={session.key} withBorder padding="sm">
                  <Group justify="space-between" mb={4} wrap="wrap">
                    <Text fw={700}>{t('session.label', { range })}</Text>
                    {cancellable && (
                      <Button size="xs" color="red" variant="subtle" onClick={() => setToCancel(session)} aria-label={t('session.cancelLabel', { range })}>
                        {t('session.cancel')}
                      </Button>
                    )}
                  </Group>
                  {session.slots.map((slot) => (
                    <SlotRow key={slot.id} slot={slot} timeZone={timeZone} />
                  ))}
                </Card>
              );
            })}
          </Stack>
        ))
      )}
      <Stack gap="xs" component="section" aria-labelledby="blocks-title">
        <Title order={2} size="h4" id="blocks-title">
          {t('block.listTitle')}
        </Title>
        {(blocks.data ?? []).length === 0 && <Text c="dimmed">{t('block.none')}</Text>}
        {(blocks.data ?? []).map((block) => (
          <Group key={block.id} justify="space-between" wrap="wrap">
            <Text>
              {formatDateTimeIn(block.start, timeZone, i18n.language)} – {formatDateTimeIn(block.end, timeZone, i18n.language)} · {block.reason}
            </Text>
            <Button size="xs" variant="subtle" onClick={() => unblock.mutate(block.id)}>
              {t('block.lift')}
            </Button>
          </Group>
        ))}
      </Stack>
      <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={blockOpen} onClose={blockModal.close} title={t('block.title')} centered>
        <BlockTimeForm
          defaultDate={from}
          onDone={(result) => {
            blockModal.close();
            notifications.show({ message: t('block.done', { blocked: result.slotsBlocked, booked: result.bookedInside }) });
          }}
        />
      </Modal>
      <Modal closeButtonProps={{ 'aria-label': t('close') }} opened={toCancel !== null} onClose={() => setToCancel(null)} title={t('session.title')} centered>
        {toCancel && (
          <Stack>
            <Text>{t('session.explain')}</Text>
            <TextInput label={t('session.reason')} required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
            {cancel.isError && <ProblemAlert error={cancel.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setToCancel(null)}>
                {t('session.keep')}
              </Button>
              <Button
                color="red"
                disabled={!reason.trim()}
                loading={cancel.isPending}
                onClick={() => {
                  const first = toCancel.slots[0]!;
                  const last = toCancel.slots.at(-1)!;
                  cancel.mutate(
                    { date: toCancel.date, from: `${formatTimeIn(first.start, timeZone, 'en')}:00`, to: `${formatTimeIn(last.end, timeZone, 'en')}:00`, reason: reason.trim() },
                    { onSuccess: () => { setToCancel(null); setReason(''); } },
                  );
                }}
              >
                {t('session.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Page>
  );
}
