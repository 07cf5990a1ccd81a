import { Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import { formatDate, parseInstant } from '@/lib/date-time';
import { useDecideApplication } from '../api/decide-application';
import { useApplications, type Application } from '../api/get-applications';
import { localized } from '../lib/format';
import { ReasonForm } from './reason-form';
import { Tag } from './tag';

function ApplicationItem({ application }: { application: Application }): ReactNode {
  const { t, i18n } = useTranslation('family');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const decide = useDecideApplication();
  const [declining, setDeclining] = useState(false);
  const renewal = application.kind === 'Renewal';

  return (
    <Card withBorder radius="md" padding="md" component="li">
      <Stack gap={6}>
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Text fw={700}>{application.patientName}</Text>
          <Tag color={renewal ? 'blue' : 'yellow'}>
            {t(`applications.kind.${application.kind}`)}
          </Tag>
        </Group>
        <Text size="sm">
          {t(`sex.${application.sex}`)} · {t('age', { count: application.age })} · {application.maskedIdNumber}
        </Text>
        <Text size="sm">
          {localized(application.package.name, application.package.nameEn, language)} · {localized(application.team.name, application.team.nameEn, language)}
        </Text>
        <Text size="sm" c="dimmed">
          {renewal && application.endsAt
            ? t('applications.endsOn', { date: formatDate(parseInstant(application.endsAt) ?? new Date(), language) })
            : t('applications.appliedOn', { date: formatDate(parseInstant(application.requestedAt) ?? new Date(), language) })}
        </Text>
        {application.note ? <Text size="sm">“{application.note}”</Text> : null}
        {decide.error && !declining ? (
          <Text size="sm" c="red.9" role="alert">
            {problemMessage(decide.error, t)}
          </Text>
        ) : null}
        {declining ? (
          <ReasonForm
            label={t('applications.declineReason')}
            submitLabel={t('applications.declineConfirm')}
            pending={decide.isPending}
            error={decide.error}
            onCancel={() => setDeclining(false)}
            onSubmit={(reason) => decide.mutate({ contractId: application.contractId, kind: application.kind, accept: false, reason })}
          />
        ) : (
          <Group gap="sm">
            <Button
              loading={decide.isPending}
              onClick={() => decide.mutate({ contractId: application.contractId, kind: application.kind, accept: true })}
              aria-label={t(renewal ? 'applications.renewFor' : 'applications.acceptFor', { name: application.patientName })}
            >
              {t(renewal ? 'applications.renew' : 'applications.accept')}
            </Button>
            <Button variant="default" onClick={() => setDeclining(true)} aria-label={t('applications.declineFor', { name: application.patientName })}>
              {t('applications.decline')}
            </Button>
          </Group>
        )}
      </Stack>
    </Card>
  );
}

/** Applications and renewal requests waiting for the team. */
export function ApplicationsList(): ReactNode {
  const { t } = useTranslation('family');
  const applications = useApplications();
  if (!applications.data || applications.data.length === 0) return null;

  return (
    <Stack gap="sm" component="section" aria-labelledby="applications-heading">
      <Title order={2} size="h3" id="applications-heading">
        {t('applications.title', { count: applications.data.length })}
      </Title>
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {applications.data.map((application) => (
          <ApplicationItem key={application.contractId} application={application} />
        ))}
      </Stack>
    </Stack>
  );
}
