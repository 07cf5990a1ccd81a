import { Button, Card, CloseButton, Group, Modal, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { hospitalTimeZone } from '@/config/hospital';
import { formatDateTimeIn } from '@/lib/date-time';
import { useCompleteVisit } from '../api/complete-visit';
import type { VideoVisit } from '../api/get-video-visit';
import { useOrderFollowUp, type FollowUpOrder } from '../api/order-follow-up';
import { useReferVisit } from '../api/refer-visit';
import { useSaveNote, type NoteDraft } from '../api/save-note';
import type { ReferralReason } from '../api/schemas';
import { useIcd10Search } from '../api/search-icd10';
import { ProblemAlert } from '@/components/problem-alert';

const REASONS: ReferralReason[] = ['ConditionChanged', 'FirstVisit', 'Emergency', 'Other'];

/**
 * Renders the slot picker the note's "Order follow-up" opens. The app passes the schedule feature's picker in (a feature
 * never imports another); it calls `onConfirm` with the chosen slot and shows `error` translated.
 */
export type FollowUpPickerRenderer = (props: { onConfirm: (order: FollowUpOrder) => void; pending: boolean; error: unknown }) => ReactNode;

/**
 * The doctor's note: sections, ICD-10 diagnoses from the bundled list, save, order a follow-up appointment,
 * complete-and-sign, or stop and refer.
 */
export function NoteEditor({ visit, followUpPicker }: { visit: VideoVisit; followUpPicker?: FollowUpPickerRenderer }): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const [draft, setDraft] = useState<NoteDraft>(() => ({
    chiefComplaint: visit.note?.chiefComplaint ?? '',
    history: visit.note?.history ?? '',
    assessment: visit.note?.assessment ?? '',
    plan: visit.note?.plan ?? '',
    diagnoses: visit.note?.diagnoses ?? [],
    followUpAdvice: visit.note?.followUpAdvice ?? '',
  }));
  const [search, setSearch] = useState('');
  const [referring, setReferring] = useState(false);
  const [reason, setReason] = useState<ReferralReason>('ConditionChanged');
  const [detail, setDetail] = useState('');
  const icd = useIcd10Search(search);
  const save = useSaveNote(visit.id);
  const complete = useCompleteVisit(visit.id);
  const refer = useReferVisit(visit.id);
  const order = useOrderFollowUp(visit.id);
  const [ordering, setOrdering] = useState(false);
  const error = save.error ?? complete.error ?? refer.error;
  const followUp = visit.followUp;
  const language = i18n.language;

  // Note: the order is kept with the note, so the draft is saved first (the server refuses an order without a note).
  const placeOrder = (choice: FollowUpOrder): void => {
    save.mutate(draft, {
      onSuccess: () => order.mutate({ slotId: choice.slotId, visitType: choice.visitType }, { onSuccess: () => setOrdering(false) }),
    });
  };

  const field = (name: 'chiefComplaint' | 'history' | 'assessment' | 'plan' | 'followUpAdvice', label: string): ReactNode => (
    <Textarea label={label} value={draft[name]} onChange={(e) => setDraft({ ...draft, [name]: e.currentTarget.value })} rows={3} maxLength={4000} />
  );

  return (
    <Stack gap="sm" component="section" aria-labelledby="note-title">
      <Title order={2} size="h4" id="note-title">
        {t('note.title')}
      </Title>
      {error && <ProblemAlert error={error} />}
      {save.isSuccess && !save.isPending && <Text role="status">{t('note.saved')}</Text>}
      {field('chiefComplaint', t('note.chiefComplaint'))}
      {field('history', t('note.history'))}
      {field('assessment', t('note.assessment'))}
      {field('plan', t('note.plan'))}
      <Stack gap={4}>
        <Text fw={500} size="sm" id="diagnoses-label">
          {t('note.diagnoses')}
        </Text>
        <ul aria-labelledby="diagnoses-label" style={{ margin: 0, paddingLeft: '1.2em' }}>
          {draft.diagnoses.length === 0 && <li>{t('note.noDiagnoses')}</li>}
          {draft.diagnoses.map((d) => (
            <li key={d.code}>
              <Group gap={4} wrap="nowrap">
                <Text>
                  {d.code} {d.description}
                </Text>
                <CloseButton
                  aria-label={t('note.remove', { code: d.code })}
                  onClick={() => setDraft({ ...draft, diagnoses: draft.diagnoses.filter((x) => x.code !== d.code) })}
                />
              </Group>
            </li>
          ))}
        </ul>
        <TextInput label={t('note.searchDiagnosis')} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Group gap={4}>
          {search.trim() &&
            icd.data?.slice(0, 8).map((entry) => {
              const title = i18n.language.startsWith('zh') ? entry.titleZh : entry.titleEn;
              return (
                <Button
                  key={entry.code}
                  size="xs"
                  variant="light"
                  aria-label={t('note.add', { code: entry.code, title })}
                  onClick={() => {
                    if (!draft.diagnoses.some((d) => d.code === entry.code)) {
                      setDraft({ ...draft, diagnoses: [...draft.diagnoses, { code: entry.code, description: title }] });
                    }
                    setSearch('');
                  }}
                >
                  {entry.code} {title}
                </Button>
              );
            })}
        </Group>
      </Stack>
      {field('followUpAdvice', t('note.followUpAdvice'))}
      {followUp ? (
        <Card withBorder padding="sm" component="section" aria-labelledby="follow-up-title">
          <Text fw={600} id="follow-up-title">
            {t('followUp.ordered')}
          </Text>
          <Text>
            {t('followUp.when', { when: formatDateTimeIn(followUp.start, hospitalTimeZone(), language), type: t(`followUp.types.${followUp.visitType}`) })}
          </Text>
          <Text size="sm" c="dimmed">
            {t(`followUp.status.${followUp.status}`, { defaultValue: followUp.status })}
          </Text>
        </Card>
      ) : (
        followUpPicker && (
          <Group>
            <Button variant="light" onClick={() => setOrdering(true)}>
              {t('followUp.order')}
            </Button>
          </Group>
        )
      )}
      <Group gap="xs">
        <Button variant="default" onClick={() => save.mutate(draft)} loading={save.isPending}>
          {t('note.save')}
        </Button>
        {visit.status === 'InProgress' && (
          <Button onClick={() => save.mutate(draft, { onSuccess: () => complete.mutate() })} loading={complete.isPending}>
            {t('note.complete')}
          </Button>
        )}
        <Button color="red" variant="light" onClick={() => setReferring(true)}>
          {t('note.refer')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {t('note.completeHint')}
      </Text>
      {followUpPicker && (
        <Modal opened={ordering} onClose={() => setOrdering(false)} title={t('followUp.pickTitle')} size="lg">
          {followUpPicker({ onConfirm: placeOrder, pending: save.isPending || order.isPending, error: order.error ?? save.error })}
        </Modal>
      )}
      <Modal opened={referring} onClose={() => setReferring(false)} title={t('note.referTitle')}>
        <Stack gap="sm">
          <Select
            label={t('note.referReason')}
            data={REASONS.map((r) => ({ value: r, label: t(`note.reasons.${r}`) }))}
            value={reason}
            onChange={(value) => value && setReason(value)}
            allowDeselect={false}
          />
          <Textarea label={t('note.referDetail')} value={detail} onChange={(e) => setDetail(e.currentTarget.value)} rows={3} maxLength={1000} />
          <Button color="red" loading={refer.isPending} onClick={() => refer.mutate({ reason, detail }, { onSuccess: () => setReferring(false) })}>
            {t('note.referConfirm')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}
