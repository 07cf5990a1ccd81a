import { Button, Card, FileButton, Group, Modal, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/problem-alert';
import { formatCalendarDay, formatDate, parseInstant } from '@/lib/date-time';
import { downloadFromApi } from '@/lib/download';
import { consentScanPath, useApproveConsent, useAttachConsentScan, usePendingConsents, useRejectConsent, type PendingConsent } from '../api/paper-consents';
import { ScopeList } from './scope-list';

/**
 * (System administrators) paper consents: a person without phone or e-mail signs the form at the desk; staff attach
 * the scan, look at it, and approve it (the grant names the scan) or reject it with a reason (audit-logged).
 */
export function PaperConsents(): ReactNode {
  const { t } = useTranslation('familyMembers');
  const pending = usePendingConsents();
  const [rejecting, setRejecting] = useState<PendingConsent | null>(null);

  return (
    <Stack gap="xs" component="section" aria-labelledby="paper-consents-title">
      <Title order={2} size="h4" id="paper-consents-title">
        {t('consents.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('consents.description')}
      </Text>
      {pending.isError && <ProblemAlert error={pending.error} />}
      {pending.data?.length === 0 && <Text c="dimmed">{t('consents.none')}</Text>}
      {pending.data?.map((consent) => <ConsentCard key={consent.invitationId} consent={consent} onReject={() => setRejecting(consent)} />)}
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('consents.rejectTitle')} centered>
        {rejecting && <RejectForm consent={rejecting} onDone={() => setRejecting(null)} />}
      </Modal>
    </Stack>
  );
}

function ConsentCard({ consent, onReject }: { consent: PendingConsent; onReject: () => void }): ReactNode {
  const { t, i18n } = useTranslation('familyMembers');
  const attach = useAttachConsentScan();
  const approve = useApproveConsent();
  const [viewError, setViewError] = useState<unknown>(null);
  const asked = parseInstant(consent.createdAt);
  const scan = consent.scan;
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-label={consent.patientName}>
      <Stack gap={6}>
        <Text fw={600}>
          {consent.patientName} <Text span size="sm" c="dimmed">{consent.maskedIdNumber}</Text>
        </Text>
        <Text size="sm">
          {t('consents.askedBy', { name: consent.fromAccountName, relation: t(`relation.${consent.relation}`, { defaultValue: consent.relation }) })}
          {asked && ` · ${formatDate(asked, i18n.language)}`}
        </Text>
        <ScopeList scopes={consent.scopes} />
        <Text size="sm">{consent.accessEndsOn ? t('members.endsOn', { date: formatCalendarDay(consent.accessEndsOn, i18n.language) }) : t('proxies.noEnd')}</Text>
        <Text size="sm" c={scan ? undefined : 'dimmed'}>
          {scan ? t('consents.scanAttached', { file: scan.fileName }) : t('consents.noScan')}
        </Text>
        {attach.isError && <ProblemAlert error={attach.error} />}
        {approve.isError && <ProblemAlert error={approve.error} />}
        {viewError !== null && <ProblemAlert error={viewError} />}
        <Group gap="xs">
          <FileButton accept="image/jpeg,image/png,image/webp,image/heic,application/pdf" onChange={(file) => file && attach.mutate({ invitationId: consent.invitationId, file })}>
            {(props) => (
              <Button {...props} size="xs" variant="light" loading={attach.isPending} aria-label={t('consents.attachFor', { name: consent.patientName })}>
                {scan ? t('consents.replace') : t('consents.attach')}
              </Button>
            )}
          </FileButton>
          {scan && (
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setViewError(null);
                downloadFromApi(consentScanPath(consent.invitationId), scan.fileName).catch(setViewError);
              }}
            >
              {t('consents.view')}
            </Button>
          )}
          <Button
            size="xs"
            disabled={!scan}
            loading={approve.isPending}
            onClick={() => scan && approve.mutate({ invitationId: consent.invitationId, scannedFileId: scan.fileId })}
            aria-label={t('consents.approveFor', { name: consent.patientName })}
          >
            {t('consents.approve')}
          </Button>
          <Button size="xs" color="red" variant="outline" onClick={onReject} aria-label={t('consents.rejectFor', { name: consent.patientName })}>
            {t('consents.reject')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function RejectForm({ consent, onDone }: { consent: PendingConsent; onDone: () => void }): ReactNode {
  const { t } = useTranslation('familyMembers');
  const reject = useRejectConsent();
  const [reason, setReason] = useState('');
  return (
    <Stack gap="sm">
      <Text>{t('consents.rejectConfirm', { name: consent.patientName, from: consent.fromAccountName })}</Text>
      <Textarea label={t('admin.reason')} required value={reason} onChange={(event) => setReason(event.currentTarget.value)} autosize minRows={2} maxLength={180} />
      {reject.isError && <ProblemAlert error={reject.error} />}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button color="red" disabled={!reason.trim()} loading={reject.isPending} onClick={() => reject.mutate({ invitationId: consent.invitationId, reason: reason.trim() }, { onSuccess: onDone })}>
          {t('consents.reject')}
        </Button>
      </Group>
    </Stack>
  );
}
