import { Alert, Button, Card, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import { useVerifyAuditChain } from '../api/audit';

/** Recomputes the audit chain on the server and says whether it holds, and where it first breaks. */
export function AuditChainCheck(): ReactNode {
  const { t } = useTranslation('administration');
  const headingId = useId();
  const verify = useVerifyAuditChain();
  const report = verify.data;

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
        {verify.isError && (
          <Alert color="red" role="alert">
            {problemMessage(verify.error, t)}
          </Alert>
        )}
        {report &&
          (report.intact ? (
            <Alert color="teal" role="status">
              {t('audit.intact', { count: report.checked })}
            </Alert>
          ) : (
            <Alert color="red" role="alert">
              {t('audit.broken', { sequence: report.brokenAtSequence ?? '?', problem: report.problem ?? '' })}
            </Alert>
          ))}
      </Stack>
    </Card>
  );
}
