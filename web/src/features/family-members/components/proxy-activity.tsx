import { Alert, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, parseInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useProxyActivity } from '../api/get-proxy-activity';

/** What the people acting for me did on my record (from the audit log), newest first. */
export function ProxyActivity(): ReactNode {
  const { t, i18n } = useTranslation('familyMembers');
  const activity = useProxyActivity();
  if (activity.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (activity.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(activity.error, t)}
      </Alert>
    );
  }
  if (activity.data.length === 0) return <Text c="dimmed">{t('activity.empty')}</Text>;
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={320}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('activity.when')}</Table.Th>
              <Table.Th>{t('activity.who')}</Table.Th>
              <Table.Th>{t('activity.what')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {activity.data.map((entry, index) => {
              const at = parseInstant(entry.at);
              return (
                <Table.Tr key={`${entry.at}-${index}`}>
                  <Table.Td>{at ? formatDateTime(at, i18n.language) : entry.at}</Table.Td>
                  <Table.Td>{entry.accountName}</Table.Td>
                  {/* Note: the audit log's own action names, in the words of the audit page (administration namespace). */}
                  <Table.Td>{t(`administration:audit.actionLabels.${entry.action.replaceAll('.', '_')}`, { defaultValue: entry.action })}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
