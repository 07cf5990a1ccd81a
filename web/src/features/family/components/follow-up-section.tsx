import { Alert, Button, Card, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemMessage } from '@/lib/problem-message';
import { formatDate, formatDateTime, parseInstant } from '@/lib/date-time';
import { useCompleteFollowUpTask } from '../api/complete-follow-up-task';
import { useFollowUpTemplates } from '../api/get-follow-up-templates';
import type { FollowUpPlan, FollowUpTask } from '../api/get-patient-summary';
import { useStartFollowUpPlan } from '../api/start-follow-up-plan';
import { useStopFollowUpPlan } from '../api/stop-follow-up-plan';
import { videoFollowUpBookingPath } from '../lib/booking-seam';
import { localized } from '../lib/format';
import { Tag } from './tag';

const statusColors: Record<FollowUpTask['status'], string> = { Due: 'blue', Completed: 'green', Booked: 'cyan', Cancelled: 'gray' };

function day(value: string, language: string): string {
  return formatDate(new Date(`${value}T00:00:00+08:00`), language);
}

function TaskRow({ task, patientId }: { task: FollowUpTask; patientId: string }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const complete = useCompleteFollowUpTask();
  const [completing, setCompleting] = useState(false);
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  const open = task.status === 'Due' || task.status === 'Booked';

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!note.trim()) {
      setMissing(true);
      return;
    }
    complete.mutate({ taskId: task.id, note: note.trim() }, { onSuccess: () => setCompleting(false) });
  };

  return (
    <Stack gap={4} component="li">
      <Group gap="xs" wrap="wrap">
        <Text fw={open ? 600 : 400}>{t('followUp.dueOn', { date: day(task.dueOn, language) })}</Text>
        <Tag color={task.overdue ? 'red' : statusColors[task.status]}>
          {task.overdue ? t('followUp.overdue') : t(`followUp.status.${task.status}`)}
        </Tag>
      </Group>
      {task.status === 'Booked' && task.appointmentStartsAt ? (
        <Text size="sm">{t('followUp.booked', { time: formatDateTime(parseInstant(task.appointmentStartsAt) ?? new Date(), language) })}</Text>
      ) : null}
      {task.note ? <Text size="sm">{t('followUp.note', { note: task.note })}</Text> : null}
      {open && !completing ? (
        <Group gap="xs">
          <Button size="xs" onClick={() => setCompleting(true)}>
            {t('followUp.complete')}
          </Button>
          {videoFollowUpBookingPath && task.status === 'Due' ? (
            <Button size="xs" variant="light" component={Link} to={videoFollowUpBookingPath(patientId, task.id)}>
              {t('followUp.bookVideo')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {completing ? (
        <form noValidate onSubmit={submit}>
          <Stack gap="xs">
            {complete.error ? (
              <Text size="sm" c="red.9" role="alert">
                {problemMessage(complete.error, t)}
              </Text>
            ) : null}
            <Textarea
              label={t('followUp.noteLabel')}
              required
              autosize
              minRows={2}
              maxLength={1000}
              value={note}
              error={missing ? t('followUp.noteRequired') : undefined}
              onChange={(event) => {
                setNote(event.currentTarget.value);
                setMissing(false);
              }}
            />
            <Group gap="xs">
              <Button type="submit" size="xs" loading={complete.isPending}>
                {t('followUp.completeConfirm')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setCompleting(false)}>
                {t('cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}

function PlanCard({ plan, patientId }: { plan: FollowUpPlan; patientId: string }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const stop = useStopFollowUpPlan();
  const active = plan.stoppedAt === null;
  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={700}>{localized(plan.title, plan.titleEn, language)}</Text>
        <Text size="sm" c="dimmed">
          {active ? t('followUp.every', { count: plan.intervalMonths }) : t('followUp.stopped')}
        </Text>
      </Group>
      <Stack gap="sm" mt="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {plan.tasks.slice(0, 4).map((task) => (
          <TaskRow key={task.id} task={task} patientId={patientId} />
        ))}
      </Stack>
      {active ? (
        <Group mt="xs">
          <Button size="xs" variant="subtle" color="gray" loading={stop.isPending} onClick={() => stop.mutate(plan.id)}>
            {t('followUp.stop')}
          </Button>
        </Group>
      ) : null}
    </Card>
  );
}

function StartPlanForm({ patientId, running }: { patientId: string; running: string[] }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const templates = useFollowUpTemplates();
  const start = useStartFollowUpPlan();
  const available = (templates.data ?? []).filter((tpl) => !running.includes(tpl.code));
  const [code, setCode] = useState('');
  const [firstDueOn, setFirstDueOn] = useState('');
  if (available.length === 0) return null;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const templateCode = code || available[0]!.code;
    start.mutate({ patientId, templateCode, firstDueOn: firstDueOn || undefined }, { onSuccess: () => setFirstDueOn('') });
  };

  return (
    <form noValidate onSubmit={submit} aria-label={t('followUp.startLabel')}>
      <Stack gap="xs">
        {start.error ? (
          <Alert color="red" role="alert">
            {problemMessage(start.error, t)}
          </Alert>
        ) : null}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t('followUp.template')}
            value={code || available[0]!.code}
            data={available.map((tpl) => ({ value: tpl.code, label: `${localized(tpl.title, tpl.titleEn, language)} (${t('followUp.every', { count: tpl.intervalMonths })})` }))}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <TextInput type="date" label={t('followUp.firstDue')} description={t('followUp.firstDueHelp')} value={firstDueOn} onChange={(event) => setFirstDueOn(event.currentTarget.value)} />
          <Button type="submit" loading={start.isPending}>
            {t('followUp.start')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The patient's follow-up plans: tasks due, completed with a note, or booked as a video follow-up. */
export function FollowUpSection({ patientId, plans }: { patientId: string; plans: FollowUpPlan[] }): ReactNode {
  const { t } = useTranslation('family');
  return (
    <Stack gap="sm" component="section" aria-labelledby="follow-up-heading">
      <Title order={2} size="h3" id="follow-up-heading">
        {t('followUp.title')}
      </Title>
      {plans.length === 0 ? <Text c="dimmed">{t('followUp.none')}</Text> : null}
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} patientId={patientId} />
        ))}
      </Stack>
      <StartPlanForm patientId={patientId} running={plans.filter((p) => p.stoppedAt === null).map((p) => p.templateCode)} />
    </Stack>
  );
}
