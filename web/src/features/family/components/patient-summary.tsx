import { Alert, Anchor, Button, Card, Grid, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '@/lib/problem-message';
import { formatDate, parseInstant } from '@/lib/date-time';
import { useEndContract } from '../api/end-contract';
import { usePatientSummary, type PatientSummary } from '../api/get-patient-summary';
import { useTeamThreads } from '../api/get-team-threads';
import { localized } from '../lib/format';
import { useFamilyLiveUpdates } from '../lib/use-family-live-updates';
import { AssessmentForm } from './assessment-form';
import { FollowUpSection } from './follow-up-section';
import { HisSections } from './his-sections';
import { NewThreadForm } from './new-thread-form';
import { ReadingCharts } from './reading-charts';
import { ReasonForm } from './reason-form';
import { ThreadList } from './thread-list';
import { readableAlert, Tag } from './tag';

const riskColors = { Low: 'green', Medium: 'yellow', High: 'red' } as const;

function Overview({ summary }: { summary: PatientSummary }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const [assessing, setAssessing] = useState(false);
  const { patient, contract } = summary;
  const date = (value: string | null): string => (value ? formatDate(parseInstant(value) ?? new Date(), language) : '');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="patient-overview">
      <Stack gap="xs">
        <Title order={2} size="h3" id="patient-overview">
          {t('summary.overview')}
        </Title>
        <Text>
          {t(`sex.${patient.sex}`)} · {t('age', { count: patient.age })} · {formatDate(new Date(`${patient.dateOfBirth}T00:00:00+08:00`), language)}
        </Text>
        <Text size="sm">{t('summary.ids', { id: patient.maskedIdNumber, mobile: patient.maskedMobile })}</Text>
        <Text size="sm">
          {t('summary.contract', {
            team: localized(contract.team.name, contract.team.nameEn, language),
            package: localized(contract.package.name, contract.package.nameEn, language),
            start: date(contract.startsAt),
            end: date(contract.endsAt),
          })}
        </Text>
        {summary.pendingRenewalRequests > 0 ? <Text size="sm">{t('summary.pendingRenewals', { count: summary.pendingRenewalRequests })}</Text> : null}
        {assessing ? (
          <AssessmentForm patientId={patient.id} risk={summary.risk} conditions={summary.conditions} onDone={() => setAssessing(false)} />
        ) : (
          <Group gap="xs" wrap="wrap">
            <Tag color={riskColors[summary.risk]}>
              {t('summary.risk', { risk: t(`risk.${summary.risk}`) })}
            </Tag>
            {summary.conditions.map((c) => (
              <Tag key={c} color="gray">
                {t(`conditions.${c}`)}
              </Tag>
            ))}
            <Button size="xs" variant="subtle" onClick={() => setAssessing(true)}>
              {t('summary.assess')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

function Messages({ summary }: { summary: PatientSummary }): ReactNode {
  const { t } = useTranslation('family');
  const navigate = useNavigate();
  const threads = useTeamThreads({ patientId: summary.patient.id });
  const [writing, setWriting] = useState(false);
  return (
    <Stack gap="sm" component="section" aria-labelledby="patient-messages">
      <Title order={2} size="h3" id="patient-messages">
        {t('summary.messages')}
      </Title>
      {writing ? (
        <NewThreadForm patientId={summary.patient.id} asTeam onStarted={(thread) => void navigate(`/team-messages/${thread.id}`)} onCancel={() => setWriting(false)} />
      ) : (
        <Group>
          <Button onClick={() => setWriting(true)}>{t('summary.write')}</Button>
        </Group>
      )}
      {threads.data ? <ThreadList threads={threads.data} show="patient" linkTo={(thread) => `/team-messages/${thread.id}`} emptyText={t('threads.teamEmpty')} /> : null}
    </Stack>
  );
}

function EndContract({ summary }: { summary: PatientSummary }): ReactNode {
  const { t } = useTranslation('family');
  const navigate = useNavigate();
  const end = useEndContract();
  const [ending, setEnding] = useState(false);
  return ending ? (
    <ReasonForm
      label={t('summary.endReason')}
      submitLabel={t('contract.endConfirm')}
      pending={end.isPending}
      error={end.error}
      onCancel={() => setEnding(false)}
      onSubmit={(reason) => end.mutate({ contractId: summary.contract.id, reason }, { onSuccess: () => void navigate('/panel') })}
    />
  ) : (
    <Group>
      <Button variant="default" color="red" onClick={() => setEnding(true)}>
        {t('contract.end')}
      </Button>
    </Group>
  );
}

/** A signed patient on one page, for their family-doctor team. */
export function PatientSummaryView({ patientId }: { patientId: string }): ReactNode {
  const { t } = useTranslation('family');
  const summary = usePatientSummary(patientId);
  useFamilyLiveUpdates();

  if (summary.isPending) return <Text>{t('loading')}</Text>;
  if (summary.isError) {
    return (
      <Stack gap="sm">
        <Alert color="red" role="alert">
          {problemMessage(summary.error, t)}
        </Alert>
        <Anchor component={Link} to="/panel">
          {t('summary.back')}
        </Anchor>
      </Stack>
    );
  }

  const data = summary.data;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/panel">
        {t('summary.back')}
      </Anchor>
      {data.openAlerts.length > 0 ? (
        <Alert color="red" role="status" style={readableAlert} title={t('summary.openAlerts', { count: data.openAlerts.length })}>
          {t('summary.openAlertsHelp')}
        </Alert>
      ) : null}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Overview summary={data} />
            <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="summary-readings">
              <Title order={2} size="h3" id="summary-readings" mb="sm">
                {t('summary.readings')}
              </Title>
              <ReadingCharts history={data.readings} />
            </Card>
            <FollowUpSection patientId={patientId} plans={data.followUpPlans} />
            <Messages summary={data} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="sm" component="section" aria-labelledby="his-heading">
            <Title order={2} size="h3" id="his-heading">
              {t('his.title')}
            </Title>
            <HisSections summary={data} />
          </Stack>
        </Grid.Col>
      </Grid>
      <EndContract summary={data} />
    </Stack>
  );
}
