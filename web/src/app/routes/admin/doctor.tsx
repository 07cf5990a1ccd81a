import { Alert, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useAdminDepartments } from '@/features/hospital-admin/api/departments';
import { useAdminDoctor } from '@/features/hospital-admin/api/get-doctor';
import { useUpdateDoctor } from '@/features/hospital-admin/api/save-doctor';
import { useSaveSchedule, useSchedule, type Session } from '@/features/hospital-admin/api/schedule';
import { DoctorProfileForm } from '@/features/hospital-admin/components/doctor-profile-form';
import { timeZoneName } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { ProblemAlert } from '@/components/problem-alert';

const days: Session['day'][] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const hhmm = (time: string): string => time.slice(0, 5);
const withSeconds = (time: string): string => (time.length === 5 ? `${time}:00` : time);

function ScheduleEditor({ doctorId }: { doctorId: string }): ReactNode {
  const { t, i18n } = useTranslation('hospitalAdmin');
  const schedule = useSchedule(doctorId);
  const save = useSaveSchedule();
  const [sessions, setSessions] = useState<Session[]>([]);
  useEffect(() => {
    if (schedule.data) setSessions(schedule.data.sessions.map((s) => ({ ...s, start: hhmm(s.start), end: hhmm(s.end) })));
  }, [schedule.data]);
  const update = (index: number, change: Partial<Session>): void => setSessions((all) => all.map((s, i) => (i === index ? { ...s, ...change } : s)));

  if (!schedule.data) return <PageLoader />;
  return (
    <Stack gap="sm">
      <Text size="sm">{t('schedule.intro', { zone: timeZoneName(schedule.data.timeZone, i18n.language) })}</Text>
      {sessions.length === 0 && <Text c="dimmed">{t('schedule.empty')}</Text>}
      <Table.ScrollContainer minWidth={640}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('schedule.day')}</Table.Th>
              <Table.Th>{t('schedule.start')}</Table.Th>
              <Table.Th>{t('schedule.end')}</Table.Th>
              <Table.Th>{t('schedule.slotMinutes')}</Table.Th>
              <Table.Th>{t('schedule.inPerson')}</Table.Th>
              <Table.Th>{t('schedule.video')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sessions.map((s, i) => (
              <Table.Tr key={i}>
                <Table.Td>
                  <Select aria-label={t('schedule.day')} value={s.day} onChange={(v) => update(i, { day: (v ?? 'Monday') })} data={days.map((d) => ({ value: d, label: t(`schedule.days.${d}`) }))} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="time" aria-label={t('schedule.start')} value={s.start} onChange={(e) => update(i, { start: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <TextInput type="time" aria-label={t('schedule.end')} value={s.end} onChange={(e) => update(i, { end: e.currentTarget.value })} />
                </Table.Td>
                <Table.Td>
                  <NumberInput aria-label={t('schedule.slotMinutes')} min={5} max={240} value={s.slotMinutes} onChange={(v) => update(i, { slotMinutes: Number(v) || 30 })} />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('schedule.inPerson')} checked={s.inPerson} onChange={(e) => update(i, { inPerson: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <Checkbox aria-label={t('schedule.video')} checked={s.video} onChange={(e) => update(i, { video: e.currentTarget.checked })} />
                </Table.Td>
                <Table.Td>
                  <Button size="xs" variant="subtle" color="red" aria-label={t('schedule.removeLabel', { day: t(`schedule.days.${s.day}`), start: s.start })} onClick={() => setSessions((all) => all.filter((_, j) => j !== i))}>
                    {t('schedule.remove')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {save.isError && <ProblemAlert error={save.error} />}
      <Group justify="space-between">
        <Button variant="light" onClick={() => setSessions((all) => [...all, { day: 'Monday', start: '09:00', end: '12:00', slotMinutes: 30, inPerson: true, video: false }])}>
          {t('schedule.add')}
        </Button>
        <Button
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { doctorId, sessions: sessions.map((s) => ({ ...s, start: withSeconds(s.start), end: withSeconds(s.end) })) },
              { onSuccess: (change) => notifications.show({ message: t('schedule.saved', { created: change.slots.created, retired: change.slots.retired, kept: change.slots.bookedKept }) }) },
            )
          }
        >
          {t('schedule.save')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Admin: one doctor's profile, fees, online eligibility and weekly timetable. */
export default function AdminDoctorRoute(): ReactNode {
  const { t } = useTranslation('hospitalAdmin');
  const { doctorId } = useParams();
  const doctor = useAdminDoctor(doctorId);
  const departments = useAdminDepartments();
  const update = useUpdateDoctor();

  if (doctor.isPending || departments.isPending) return <PageLoader />;
  if (doctor.isError) {
    return (
      <Page title={t('doctors.title')}>
        <Alert color="red" role="alert">
          {problemMessage(doctor.error, t)}
        </Alert>
      </Page>
    );
  }

  return (
    <Page title={doctor.data.profile.fullName} description={<Text>{doctor.data.eligibleForOnlinePractice ? t('doctors.eligible') : t('doctors.notEligible')}</Text>}>
      <Card withBorder padding="md" component="section" aria-labelledby="profile-title">
        <Title order={2} size="h4" id="profile-title" mb="sm">
          {t('doctors.saveProfile')}
        </Title>
        <DoctorProfileForm
          key={doctor.data.id}
          initial={doctor.data.profile}
          departments={departments.data ?? []}
          submitLabel={t('doctors.saveProfile')}
          busy={update.isPending}
          onSubmit={(profile, { onError }) => update.mutate({ id: doctor.data.id, profile }, { onSuccess: () => notifications.show({ message: t('saved') }), onError })}
        />
      </Card>
      <Card withBorder padding="md" component="section" aria-labelledby="schedule-title">
        <Title order={2} size="h4" id="schedule-title" mb="sm">
          {t('schedule.title')}
        </Title>
        <ScheduleEditor doctorId={doctor.data.id} />
      </Card>
    </Page>
  );
}
