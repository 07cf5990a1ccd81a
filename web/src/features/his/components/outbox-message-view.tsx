import {
  Alert,
  Button,
  Card,
  Code,
  CopyButton,
  Group,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconCopy, IconRefresh, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '@/lib/problem-message';
import type { DeliveryAttempt, OutboxMessage } from '../api/get-outbox-message';
import { useRetryOutboxMessage } from '../api/retry-outbox-message';
import { kindLabel } from '../lib/labels';
import { confirmAction } from '../lib/toast';
import { DiscardMessageDialog } from './discard-message-dialog';
import { HospitalTime } from './hospital-time';
import { OutboxStatusBadge } from './outbox-status-badge';

/** A term and its value; rows without a value are left out. */
function Fact({ term, children }: { term: string; children: ReactNode }): ReactNode {
  if (children === null || children === undefined || children === '') return null;
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {term}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Attempts({ attempts }: { attempts: readonly DeliveryAttempt[] }): ReactNode {
  const { t } = useTranslation('his');
  if (attempts.length === 0) return <Text c="dimmed">{t('message.noAttempts')}</Text>;
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('message.historyCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('message.historyColumns.number')}</Table.Th>
            <Table.Th scope="col">{t('message.historyColumns.started')}</Table.Th>
            <Table.Th scope="col">{t('message.historyColumns.duration')}</Table.Th>
            <Table.Th scope="col">{t('message.historyColumns.instance')}</Table.Th>
            <Table.Th scope="col">{t('message.historyColumns.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {attempts.map((attempt) => {
            const ms = Math.max(0, Date.parse(attempt.finishedAt) - Date.parse(attempt.startedAt));
            return (
              <Table.Tr key={attempt.number}>
                <Table.Th scope="row">{attempt.number}</Table.Th>
                <Table.Td><HospitalTime value={attempt.startedAt} /></Table.Td>
                <Table.Td>{Number.isNaN(ms) ? '' : t('message.durationMs', { ms })}</Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {attempt.instance}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {attempt.succeeded ? (
                    <Text size="sm" fw={600} c="teal.9">
                      {t('message.succeeded')}
                    </Text>
                  ) : (
                    <Stack gap={2}>
                      <Text size="sm" fw={600} c="red.9">
                        {t('message.failed')}
                      </Text>
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {attempt.error}
                      </Text>
                    </Stack>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One message: what it is, where it stands, what it says, every attempt, and what an admin can do about it. */
export function OutboxMessageView({ message }: { message: OutboxMessage }): ReactNode {
  const { t } = useTranslation('his');
  const retry = useRetryOutboxMessage();
  const [discardOpened, discardDialog] = useDisclosure(false);
  const canRetry = message.status === 'DeadLettered';
  const canDiscard = message.status === 'DeadLettered' || message.status === 'Pending';

  return (
    <Stack gap="lg">
      <Card withBorder radius="md" component="section" aria-labelledby="his-message-summary">
        <Group justify="space-between" mb="sm" wrap="wrap">
          <Title order={2} size="h4" id="his-message-summary">
            {t('message.summary')}
          </Title>
          <OutboxStatusBadge status={message.status} />
        </Group>
        <Stack component="dl" gap="sm" m={0}>
          <Fact term={t('message.kind')}>{kindLabel(message.kind, t)}</Fact>
          <Fact term={t('message.status')}>{t(`status.${message.status}`)}</Fact>
          <Fact term={t('message.id')}>
            <Text component="span" ff="monospace">
              {message.id}
            </Text>
          </Fact>
          <Fact term={t('message.patientId')}>
            <Text component="span" ff="monospace">
              {message.patientId}
            </Text>
          </Fact>
          <Fact term={t('message.written')}><HospitalTime value={message.createdAt} /></Fact>
          <Fact term={t('message.nextAttempt')}>{message.status === 'Pending' ? <HospitalTime value={message.nextAttemptAt} /> : null}</Fact>
          <Fact term={t('message.delivered')}>{message.deliveredAt ? <HospitalTime value={message.deliveredAt} /> : null}</Fact>
          <Fact term={t('message.deadLettered')}>{message.deadLetteredAt ? <HospitalTime value={message.deadLetteredAt} /> : null}</Fact>
          <Fact term={t('message.discarded')}>{message.discardedAt ? <HospitalTime value={message.discardedAt} /> : null}</Fact>
          <Fact term={t('message.discardReason')}>{message.discardReason}</Fact>
          <Fact term={t('message.attempts')}>
            {t('message.attemptsValue', { attempts: message.attempts, total: message.totalAttempts })}
          </Fact>
        </Stack>
        {(message.inDelivery || message.waitingBehind > 0) && (
          <Stack gap={4} mt="sm">
            {message.inDelivery && <Text size="sm">{t('message.inDelivery')}</Text>}
            {message.waitingBehind > 0 && (
              <Text size="sm" fw={600}>
                {t('message.waitingBehind', { count: message.waitingBehind })}
              </Text>
            )}
          </Stack>
        )}
      </Card>

      {message.lastError && message.status !== 'Delivered' && (
        <Alert color="red" variant="light" title={t('message.lastError')} role="note">
          <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
            {message.lastError}
          </Text>
        </Alert>
      )}

      {(canRetry || canDiscard) && (
        <Card withBorder radius="md" component="section" aria-labelledby="his-message-actions">
          <Title order={2} size="h4" id="his-message-actions" mb="xs">
            {t('message.actions')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('message.auditNote')}
          </Text>
          {retry.isError && (
            <Alert color="red" role="alert" mb="sm">
              {problemMessage(retry.error, t)}
            </Alert>
          )}
          <Group gap="sm">
            {canRetry && (
              <Button
                leftSection={<IconRefresh size={16} aria-hidden="true" />}
                loading={retry.isPending}
                onClick={() =>
                  retry.mutate(message.id, {
                    onSuccess: () => confirmAction(t('message.retried'), t),
                  })
                }
              >
                {t('message.retry')}
              </Button>
            )}
            {canDiscard && (
              <Button variant="outline" color="red.9" leftSection={<IconTrash size={16} aria-hidden="true" />} onClick={discardDialog.open}>
                {t('message.discard')}
              </Button>
            )}
          </Group>
          <DiscardMessageDialog
            messageId={message.id}
            opened={discardOpened}
            onClose={discardDialog.close}
            onDiscarded={() => {
              discardDialog.close();
              confirmAction(t('message.discardedToast'), t);
            }}
          />
        </Card>
      )}

      <Card withBorder radius="md" component="section" aria-labelledby="his-message-payload">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="his-message-payload">
            {t('message.payload')}
          </Title>
          <CopyButton value={message.payload}>
            {({ copied, copy }) => (
              <Button
                size="xs"
                variant="subtle"
                onClick={copy}
                leftSection={copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />}
              >
                {copied ? t('message.copied') : t('message.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        {/* Note: a focusable region, so keyboard users can scroll long content sideways. */}
        <Code block aria-label={t('message.payloadLabel')} role="region" tabIndex={0} style={{ maxHeight: '28rem', overflow: 'auto' }}>
          {message.payload}
        </Code>
      </Card>

      <Card withBorder radius="md" component="section" aria-labelledby="his-message-history">
        <Title order={2} size="h4" id="his-message-history" mb="sm">
          {t('message.history')}
        </Title>
        <Attempts attempts={message.deliveryAttempts} />
      </Card>
    </Stack>
  );
}
