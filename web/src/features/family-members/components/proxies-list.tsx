import { Alert, Button, Card, Group, Modal, Stack, Switch, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDay, formatDate, parseInstant } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { useProxies } from '../api/get-proxies';
import { useRevokeProxy } from '../api/revoke-proxy';
import type { Proxy } from '../api/schemas';
import { useShareWithGuardian } from '../api/share-with-guardian';
import { ScopeList } from './scope-list';
import { ProblemAlert } from '@/components/problem-alert';

/** "Who acts for me": every account with access to my record; revoke at any time; a teenager's share switches. */
export function ProxiesList(): ReactNode {
  const { t, i18n } = useTranslation('familyMembers');
  const proxies = useProxies();
  const revoke = useRevokeProxy();
  const share = useShareWithGuardian();
  const [revoking, setRevoking] = useState<Proxy | null>(null);

  if (proxies.isPending) return <Text c="dimmed">{t('loading')}</Text>;
  if (proxies.isError) {
    return (
      <Alert color="red" role="alert">
        {problemMessage(proxies.error, t)}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      {proxies.data.length === 0 && <Text c="dimmed">{t('proxies.empty')}</Text>}
      {share.isError && <ProblemAlert error={share.error} />}
      {proxies.data.map((proxy) => {
        const since = parseInstant(proxy.since);
        return (
          <Card key={proxy.accessId} withBorder radius="md" padding="sm" component="article" aria-label={proxy.accountName}>
            <Stack gap={6}>
              <Text fw={600}>{proxy.accountName}</Text>
              <Text size="sm" c="dimmed">
                {t(`actsAs.${proxy.relation}`, { defaultValue: proxy.relation })}
                {since && ` · ${t('proxies.since', { date: formatDate(since, i18n.language) })}`}
              </Text>
              <ScopeList scopes={proxy.scopes} />
              <Text size="sm">{proxy.accessEndsOn ? t('proxies.endsOn', { date: formatCalendarDay(proxy.accessEndsOn, i18n.language) }) : t('proxies.noEnd')}</Text>
              {proxy.adolescentShares && (
                <Stack gap={6}>
                  <Text size="sm">{t('proxies.sharesHelp')}</Text>
                  <Switch
                    label={t('proxies.shareMessages')}
                    checked={proxy.adolescentShares.messages}
                    disabled={share.isPending}
                    onChange={(event) => share.mutate({ accessId: proxy.accessId, messages: event.currentTarget.checked, results: proxy.adolescentShares?.results ?? false })}
                  />
                  <Switch
                    label={t('proxies.shareResults')}
                    checked={proxy.adolescentShares.results}
                    disabled={share.isPending}
                    onChange={(event) => share.mutate({ accessId: proxy.accessId, messages: proxy.adolescentShares?.messages ?? false, results: event.currentTarget.checked })}
                  />
                </Stack>
              )}
              {proxy.revocable && (
                <Group>
                  <Button size="xs" variant="outline" color="red" onClick={() => setRevoking(proxy)} aria-label={t('proxies.revokeName', { name: proxy.accountName })}>
                    {t('proxies.revoke')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Card>
        );
      })}
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('proxies.revokeTitle')} centered>
        {revoking && (
          <Stack gap="sm">
            <Text>{t('proxies.revokeConfirm', { name: revoking.accountName })}</Text>
            {revoke.isError && <ProblemAlert error={revoke.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setRevoking(null)}>
                {t('cancel')}
              </Button>
              <Button color="red" loading={revoke.isPending} onClick={() => revoke.mutate(revoking.accessId, { onSuccess: () => setRevoking(null) })}>
                {t('proxies.revoke')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
