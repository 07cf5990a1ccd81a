import { Anchor, Button, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { OutboxItem } from '../api/get-outbox-messages';
import { kindLabel, shortId } from '../lib/labels';
import { HospitalTime } from './hospital-time';
import { OutboxStatusBadge } from './outbox-status-badge';

/** The messages of one page; each opens its detail. Scrolls sideways on a phone rather than squeezing columns. */
export interface OutboxTableProps {
  items: readonly OutboxItem[];
  /** Narrows the list to one patient's messages (their order, and what holds them back). */
  onPatient: (patientId: string) => void;
}

export function OutboxTable({ items, onPatient }: OutboxTableProps): ReactNode {
  const { t } = useTranslation('his');
  const { search } = useLocation();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped highlightOnHover verticalSpacing="xs">
        <Table.Caption className="visually-hidden">{t('outbox.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('outbox.columns.message')}</Table.Th>
            <Table.Th scope="col">{t('outbox.columns.status')}</Table.Th>
            <Table.Th scope="col">{t('outbox.columns.patient')}</Table.Th>
            <Table.Th scope="col">{t('outbox.columns.written')}</Table.Th>
            <Table.Th scope="col">{t('outbox.columns.attempts')}</Table.Th>
            <Table.Th scope="col">{t('outbox.columns.lastError')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => {
            const kind = kindLabel(item.kind, t);
            return (
              <Table.Tr key={item.id}>
                <Table.Th scope="row" fw={500}>
                  <Anchor component={Link} to={`/admin/his/messages/${item.id}`} state={{ listSearch: search }}>
                    {kind}
                  </Anchor>
                </Table.Th>
                <Table.Td>
                  <OutboxStatusBadge status={item.status} />
                </Table.Td>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-sm"
                    ff="monospace"
                    title={item.patientId}
                    aria-label={t('outbox.onlyPatient', { id: shortId(item.patientId) })}
                    onClick={() => onPatient(item.patientId)}
                  >
                    {shortId(item.patientId)}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <HospitalTime value={item.createdAt} />
                </Table.Td>
                <Table.Td>{t('outbox.attemptsValue', { attempts: item.attempts, total: item.totalAttempts })}</Table.Td>
                <Table.Td maw={320}>
                  {item.lastError && (
                    <Text size="sm" lineClamp={2} title={item.lastError}>
                      {item.lastError}
                    </Text>
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
