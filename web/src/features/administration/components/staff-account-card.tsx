import { Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, parseInstant } from '@/lib/date-time';
import { assignableRoles, useChangeStaffAccount, type AssignableRole, type StaffAccount } from '../api/staff-accounts';
import { ProblemAlert } from '@/components/problem-alert';

function isAssignable(role: string): role is AssignableRole {
  return (assignableRoles as readonly string[]).includes(role);
}

/**
 * One staff account: its roles and state, and what the security administrator may do with it. Their own account
 * shows no actions (another security administrator changes it; the server refuses anyway).
 */
export function StaffAccountCard({ account, isOwn }: { account: StaffAccount; isOwn: boolean }): ReactNode {
  const { t, i18n } = useTranslation('administration');
  const language = i18n.resolvedLanguage ?? i18n.language;
  const headingId = useId();
  const change = useChangeStaffAccount();
  const roleChangeable = account.roles.length > 0 && account.roles.every(isAssignable);
  const [role, setRole] = useState<AssignableRole>(account.roles.find(isAssignable) ?? 'Pharmacist');
  const lockedUntil = parseInstant(account.lockedUntil ?? '');
  const busy = change.isPending;

  return (
    <Card withBorder radius="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Stack gap={2}>
          <Title order={2} size="h4" id={headingId}>
            {account.fullName}
          </Title>
          <Text size="sm" c="dimmed">
            {account.email}
          </Text>
        </Stack>
        <Group gap="xs">
          {account.roles.map((name) => (
            <Badge key={name} variant="light">
              {t(`roles.${name}`, { defaultValue: name })}
            </Badge>
          ))}
          {account.isDisabled && (
            <Badge color="red.9" variant="filled">
              {t('accounts.disabled')}
            </Badge>
          )}
          {lockedUntil && (
            <Badge color="orange.9" variant="filled">
              {t('accounts.lockedUntil', { time: formatDateTime(lockedUntil, language) })}
            </Badge>
          )}
          <Badge color={account.twoFactorEnabled ? 'teal.9' : 'gray.7'} variant="outline">
            {account.twoFactorEnabled ? t('accounts.twoFactorOn') : t('accounts.twoFactorOff')}
          </Badge>
        </Group>

        {isOwn ? (
          <Text size="sm" c="dimmed">
            {t('accounts.own')}
          </Text>
        ) : (
          <Stack gap="sm">
            <Group gap="xs">
              {lockedUntil ? (
                <Button variant="outline" loading={busy} onClick={() => change.mutate({ kind: 'unlock', accountId: account.id })}>
                  {t('accounts.unlock')}
                </Button>
              ) : (
                <Button variant="outline" loading={busy} onClick={() => change.mutate({ kind: 'lock', accountId: account.id })}>
                  {t('accounts.lock')}
                </Button>
              )}
              {account.isDisabled ? (
                <Button variant="outline" loading={busy} onClick={() => change.mutate({ kind: 'enable', accountId: account.id })}>
                  {t('accounts.enable')}
                </Button>
              ) : (
                <Button color="red.9" variant="outline" loading={busy} onClick={() => change.mutate({ kind: 'disable', accountId: account.id })}>
                  {t('accounts.disable')}
                </Button>
              )}
            </Group>
            {roleChangeable && (
              <Group gap="xs" align="flex-end">
                <NativeSelect
                  label={t('accounts.role')}
                  value={role}
                  onChange={(event) => setRole(event.currentTarget.value as AssignableRole)}
                  data={assignableRoles.map((value) => ({ value, label: t(`roles.${value}`) }))}
                />
                <Button
                  loading={busy}
                  disabled={account.roles.length === 1 && account.roles[0] === role}
                  onClick={() => change.mutate({ kind: 'role', accountId: account.id, role })}
                >
                  {t('accounts.changeRole')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
        {change.isError && <ProblemAlert error={change.error} />}
      </Stack>
    </Card>
  );
}
