import { Alert, Button, Checkbox, FileButton, Group, MultiSelect, NumberInput, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconStethoscope, IconUpload } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ProblemAlert } from '@/components/problem-alert';
import {
  dispositions,
  localName,
  useConsultations,
  useConsultationTargets,
  useDecideConsultation,
  useRequestConsultation,
  useUploadConsultationFile,
  type Consultation,
  type Disposition,
} from '@/features/consultations/api/consultations';
import { ConsultationCard } from '@/features/consultations/components/consultation-card';
import { usePanel } from '@/features/family/api/get-panel';
import { useStudies } from '@/features/imaging/api/get-studies';
import { useReferableReports } from '@/features/referrals/api/referrals';
import { formatInstant } from '@/lib/date-time';

type Tab = 'Incoming' | 'Outgoing' | 'New';

/** The doctor's remote consultations (远程会诊): incoming to answer, outgoing ones asked, and a new request. */
export default function DoctorConsultationsRoute(): ReactNode {
  const { t } = useTranslation('consultations');
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
      {tab === 'New' ? <NewConsultation onSent={() => setTab('Outgoing')} /> : <ConsultationList box={tab} />}
    </Page>
  );
}

function ConsultationList({ box }: { box: 'Incoming' | 'Outgoing' }): ReactNode {
  const { t } = useTranslation('consultations');
  const consultations = useConsultations(box);
  if (consultations.isPending) return <PageLoader />;
  if (consultations.isError) return <ProblemAlert error={consultations.error} />;
  if (consultations.data.length === 0) return <EmptyStateCard title={t(`empty.${box}Title`)} message={t(`empty.${box}`)} icon={<IconStethoscope size={20} />} />;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t(box === 'Incoming' ? 'tabs.incoming' : 'tabs.outgoing')}>
      {consultations.data.map((consultation) => (
        <ConsultationCard key={consultation.id} consultation={consultation} showPatient>
          <Actions consultation={consultation} />
        </ConsultationCard>
      ))}
    </Stack>
  );
}

/** A local date-time input's value (no zone) as an instant in the browser's zone. */
function toInstant(local: string): string {
  return new Date(local).toISOString();
}

function Actions({ consultation }: { consultation: Consultation }): ReactNode {
  const { t } = useTranslation('consultations');
  const decide = useDecideConsultation(consultation.id);
  const [start, setStart] = useState('');
  const [invitePatient, setInvitePatient] = useState(false);
  const [reason, setReason] = useState('');
  const scheduled = consultation.status === 'Scheduled';
  return (
    <Stack gap="xs">
      {decide.isError && <ProblemAlert error={decide.error} />}
      {consultation.canDecide && (consultation.status === 'Requested' || scheduled) && (
        <Group align="end" wrap="wrap">
          <TextInput type="datetime-local" label={t('decide.start')} value={start} onChange={(event) => setStart(event.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
          {consultation.mode === 'Video' && (
            <Checkbox label={t('decide.invitePatient')} checked={invitePatient} onChange={(event) => setInvitePatient(event.currentTarget.checked)} />
          )}
          <Button disabled={!start} loading={decide.isPending} onClick={() => decide.mutate({ action: 'schedule', start: toInstant(start), invitePatient })}>
            {t('decide.schedule')}
          </Button>
        </Group>
      )}
      {consultation.canDecide && consultation.status === 'Requested' && (
        <Group align="end" wrap="wrap">
          <TextInput label={t('decide.declineReason')} value={reason} onChange={(event) => setReason(event.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
          <Button color="red" variant="light" disabled={!reason.trim()} loading={decide.isPending} onClick={() => decide.mutate({ action: 'decline', reason })}>
            {t('decide.decline')}
          </Button>
        </Group>
      )}
      {consultation.canSign && scheduled && consultation.mode === 'Video' && (
        <Button loading={decide.isPending} onClick={() => decide.mutate({ action: 'start' })}>
          {t('decide.openRoom')}
        </Button>
      )}
      {consultation.roomId && (
        <Button component={Link} to={`/visits/${consultation.roomId}`} variant="filled" color="teal">
          {t('decide.joinRoom')}
        </Button>
      )}
      {consultation.canSign && (consultation.status === 'InProgress' || (scheduled && consultation.mode === 'Written')) && <OpinionForm consultation={consultation} />}
      {consultation.canAmend && <AddendumForm consultation={consultation} />}
      {consultation.canCancel && (
        <Button color="gray" variant="subtle" loading={decide.isPending} onClick={() => decide.mutate({ action: 'cancel' })}>
          {t('decide.cancel')}
        </Button>
      )}
    </Stack>
  );
}

function OpinionForm({ consultation }: { consultation: Consultation }): ReactNode {
  const { t } = useTranslation('consultations');
  const decide = useDecideConsultation(consultation.id);
  const [text, setText] = useState('');
  const [disposition, setDisposition] = useState<Disposition | null>(null);
  const [tests, setTests] = useState('');
  const [medication, setMedication] = useState('');
  const [followUp, setFollowUp] = useState<number | ''>('');
  return (
    <Stack component="form" gap="xs" aria-label={t('decide.sign')} onSubmit={(event) => {
      event.preventDefault();
      if (disposition) {
        decide.mutate({
          action: 'opinion',
          text,
          disposition,
          suggestedTests: tests || undefined,
          suggestedMedication: medication || undefined,
          followUpInDays: typeof followUp === 'number' ? followUp : undefined,
        });
      }
    }}>
      {decide.isError && <ProblemAlert error={decide.error} />}
      <Textarea label={t('decide.opinionText')} value={text} onChange={(event) => setText(event.currentTarget.value)} required maxLength={8000} autosize minRows={3} />
      <Select label={t('decide.disposition')} data={dispositions.map((d) => ({ value: d, label: t(`disposition.${d}`) }))} value={disposition} onChange={(value) => setDisposition(value)} required />
      <TextInput label={t('decide.tests')} value={tests} onChange={(event) => setTests(event.currentTarget.value)} maxLength={1000} />
      <TextInput label={t('decide.medication')} value={medication} onChange={(event) => setMedication(event.currentTarget.value)} maxLength={1000} />
      <NumberInput label={t('decide.followUpDays')} value={followUp} onChange={(value) => setFollowUp(typeof value === 'number' ? value : '')} min={1} max={365} allowDecimal={false} />
      <Button type="submit" disabled={!text.trim() || !disposition} loading={decide.isPending}>
        {t('decide.sign')}
      </Button>
    </Stack>
  );
}

function AddendumForm({ consultation }: { consultation: Consultation }): ReactNode {
  const { t } = useTranslation('consultations');
  const decide = useDecideConsultation(consultation.id);
  const [text, setText] = useState('');
  return (
    <Group align="end" wrap="wrap">
      {decide.isError && <ProblemAlert error={decide.error} />}
      <TextInput label={t('decide.addendum')} value={text} onChange={(event) => setText(event.currentTarget.value)} style={{ flex: 1, minWidth: 200 }} />
      <Button variant="light" disabled={!text.trim()} loading={decide.isPending} onClick={() => decide.mutate({ action: 'addenda', text }, { onSuccess: () => setText('') })}>
        {t('decide.addAddendum')}
      </Button>
    </Group>
  );
}

function NewConsultation({ onSent }: { onSent: () => void }): ReactNode {
  const { t, i18n } = useTranslation('consultations');
  const language = i18n.language;
  const targets = useConsultationTargets();
  const panel = usePanel({ pageSize: 100 });
  const request = useRequestConsultation();
  const upload = useUploadConsultationFile();
  const [patientId, setPatientId] = useState<string | null>(null);
  const [mode, setMode] = useState<'Video' | 'Written'>('Video');
  const [urgency, setUrgency] = useState<'Routine' | 'Urgent'>('Routine');
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [departmentId, setDepartmentId] = useState<string | null>(null);
  const [specialistIds, setSpecialistIds] = useState<string[]>([]);
  const [question, setQuestion] = useState('');
  const [consentMethod, setConsentMethod] = useState<'InApp' | 'Paper'>('InApp');
  const [givenBy, setGivenBy] = useState('');
  const [reportIds, setReportIds] = useState<string[]>([]);
  const [studyUids, setStudyUids] = useState<string[]>([]);
  const [files, setFiles] = useState<{ id: string; fileName: string }[]>([]);
  const reports = useReferableReports(patientId);
  const studies = useStudies('doctor', patientId ?? undefined);
  if (targets.isPending) return <PageLoader />;
  if (targets.isError) return <ProblemAlert error={targets.error} />;
  const institution = targets.data.find((i) => i.id === institutionId);
  const department = institution?.departments.find((d) => d.id === departmentId);
  const doctors = department ? department.doctors : (institution?.departments.flatMap((d) => d.doctors) ?? []);
  const choosePatient = (value: string | null): void => {
    setPatientId(value);
    setReportIds([]);
    setStudyUids([]);
    setFiles([]);
  };
  return (
    <Stack component="form" gap="sm" aria-label={t('form.title')} onSubmit={(event) => {
      event.preventDefault();
      if (patientId) {
        request.mutate(
          {
            patientId,
            mode,
            urgency,
            question,
            departmentId,
            specialistDoctorIds: specialistIds,
            consent: consentMethod === 'Paper' ? { method: 'Paper', givenBy } : { method: 'InApp' },
            labReportIds: reportIds,
            studyInstanceUids: studyUids,
            fileIds: files.map((f) => f.id),
          },
          { onSuccess: onSent },
        );
      }
    }}>
      <Text fw={500}>{t('form.title')}</Text>
      {request.isError && <ProblemAlert error={request.error} />}
      <Select label={t('form.patient')} searchable data={(panel.data?.items ?? []).map((p) => ({ value: p.patientId, label: `${p.name} · ${p.maskedIdNumber}` }))} value={patientId} onChange={choosePatient} required />
      <SegmentedControl value={mode} onChange={(value) => setMode(value)} aria-label={t('form.mode')} data={[{ value: 'Video', label: t('mode.Video') }, { value: 'Written', label: t('mode.Written') }]} />
      <SegmentedControl value={urgency} onChange={(value) => setUrgency(value)} data={[{ value: 'Routine', label: t('urgency.Routine') }, { value: 'Urgent', label: t('urgency.Urgent') }]} />
      <Select label={t('form.institution')} data={targets.data.map((i) => ({ value: i.id, label: localName(i, language) }))} value={institutionId} onChange={(value) => { setInstitutionId(value); setDepartmentId(null); setSpecialistIds([]); }} required />
      <Select label={t('form.department')} data={(institution?.departments ?? []).map((d) => ({ value: d.id, label: localName(d, language) }))} value={departmentId} onChange={(value) => { setDepartmentId(value); setSpecialistIds([]); }} clearable />
      <MultiSelect label={t('form.specialists')} data={doctors.map((d) => ({ value: d.id, label: `${d.name} · ${language.startsWith('en') ? d.titleEn : d.title}` }))} value={specialistIds} onChange={setSpecialistIds} maxValues={mode === 'Video' ? 2 : 5} searchable />
      <Textarea label={t('form.question')} value={question} onChange={(event) => setQuestion(event.currentTarget.value)} required maxLength={2000} autosize minRows={3} />
      <Stack gap={4} role="group" aria-label={t('form.consent')}>
        <Text size="sm" fw={500}>{t('form.consent')}</Text>
        <SegmentedControl value={consentMethod} onChange={(value) => setConsentMethod(value)} data={[{ value: 'InApp', label: t('form.consentInApp') }, { value: 'Paper', label: t('form.consentPaper') }]} />
        {consentMethod === 'Paper' ? (
          <TextInput label={t('form.consentGivenBy')} value={givenBy} onChange={(event) => setGivenBy(event.currentTarget.value)} maxLength={100} required />
        ) : (
          <Text size="sm" c="dimmed">{t('form.consentHelp')}</Text>
        )}
      </Stack>
      {patientId && (
        <>
          <Checkbox.Group label={t('form.reports')} value={reportIds} onChange={setReportIds}>
            <Stack gap={4} mt={4}>
              {(reports.data ?? []).length === 0 && <Text size="sm" c="dimmed">{t('form.noReports')}</Text>}
              {(reports.data ?? []).map((r) => (
                <Checkbox key={r.id} value={r.id} label={`${r.name} · ${formatInstant(r.issuedAt, language)}`} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Checkbox.Group label={t('form.studies')} value={studyUids} onChange={setStudyUids}>
            <Stack gap={4} mt={4}>
              {(studies.data ?? []).length === 0 && <Text size="sm" c="dimmed">{t('form.noStudies')}</Text>}
              {(studies.data ?? []).map((s) => (
                <Checkbox key={s.studyInstanceUid} value={s.studyInstanceUid} label={[s.modalities, s.description, s.studyDate].filter(Boolean).join(' · ') || s.studyInstanceUid} />
              ))}
            </Stack>
          </Checkbox.Group>
          <Group gap="xs">
            <FileButton accept="image/*,application/pdf" onChange={(file) => file && upload.mutate({ patientId, file }, { onSuccess: (stored) => setFiles((list) => [...list, stored]) })}>
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconUpload size={16} />} loading={upload.isPending}>
                  {t('form.files')}
                </Button>
              )}
            </FileButton>
            {files.length > 0 && <Text size="sm">{t('form.uploaded', { names: files.map((f) => f.fileName).join('、') })}</Text>}
          </Group>
          {upload.isError && <ProblemAlert error={upload.error} />}
        </>
      )}
      {request.isSuccess && <Alert color="green">{t('form.sent')}</Alert>}
      <Button type="submit" loading={request.isPending} disabled={!patientId || !institutionId || (!departmentId && specialistIds.length === 0) || !question.trim() || (consentMethod === 'Paper' && !givenBy.trim())}>
        {t('form.send')}
      </Button>
    </Stack>
  );
}
