import { Button, Checkbox, NumberInput, SegmentedControl, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pathways, type EmergencyCase } from '../api/schemas';
import { enqueueCrewWrite } from '../lib/crew-queue';

/** "2026-12-07T08:30" (the phone's local time, as <input type="datetime-local"> wants it) ↔ ISO instants. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function fromLocalInput(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Chief complaint, onset, triage level, pathway and its details: few fields, big targets. */
export function CrewAssessment({ caseId, current }: { caseId: string; current: EmergencyCase | undefined }): ReactNode {
  const { t } = useTranslation('emergency');
  const [complaint, setComplaint] = useState('');
  const [onset, setOnset] = useState('');
  const [lastKnownWell, setLastKnownWell] = useState('');
  const [triage, setTriage] = useState('');
  const [pathway, setPathway] = useState<string>('General');
  const [scale, setScale] = useState('Fast');
  const [score, setScore] = useState<number | string>('');
  const [stemi, setStemi] = useState(false);
  const [mechanism, setMechanism] = useState('');
  const [saved, setSaved] = useState(false);
  const [loadedFrom, setLoadedFrom] = useState<string | null>(null);
  const [edited, setEdited] = useState(false);
  const edit =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setEdited(true);
      set(value);
    };

  // Note: fill the form once from the server's copy, and only if the crew has not started on it: a case started
  // without signal (or on a slow network) reaches the server after the crew began assessing, and its empty copy
  // must not wipe what they entered. Later refetches never overwrite edits either.
  useEffect(() => {
    if (!current || loadedFrom === current.id || edited) return;
    setLoadedFrom(current.id);
    setComplaint(current.chiefComplaint ?? '');
    setOnset(toLocalInput(current.onsetAt));
    setLastKnownWell(toLocalInput(current.lastKnownWellAt));
    setTriage(current.triageLevel ? String(current.triageLevel) : '');
    setPathway(current.pathway);
    setScale(current.strokeScale ?? 'Fast');
    setScore(current.strokeScore ?? '');
    setStemi(current.stemi ?? false);
    setMechanism(current.traumaMechanism ?? '');
  }, [current, loadedFrom, edited]);

  const maxScore = scale === 'BeFast' ? 6 : 4;
  const save = async () => {
    await enqueueCrewWrite(caseId, 'assessment', {
      chiefComplaint: complaint.trim() || null,
      onsetAt: fromLocalInput(onset),
      lastKnownWellAt: pathway === 'Stroke' ? fromLocalInput(lastKnownWell) : null,
      triageLevel: triage ? Number(triage) : null,
      pathway,
      strokeScale: pathway === 'Stroke' ? scale : null,
      strokeScore: pathway === 'Stroke' && score !== '' ? Number(score) : null,
      stemi: pathway === 'ChestPain' ? stemi : null,
      traumaMechanism: pathway === 'Trauma' ? mechanism.trim() || null : null,
    });
    setSaved(true);
  };

  return (
    <Stack gap="md">
      <Textarea size="lg" label={t('assessment.chiefComplaint')} maxLength={500} value={complaint} onChange={(e) => edit(setComplaint)(e.currentTarget.value)} />
      <TextInput size="lg" type="datetime-local" label={t('assessment.onset')} value={onset} onChange={(e) => edit(setOnset)(e.currentTarget.value)} />
      <Stack gap={4}>
        <Text fw={500}>{t('assessment.triage')}</Text>
        <SegmentedControl
          fullWidth
          size="xl"
          value={triage}
          onChange={edit(setTriage)}
          aria-label={t('assessment.triage')}
          data={[1, 2, 3, 4].map((level) => ({ value: String(level), label: t(`triage.level${level}`) }))}
        />
      </Stack>
      <Stack gap={4}>
        <Text fw={500}>{t('assessment.pathway')}</Text>
        <SegmentedControl
          fullWidth
          size="lg"
          orientation="vertical"
          value={pathway}
          onChange={edit(setPathway)}
          aria-label={t('assessment.pathway')}
          data={pathways.map((value) => ({ value, label: t(`pathway.${value}`) }))}
        />
      </Stack>
      {pathway === 'Stroke' && (
        <>
          <TextInput size="lg" type="datetime-local" label={t('assessment.lastKnownWell')} value={lastKnownWell} onChange={(e) => edit(setLastKnownWell)(e.currentTarget.value)} />
          <SegmentedControl fullWidth size="lg" value={scale} onChange={edit(setScale)} aria-label={t('assessment.strokeScale')} data={[{ value: 'Fast', label: 'FAST' }, { value: 'BeFast', label: 'BE-FAST' }]} />
          <NumberInput size="lg" label={t('assessment.strokeScore')} description={t('limits.range', { min: 0, max: maxScore, unit: '' })} min={0} max={maxScore} value={score} onChange={edit(setScore)} />
        </>
      )}
      {pathway === 'ChestPain' && <Checkbox size="lg" label={t('assessment.stemi')} checked={stemi} onChange={(e) => edit(setStemi)(e.currentTarget.checked)} />}
      {pathway === 'Trauma' && <TextInput size="lg" label={t('assessment.mechanism')} maxLength={200} value={mechanism} onChange={(e) => edit(setMechanism)(e.currentTarget.value)} />}
      <Button size="xl" onClick={() => void save()}>
        {t('assessment.save')}
      </Button>
      {saved && (
        <Text c="teal" fw={700} role="status">
          {t('saved')}
        </Text>
      )}
    </Stack>
  );
}
