import { Alert, Anchor, Button, List, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAddAddendum } from '../api/add-addendum';
import { VisitRecordings } from './visit-recordings';
import type { VideoVisit } from '../api/get-video-visit';
import { hospitalTimeZone } from '@/config/hospital';
import { formatDateTimeIn } from '@/lib/date-time';
import { ProblemAlert } from '@/components/problem-alert';

/**
 * The after-visit summary: the headings in the reader's language, the doctor's text exactly as written, the signature,
 * and any addenda. For a referred visit, what to do instead. The treating doctor may add an addendum.
 */
export function VisitSummary({ visit }: { visit: VideoVisit }): ReactNode {
  const { t, i18n } = useTranslation('visits');
  const language = i18n.language;
  const note = visit.note;

  return (
    <Stack gap="md">
      {visit.status === 'Referred' && visit.referral && (
        <Stack gap="xs" component="section" aria-labelledby="referral-title">
          <Title order={2} size="h3" id="referral-title">
            {t('summary.referredTitle')}
          </Title>
          <Text>{t('summary.referredIntro')}</Text>
          <Text fw={500}>{t(`note.reasons.${visit.referral.reason}`)}</Text>
          {visit.referral.detail && <Text style={{ whiteSpace: 'pre-wrap' }}>{visit.referral.detail}</Text>}
          <Alert color="red">{t('summary.emergency')}</Alert>
          {visit.myRole === 'Patient' && (
            <Anchor component={Link} to="/find-care">
              {t('summary.bookInPerson')}
            </Anchor>
          )}
        </Stack>
      )}
      {note && (
        <Stack gap="xs" component="section" aria-labelledby="summary-title">
          <Title order={2} size="h3" id="summary-title">
            {t('summary.title')}
          </Title>
          {visit.endedAt && <Text c="dimmed">{t('summary.intro', { date: formatDateTimeIn(visit.endedAt, hospitalTimeZone(), language) })}</Text>}
          <Section label={t('note.chiefComplaint')} text={note.chiefComplaint} />
          <Section label={t('note.history')} text={note.history} />
          <Section label={t('note.assessment')} text={note.assessment} />
          <Section label={t('note.plan')} text={note.plan} />
          {note.diagnoses.length > 0 && (
            <div>
              <Title order={3} size="h5">
                {t('summary.diagnoses')}
              </Title>
              <List>
                {note.diagnoses.map((d) => (
                  <List.Item key={d.code}>
                    {/* Note: the code is for staff; a patient reads the diagnosis by its name. */}
                    {visit.myRole === 'Patient' ? d.description : `${d.code} ${d.description}`}
                  </List.Item>
                ))}
              </List>
            </div>
          )}
          <Section label={t('note.followUpAdvice')} text={note.followUpAdvice} />
          {visit.followUp && (
            <div>
              <Title order={3} size="h5">
                {t('followUp.summaryTitle')}
              </Title>
              <Text>
                {t('followUp.when', {
                  when: formatDateTimeIn(visit.followUp.start, hospitalTimeZone(), language),
                  type: t(`followUp.types.${visit.followUp.visitType}`),
                })}
              </Text>
              {visit.myRole === 'Patient' && (
                <Anchor component={Link} to={`/appointments/${encodeURIComponent(visit.followUp.appointmentId)}`}>
                  {visit.followUp.status === 'PendingPayment' ? t('followUp.confirmAndPay') : t('followUp.viewAppointment')}
                </Anchor>
              )}
            </div>
          )}
          {note.signature && (
            <Text size="sm" c="dimmed">
              {t('summary.signed', { name: note.signature.signedBy, date: formatDateTimeIn(note.signature.signedAt, hospitalTimeZone(), language) })}
            </Text>
          )}
        </Stack>
      )}
      {visit.addenda.length > 0 && (
        <Stack gap="xs" component="section" aria-labelledby="addenda-title">
          <Title order={3} size="h5" id="addenda-title">
            {t('note.addenda')}
          </Title>
          {visit.addenda.map((a) => (
            <Text key={a.id} style={{ whiteSpace: 'pre-wrap' }}>
              {formatDateTimeIn(a.at, hospitalTimeZone(), language)} · {a.authorName}: {a.text}
            </Text>
          ))}
        </Stack>
      )}
      {(visit.myRole === 'Doctor' || visit.myRole === 'Patient') && <VisitRecordings visitId={visit.id} />}
      {visit.myRole === 'Doctor' && <AddendumForm visitId={visit.id} />}
    </Stack>
  );
}

function Section({ label, text }: { label: string; text: string }): ReactNode {
  if (!text) return null;
  return (
    <div>
      <Title order={3} size="h5">
        {label}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
    </div>
  );
}

function AddendumForm({ visitId }: { visitId: string }): ReactNode {
  const { t } = useTranslation('visits');
  const add = useAddAddendum(visitId);
  const [text, setText] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) add.mutate(text.trim(), { onSuccess: () => setText('') });
      }}
    >
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {t('note.readOnly')}
        </Text>
        {add.error && <ProblemAlert error={add.error} />}
        <Textarea label={t('note.addendum')} value={text} onChange={(e) => setText(e.currentTarget.value)} rows={3} maxLength={4000} />
        <Button type="submit" w="fit-content" loading={add.isPending}>
          {t('note.addAddendum')}
        </Button>
      </Stack>
    </form>
  );
}
