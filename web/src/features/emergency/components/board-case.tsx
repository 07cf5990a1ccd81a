import { Anchor, Badge, Button, Card, Grid, Group, Image, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/problem-alert';
import { fetchAttachment, searchPatients, useAckAlert, useDepartmentAction, useEmergencyCase } from '../api/emergency';
import type { EmergencyCase, PatientMatch } from '../api/schemas';
import { useEmergencyHub } from '../lib/emergency-hub';
import { AlertLines } from './board';
import { CaseMessages } from './messages';
import { EtaCountdown, patientLabel, PathwayBadge, timeOf, TriageBadge, VitalsLine } from './parts';
import { CallCrewButton } from './video-call';
import { VitalsChart } from './vitals-chart';

const departmentMilestones = ['Arrival', 'Handover', 'CtStarted'] as const;
const activations = ['Stroke', 'ChestPain', 'Trauma'] as const;

function Attachment({ caseId, attachment }: { caseId: string; attachment: EmergencyCase['attachments'][number] }): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let revoked = false;
    let objectUrl: string | null = null;
    fetchAttachment(caseId, attachment.id)
      .then((value) => {
        objectUrl = value;
        if (revoked) URL.revokeObjectURL(value);
        else setUrl(value);
      })
      .catch(() => undefined);
    return () => {
      revoked = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [caseId, attachment.id]);
  const caption = `${attachment.caption ?? ''} · ${timeOf(attachment.uploadedAt, i18n.language)}`;
  return (
    <Card withBorder padding="xs">
      {url && attachment.contentType.startsWith('image/') && <Image src={url} alt={attachment.caption ?? t('media.photo')} h={160} fit="contain" />}
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- a crew voice note has no caption track; its caption and time are shown below */}
      {url && attachment.contentType.startsWith('audio/') && <audio controls src={url} aria-label={caption} style={{ width: '100%' }} />}
      <Text size="sm">{caption}</Text>
    </Card>
  );
}

function MergeUnknown({ caseId }: { caseId: string }): ReactNode {
  const { t } = useTranslation('emergency');
  const action = useDepartmentAction(caseId);
  const [idNumber, setIdNumber] = useState('');
  const [matches, setMatches] = useState<PatientMatch[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  return (
    <Stack gap="xs">
      <Text fw={700}>{t('merge.title')}</Text>
      <Group align="flex-end">
        <TextInput label={t('patient.idNumber')} value={idNumber} onChange={(e) => setIdNumber(e.currentTarget.value)} />
        <Button
          variant="light"
          disabled={!idNumber.trim()}
          onClick={() =>
            void searchPatients(idNumber.trim())
              .then(setMatches)
              .catch(setError)
          }
        >
          {t('patient.search')}
        </Button>
      </Group>
      {matches?.length === 0 && <Text>{t('patient.noMatch')}</Text>}
      {matches?.map((match) => (
        <Button key={match.patientId} variant="outline" onClick={() => action.mutate({ action: 'merge', body: { patientId: match.patientId } })}>
          {t('merge.into', { name: match.name, id: match.maskedIdNumber ?? '' })}
        </Button>
      ))}
      {error !== null && <ProblemAlert error={error} />}
      {action.isError && <ProblemAlert error={action.error} />}
    </Stack>
  );
}

/** A case's full channel for the department: accept (HIS registration), milestones, vitals, images, messages. */
export function BoardCase({ caseId }: { caseId: string }): ReactNode {
  const { t, i18n } = useTranslation('emergency');
  const query = useEmergencyCase(caseId);
  useEmergencyHub({ caseId });
  const action = useDepartmentAction(caseId);
  const ack = useAckAlert();
  const item = query.data;
  if (query.isError) return <ProblemAlert error={query.error} />;
  if (!item) return null;
  const recorded = new Set(item.timeline.map((entry) => entry.kind));
  const vitalsNewestFirst = [...item.vitals].sort((a, b) => b.measuredAt.localeCompare(a.measuredAt));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/emergency/board">
        {t('board.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={2}>{patientLabel(item.patient, t)}</Title>
          <Group gap="xs">
            <TriageBadge level={item.triageLevel} size="xl" />
            <PathwayBadge pathway={item.pathway} />
            {item.patient.maskedIdNumber && <Badge variant="outline">{item.patient.maskedIdNumber}</Badge>}
          </Group>
          {item.chiefComplaint && <Text size="lg">{item.chiefComplaint}</Text>}
          <Text size="sm" c="dimmed">
            {[
              item.onsetAt ? t('assessment.onsetAt', { time: timeOf(item.onsetAt, i18n.language) }) : '',
              item.lastKnownWellAt ? t('assessment.lastKnownWellAt', { time: timeOf(item.lastKnownWellAt, i18n.language) }) : '',
              item.strokeScale ? `${item.strokeScale === 'BeFast' ? 'BE-FAST' : 'FAST'} ${item.strokeScore ?? '—'}` : '',
              item.stemi ? 'STEMI' : '',
              item.traumaMechanism ?? '',
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Stack gap={4} align="flex-end">
          <EtaCountdown eta={item.eta} arrived={Boolean(item.arrivalAt)} />
          <Text size="sm">{i18n.language === 'zh-CN' ? item.serviceName : item.serviceNameEn}</Text>
        </Stack>
      </Group>
      {action.isError && <ProblemAlert error={action.error} />}
      {item.status === 'Open' && <CallCrewButton caseId={caseId} on={item.videoCallOn} />}
      <Group>
        {item.acceptedAt ? (
          <Badge size="xl" color="teal.9" data-testid="accepted">
            {item.hisRegisteredAt ? t('board.registered', { time: timeOf(item.hisRegisteredAt, i18n.language) }) : t('board.acceptedAt', { time: timeOf(item.acceptedAt, i18n.language) })}
          </Badge>
        ) : (
          <Button size="lg" color="teal.9" loading={action.isPending} onClick={() => action.mutate({ action: 'accept', body: {} })}>
            {t('board.accept')}
          </Button>
        )}
        {departmentMilestones.map((kind) => (
          <Button
            key={kind}
            size="lg"
            variant={recorded.has(kind) ? 'light' : 'filled'}
            color="dark"
            disabled={recorded.has(kind) || action.isPending}
            onClick={() => action.mutate({ action: 'timeline', body: { kind, at: new Date().toISOString() } })}
          >
            {recorded.has(kind) ? t('timeline.done', { what: t(`timeline.kinds.${kind}`) }) : t(`timeline.mark.${kind}`)}
          </Button>
        ))}
      </Group>
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('vitals.title')}
              </Title>
              <VitalsChart vitals={item.vitals} />
              <Table mt="sm" striped>
                <Table.Tbody>
                  {vitalsNewestFirst.map((vitals) => (
                    <Table.Tr key={vitals.id}>
                      <Table.Td w={80}>{timeOf(vitals.measuredAt, i18n.language)}</Table.Td>
                      <Table.Td>
                        <VitalsLine vitals={vitals} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('media.title')}
              </Title>
              {item.attachments.length === 0 && <Text c="dimmed">{t('media.none')}</Text>}
              <Group align="flex-start">
                {item.attachments.map((attachment) => (
                  <Attachment key={attachment.id} caseId={caseId} attachment={attachment} />
                ))}
              </Group>
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('treatments.title')}
              </Title>
              {item.treatments.length === 0 && <Text c="dimmed">{t('treatments.none')}</Text>}
              {item.treatments.map((treatment) => (
                <Text key={treatment.id}>
                  {timeOf(treatment.givenAt, i18n.language)} · {treatment.description}
                </Text>
              ))}
            </Card>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('alerts.title')}
              </Title>
              {item.alerts.length === 0 && <Text c="dimmed">{t('alerts.none')}</Text>}
              <AlertLines item={item} />
              {/* The department can alert a team the crew did not (same rule and audit as the field activation). */}
              {item.status === 'Open' && (
                <Group mt="xs" data-testid="department-activation">
                  {activations
                    .filter((pathway) => !item.alerts.some((alert) => alert.pathway === pathway))
                    .map((pathway) => (
                      <Button
                        key={pathway}
                        size="md"
                        color="red.9"
                        disabled={action.isPending}
                        onClick={() => action.mutate({ action: 'activation', body: { pathway } })}
                      >
                        {t('transport.alert', { pathway: t(`pathway.${pathway}`) })}
                      </Button>
                    ))}
                </Group>
              )}
              <Group mt="xs">
                {item.alerts
                  .filter((alert) => alert.acks.length === 0)
                  .map((alert) => (
                    <Button key={alert.id} size="md" color="red.9" variant="outline" onClick={() => ack.mutate(alert.id)}>
                      {t('alerts.ack', { pathway: t(`pathway.${alert.pathway}`, { defaultValue: alert.pathway }) })}
                    </Button>
                  ))}
              </Group>
              {ack.isError && <ProblemAlert error={ack.error} />}
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('timeline.title')}
              </Title>
              {item.timeline.map((entry) => (
                <Text key={`${entry.kind}-${entry.at}`} data-testid="timeline-entry">
                  <Text span fw={700}>
                    {timeOf(entry.at, i18n.language)}
                  </Text>{' '}
                  {t(`timeline.kinds.${entry.kind}`, { defaultValue: entry.kind })}
                  {entry.byName ? ` · ${entry.byName}` : ''}
                </Text>
              ))}
            </Card>
            <Card withBorder>
              <Title order={3} size="h4" mb="xs">
                {t('messages.title')}
              </Title>
              <CaseMessages current={item} side="Department" onSend={(text) => action.mutateAsync({ action: 'messages', body: { text } })} />
            </Card>
            {!item.patient.known && (
              <Card withBorder>
                <MergeUnknown caseId={caseId} />
              </Card>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
