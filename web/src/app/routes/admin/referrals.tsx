import { Alert, Button, Card, Checkbox, Group, NumberInput, Select, Stack, Switch, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ProblemAlert } from '@/components/problem-alert';
import { localName, useDepartmentSlots, useReferralDepartments, useReserveSlots, useSetDepartmentReferrals, type ReferralDepartment } from '@/features/referrals/api/referrals';
import { formatInstant } from '@/lib/date-time';

/** Admin: which departments take referrals, when their reserved slots go public, and which slots are held back. */
export default function AdminReferralsRoute(): ReactNode {
  const { t, i18n } = useTranslation('referrals');
  const departments = useReferralDepartments();
  const [selected, setSelected] = useState<string | null>(null);
  if (departments.isPending) return <PageLoader />;
  if (departments.isError) return <ProblemAlert error={departments.error} />;
  const department = departments.data.find((d) => d.id === selected) ?? null;
  return (
    <Page title={t('pages.admin')} description={<Text c="dimmed">{t('pages.adminHelp')}</Text>}>
      <Select
        label={t('admin.department')}
        data={departments.data.map((d) => ({ value: d.id, label: `${localName(d, i18n.language)}${d.acceptsReferrals ? ` · ${t('admin.takes', { count: d.reservedSlots })}` : ''}` }))}
        value={selected}
        onChange={setSelected}
      />
      {department && <DepartmentSettings key={department.id} department={department} />}
    </Page>
  );
}

function DepartmentSettings({ department }: { department: ReferralDepartment }): ReactNode {
  const { t, i18n } = useTranslation('referrals');
  const [accepts, setAccepts] = useState(department.acceptsReferrals);
  const [hours, setHours] = useState<number>(department.releaseHoursBefore);
  const [chosen, setChosen] = useState<string[]>([]);
  const save = useSetDepartmentReferrals();
  const slots = useDepartmentSlots(department.id);
  const reserve = useReserveSlots(department.id);
  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          {save.isError && <ProblemAlert error={save.error} />}
          {save.isSuccess && <Alert color="green">{t('admin.saved')}</Alert>}
          <Switch label={t('admin.accepts')} checked={accepts} onChange={(event) => setAccepts(event.currentTarget.checked)} />
          <NumberInput label={t('admin.releaseHours')} description={t('admin.releaseHoursHelp')} min={0} max={336} value={hours} onChange={(value) => setHours(typeof value === 'number' ? value : 0)} />
          <Button onClick={() => save.mutate({ id: department.id, acceptsReferrals: accepts, releaseHoursBefore: hours })} loading={save.isPending}>
            {t('admin.save')}
          </Button>
        </Stack>
      </Card>
      <Title order={2} size="h4">
        {t('admin.slots')}
      </Title>
      {reserve.isError && <ProblemAlert error={reserve.error} />}
      {slots.isPending ? (
        <PageLoader />
      ) : slots.isError ? (
        <ProblemAlert error={slots.error} />
      ) : (
        <Checkbox.Group value={chosen} onChange={setChosen} aria-label={t('admin.slots')}>
          <Stack gap={4}>
            {slots.data.length === 0 && <Text c="dimmed">{t('admin.noSlots')}</Text>}
            {slots.data.map((s) => (
              <Checkbox key={s.slotId} value={s.slotId} label={`${formatInstant(s.start, i18n.language)} · ${s.doctorName}${s.reserved ? ` · ${t('admin.reserved')}` : ''}`} />
            ))}
          </Stack>
        </Checkbox.Group>
      )}
      <Group>
        <Button disabled={chosen.length === 0} loading={reserve.isPending} onClick={() => reserve.mutate({ slotIds: chosen, reserved: true }, { onSuccess: () => setChosen([]) })}>
          {t('admin.reserve')}
        </Button>
        <Button variant="light" disabled={chosen.length === 0} loading={reserve.isPending} onClick={() => reserve.mutate({ slotIds: chosen, reserved: false }, { onSuccess: () => setChosen([]) })}>
          {t('admin.release')}
        </Button>
      </Group>
    </Stack>
  );
}
