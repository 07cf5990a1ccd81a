import { Alert, Button, Card, List, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, parseInstant } from '@/lib/date-time';
import { useVerifyAuditChain } from '../api/audit';
import { ProblemAlert } from '@/components/problem-alert';

const KNOWN_REASONS = new Set(['link_missing', 'entry_deleted', 'link_mismatch', 'entry_changed', 'checkpoint_mismatch', 'tail_cut']);

/**
 * Recomputes the audit chain on the server and says whether it holds, where it first breaks and why, whether the
 * newest entries were cut off, when the last signed checkpoint was written, and how many forged checkpoints it saw.
 */
export function AuditChainCheck(): ReactNode {
  const { t, i18n } = useTranslation('administration');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const verify = useVerifyAuditChain();
  const report = verify.data;
  const checkpointAt = report?.checkpointAt ? parseInstant(report.checkpointAt) : null;
  const reason = report?.reason && KNOWN_REASONS.has(report.reason) ? t(`audit.reasons.${report.reason}`) : (report?.problem ?? '');

  return (
    <Card withBorder radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm" align="flex-start">
        <Title order={2} size="h4" id={headingId}>
          {t('audit.chainTitle')}
        </Title>
        <Text size="sm">{t('audit.chainDescription')}</Text>
        <Button loading={verify.isPending} onClick={() => verify.mutate()}>
          {t('audit.verify')}
        </Button>
        {verify.isError && <ProblemAlert error={verify.error} />}
        {report && (
          <>
            {report.intact ? (
              <Alert color="teal" role="status">
                {t('audit.intact', { count: report.checked })}
              </Alert>
            ) : (
              <Alert color="red" role="alert">
                {report.tailCut
                  ? t('audit.tailCut', { head: report.headSequence, checkpoint: report.checkpointSequence ?? '?' })
                  : t('audit.broken', { sequence: report.brokenAtSequence ?? '?', problem: reason })}
              </Alert>
            )}
            <List size="sm" spacing={4} aria-label={t('audit.reportDetails')}>
              <List.Item>{t('audit.checked', { count: report.checked, head: report.headSequence })}</List.Item>
              <List.Item>
                {checkpointAt && report.checkpointSequence != null
                  ? t('audit.checkpoint', { sequence: report.checkpointSequence, time: formatDateTime(checkpointAt, language) })
                  : t('audit.noCheckpoint')}
              </List.Item>
              {report.unsealed > 0 && <List.Item>{t('audit.unsealed', { count: report.unsealed })}</List.Item>}
              {report.rejectedCheckpoints > 0 && (
                <List.Item>
                  <Text span c="red" size="sm">
                    {t('audit.rejectedCheckpoints', { count: report.rejectedCheckpoints })}
                  </Text>
                </List.Item>
              )}
            </List>
          </>
        )}
      </Stack>
    </Card>
  );
}
