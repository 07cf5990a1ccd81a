import { ActionIcon, Alert, Button, Checkbox, Group, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconArrowsExchange, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ProblemAlert } from '@/components/problem-alert';
import { usePanel } from '@/features/family/api/get-panel';
import { useFollowUpTemplates } from '@/features/family/api/get-follow-up-templates';
import {
  localName,
  useDecideReferral,
  useReferableReports,
  useReferral,
  useReferralTargets,
  useReferDown,
  useReferrals,
  useReferUp,
  type Referral,
} from '@/features/referrals/api/referrals';
import { ReferralCard } from '@/features/referrals/components/referral-card';
import { frequencyText } from '@/features/renewals/lib/format';
import { formatInstant } from '@/lib/date-time';

type Tab = 'Incoming' | 'Outgoing' | 'New';

/** The doctor's referrals (转诊): incoming to decide on, outgoing from the institution, and a new referral. */
export default function DoctorReferralsRoute(): ReactNode {
  const { t } = useTranslation('referrals');
  const [tab, setTab] = useState<Tab>('Incoming');
  return (
    <Page title={t('pages.doctor')} description={<Text c="dimmed">{t('pages.doctorHelp')}</Text>}>
      <SegmentedControl
        value={tab}
        onChange={(value) => setTab(value)}
        data={[
          { value: 'Incoming', label: t('tabs.incoming') },
          { value: 'Outgoing', label: t('tabs.outgoing') },
          { value: 'New', label: t('tabs.new') },
        ]}
        fullWidth
      />
      {tab === 'New' ? <NewReferral onSent={() => setTab('Outgoing')} /> : <ReferralList box={tab} />}
    </Page>
  );
}

function ReferralList({ box }: { box: 'Incoming' | 'Outgoing' }): ReactNode {
  const { t } = useTranslation('referrals');
  const referrals = useReferrals(box);
  if (referrals.isPending) return <PageLoader />;
  if (referrals.isError) return <ProblemAlert error={referrals.error} />;
  if (referrals.data.length === 0) return <EmptyStateCard title={t(`empty.${box}Title`)} message={t(`empty.${box}`)} icon={<IconArrowsExchange size={20} />} />;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t(`tabs.${box === 'Incoming' ? 'incoming' : 'outgoing'}`)}>
      {referrals.data.map((referral) => (
        <ReferralCard key={referral.id} referral={referral} showPatient>
          {(referral.canDecide || referral.canCancel) && <Decisions referral={referral} />}
        </ReferralCard>
      ))}
    </Stack>
  );
}

function Decisions({ referral }: { referral: Referral }): ReactNode {
  const { t, i18n } = useTranslation('referrals');
  const decide = useDecideReferral(referral.id);
  const detail = useReferral(referral.canDecide && referral.direction === 'Up' ? referral.id : undefined);
  const [slotId, setSlotId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const slots = (detail.data?.reservedSlots ?? []).map((s) => ({ value: s.slotId, label: `${formatInstant(s.start, i18n.language)} · ${s.doctorName}` }));
  const up = referral.direction === 'Up';
  return (
    <Stack gap="xs">
      {decide.isError && <ProblemAlert error={decide.error} />}
      {referral.canDecide && up && ['Created', 'Accepted', 'AppointmentProposed'].includes(referral.status) && (
        <Group align="end" wrap="wrap">
          <Select label={t('decide.slot')} placeholder={slots.length === 0 ? t('decide.noSlots') : undefined} data={slots} value={slotId} onChange={setSlotId} style={{ flex: 1, minWidth: 200 }} />
          {referral.status === 'Created' ? (
            <Button disabled={!slotId} loading={decide.isPending} onClick={() => slotId && decide.mutate({ action: 'accept', slotId })}>
              {t('decide.acceptWithSlot')}
            </Button>
          ) : (
            <Button disabled={!slotId} loading={decide.isPending} onClick={() => slotId && decide.mutate({ action: 'propose', slotId })}>
              {t('decide.propose')}
            </Button>
          )}
        </Group>
      )}
      {referral.canDecide && !up && referral.status === 'Created' && (
        <Button loading={decide.isPending} onClick={() => decide.mutate({ action: 'accept' })}>
          {t('decide.acceptDown')}
        </Button>
      )}
      {referral.canDecide && referral.status === 'Created' && (
        <Group align="end" wrap="wrap">
          <TextInput label={t('decide.declineReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
          <Button color="red" variant="light" disabled={!reason.trim()} loading={decide.isPending} onClick={() => decide.mutate({ action: 'decline', reason })}>
            {t('decide.decline')}
          </Button>
        </Group>
      )}
      {referral.canDecide && ((up && referral.status === 'Booked') || (!up && referral.status === 'Accepted')) && (
        <Button variant="light" loading={decide.isPending} onClick={() => decide.mutate({ action: 'complete' })}>
          {t('decide.complete')}
        </Button>
      )}
      {referral.canCancel && (
        <Button color="gray" variant="subtle" loading={decide.isPending} onClick={() => decide.mutate({ action: 'cancel' })}>
          {t('decide.cancel')}
        </Button>
      )}
    </Stack>
  );
}

function NewReferral({ onSent }: { onSent: () => void }): ReactNode {
  const targets = useReferralTargets();
  if (targets.isPending) return <PageLoader />;
  if (targets.isError) return <ProblemAlert error={targets.error} />;
  return targets.data.myFacilityKind === 'CommunityHealthCentre' ? (
    <ReferUpForm departments={targets.data.departments} onSent={onSent} />
  ) : (
    <ReferDownForm teams={targets.data.teams} onSent={onSent} />
  );
}

function ReferUpForm({ departments, onSent }: { departments: { id: string; name: string; nameEn: string; facilityName: string; facilityNameEn: string }[]; onSent: () => void }): ReactNode {
  const { t, i18n } = useTranslation('referrals');
  const panel = usePanel({ pageSize: 100 });
  const [patientId, setPatientId] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [urgency, setUrgency] = useState<'Routine' | 'Urgent'>('Routine');
  const [reason, setReason] = useState('');
  const [question, setQuestion] = useState('');
  const [reportIds, setReportIds] = useState<string[]>([]);
  const reports = useReferableReports(patientId);
  const referUp = useReferUp();
  return (
    <Stack component="form" gap="sm" aria-label={t('form.up')} onSubmit={(event) => {
      event.preventDefault();
      if (patientId && departmentId) {
        referUp.mutate({ patientId, departmentId, urgency, reason, clinicalQuestion: question, labReportIds: reportIds }, { onSuccess: onSent });
      }
    }}>
      <Text fw={500}>{t('form.up')}</Text>
      {referUp.isError && <ProblemAlert error={referUp.error} />}
      <Select label={t('form.patient')} searchable data={(panel.data?.items ?? []).map((p) => ({ value: p.patientId, label: `${p.name} · ${p.maskedIdNumber}` }))} value={patientId} onChange={(value) => { setPatientId(value); setReportIds([]); }} required />
      <Select label={t('form.department')} searchable data={departments.map((d) => ({ value: d.id, label: `${localName(d, i18n.language)} · ${i18n.language.startsWith('en') ? d.facilityNameEn : d.facilityName}` }))} value={departmentId} onChange={setDepartmentId} required />
      <SegmentedControl value={urgency} onChange={(value) => setUrgency(value)} data={[{ value: 'Routine', label: t('urgency.Routine') }, { value: 'Urgent', label: t('urgency.Urgent') }]} />
      <Textarea label={t('form.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} required maxLength={1000} autosize minRows={2} />
      <Textarea label={t('form.question')} value={question} onChange={(event) => setQuestion(event.currentTarget.value)} maxLength={2000} autosize minRows={2} />
      {patientId && (
        <Checkbox.Group label={t('form.reports')} value={reportIds} onChange={setReportIds}>
          <Stack gap={4} mt={4}>
            {(reports.data ?? []).length === 0 && <Text size="sm" c="dimmed">{t('form.noReports')}</Text>}
            {(reports.data ?? []).map((r) => (
              <Checkbox key={r.id} value={r.id} label={`${r.name} · ${formatInstant(r.issuedAt, i18n.language)}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Button type="submit" loading={referUp.isPending} disabled={!patientId || !departmentId || !reason.trim()}>
        {t('form.send')}
      </Button>
    </Stack>
  );
}

const frequencies = ['qd', 'bid', 'tid', 'qid', 'qn', 'qm', 'q12h', 'q8h', 'qod', 'qw'] as const;
// The server's limits (Referral.MaxMedicines, Referral.MaxTasks).
const maxMedicines = 20;
const maxTasks = 10;

interface MedicineRow {
  key: number;
  drugCode: string;
  doseAmount: number | '';
  frequency: string;
  days: number | '';
}

interface TaskRow {
  key: number;
  templateCode: string | null;
  dueOn: string;
}

let rowKey = 0;
const newMedicine = (): MedicineRow => ({ key: ++rowKey, drugCode: '', doseAmount: 1, frequency: 'qd', days: 28 });
const newTask = (): TaskRow => ({ key: ++rowKey, templateCode: null, dueOn: '' });

function ReferDownForm({ teams, onSent }: { teams: { id: string; name: string; nameEn: string; facilityName: string; facilityNameEn: string }[]; onSent: () => void }): ReactNode {
  const { t, i18n } = useTranslation('referrals');
  const incoming = useReferrals('Incoming');
  const templates = useFollowUpTemplates();
  const [patientId, setPatientId] = useState<string | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [carePlan, setCarePlan] = useState('');
  const [medicines, setMedicines] = useState<MedicineRow[]>([]);
  const [tasks, setTasks] = useState<TaskRow[]>(() => [newTask()]);
  const referDown = useReferDown();
  // Note: the patients a hospital doctor sends back down are mostly the ones the community referred up.
  const patients = [...new Map((incoming.data ?? []).filter((r) => r.direction === 'Up').map((r) => [r.patientId, r.patientName])).entries()];
  const templateOptions = (templates.data ?? []).map((tpl) => ({ value: tpl.code, label: i18n.language.startsWith('en') ? tpl.titleEn : tpl.title }));
  const frequencyOptions = frequencies.map((code) => ({ value: code, label: frequencyText(i18n.t, code) }));
  const changeMedicine = (key: number, change: Partial<MedicineRow>): void => setMedicines((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const changeTask = (key: number, change: Partial<TaskRow>): void => setTasks((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  // A medicine row is sent once it names a drug; the server checks the code against the catalogue (drug_not_in_catalogue).
  const medicineLines = medicines
    .filter((m) => m.drugCode.trim())
    .map((m) => ({ drugCode: m.drugCode.trim(), doseAmount: Number(m.doseAmount), frequency: m.frequency, route: 'oral', days: Number(m.days) }));
  const medicinesComplete = medicineLines.every((m) => m.doseAmount > 0 && m.days >= 1 && m.days <= 84);
  const taskLines = tasks.flatMap((task) => (task.templateCode && task.dueOn ? [{ templateCode: task.templateCode, dueOn: task.dueOn }] : []));
  return (
    <Stack component="form" gap="sm" aria-label={t('form.down')} onSubmit={(event) => {
      event.preventDefault();
      if (patientId && teamId && medicinesComplete) {
        referDown.mutate({ patientId, teamId, reason, carePlan, medicines: medicineLines, tasks: taskLines }, { onSuccess: onSent });
      }
    }}>
      <Text fw={500}>{t('form.down')}</Text>
      {referDown.isError && <ProblemAlert error={referDown.error} />}
      {referDown.isSuccess && <Alert color="green">{t('form.sent')}</Alert>}
      <Select label={t('form.patient')} data={patients.map(([id, name]) => ({ value: id, label: name }))} value={patientId} onChange={setPatientId} required />
      <Select label={t('form.team')} data={teams.map((d) => ({ value: d.id, label: `${localName(d, i18n.language)} · ${i18n.language.startsWith('en') ? d.facilityNameEn : d.facilityName}` }))} value={teamId} onChange={setTeamId} required />
      <Textarea label={t('form.reason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} required maxLength={1000} autosize minRows={2} />
      <Textarea label={t('form.carePlan')} value={carePlan} onChange={(event) => setCarePlan(event.currentTarget.value)} maxLength={2000} autosize minRows={2} />

      <Stack gap="xs" role="group" aria-label={t('form.medicines')}>
        <Text size="sm" fw={500}>{t('form.medicines')}</Text>
        {medicines.length === 0 && <Text size="sm" c="dimmed">{t('form.noMedicines')}</Text>}
        {medicines.map((m, index) => (
          <Group key={m.key} align="end" wrap="wrap" gap="xs" role="group" aria-label={t('form.medicineN', { n: index + 1 })}>
            <TextInput label={t('form.drugCode')} description={index === 0 ? t('form.drugCodeHelp') : undefined} value={m.drugCode} onChange={(event) => changeMedicine(m.key, { drugCode: event.currentTarget.value })} maxLength={32} style={{ flex: 2, minWidth: 140 }} />
            <NumberInput label={t('form.dose')} value={m.doseAmount} onChange={(value) => changeMedicine(m.key, { doseAmount: typeof value === 'number' ? value : '' })} min={0} max={9999} decimalScale={3} hideControls style={{ width: 90 }} />
            <Select label={t('form.frequency')} data={frequencyOptions} value={m.frequency} onChange={(value) => changeMedicine(m.key, { frequency: value ?? 'qd' })} allowDeselect={false} style={{ width: 150 }} />
            <NumberInput label={t('form.days')} value={m.days} onChange={(value) => changeMedicine(m.key, { days: typeof value === 'number' ? value : '' })} min={1} max={84} allowDecimal={false} hideControls style={{ width: 80 }} />
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('form.removeMedicine', { n: index + 1 })} onClick={() => setMedicines((rows) => rows.filter((row) => row.key !== m.key))}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        {!medicinesComplete && <Text size="sm" c="red">{t('form.medicineIncomplete')}</Text>}
        <Button variant="light" leftSection={<IconPlus size={16} />} disabled={medicines.length >= maxMedicines} onClick={() => setMedicines((rows) => [...rows, newMedicine()])} style={{ alignSelf: 'flex-start' }}>
          {t('form.addMedicine')}
        </Button>
      </Stack>

      <Stack gap="xs" role="group" aria-label={t('form.tasks')}>
        <Text size="sm" fw={500}>{t('form.tasks')}</Text>
        {tasks.map((task, index) => (
          <Group key={task.key} align="end" wrap="wrap" gap="xs" role="group" aria-label={t('form.taskN', { n: index + 1 })}>
            <Select label={t('form.task')} data={templateOptions} value={task.templateCode} onChange={(value) => changeTask(task.key, { templateCode: value })} clearable style={{ flex: 1, minWidth: 200 }} />
            <TextInput type="date" label={t('form.dueOn')} value={task.dueOn} onChange={(event) => changeTask(task.key, { dueOn: event.currentTarget.value })} />
            <ActionIcon variant="subtle" color="gray" size="lg" aria-label={t('form.removeTask', { n: index + 1 })} onClick={() => setTasks((rows) => rows.filter((row) => row.key !== task.key))}>
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Button variant="light" leftSection={<IconPlus size={16} />} disabled={tasks.length >= maxTasks} onClick={() => setTasks((rows) => [...rows, newTask()])} style={{ alignSelf: 'flex-start' }}>
          {t('form.addTask')}
        </Button>
      </Stack>

      <Button type="submit" loading={referDown.isPending} disabled={!patientId || !teamId || !reason.trim() || !medicinesComplete}>
        {t('form.send')}
      </Button>
    </Stack>
  );
}
