import { Alert, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useApproveRenewal } from '../api/approve-renewal';
import { useDeclineRenewal, type DeclineKind } from '../api/decline-renewal';
import type { DoctorRenewal } from '../api/get-doctor-renewal';
import { drugName, frequencyText } from '../lib/format';
import { ProblemAlert } from '@/components/problem-alert';

const frequencies = ['qd', 'qn', 'qm', 'bid', 'tid', 'qid', 'q12h', 'q8h', 'q6h', 'qod', 'qw'] as const;
const timesPerDay: Record<string, number> = { qd: 1, qn: 1, qm: 1, bid: 2, tid: 3, qid: 4, q12h: 2, q8h: 3, q6h: 4, qod: 0.5, qw: 1 / 7 };

interface LineState {
  doseAmount: number | string;
  frequency: string;
  daysSupply: number | string;
}

/**
 * The doctor's decision: the prescription to sign (dose, frequency and days supply per medicine, within the
 * catalogue's limits, with a warning when the daily dose is outside the usual range), or a reason to reject or to
 * ask for a video visit.
 */
export function DoctorDecision({ renewal }: { renewal: DoctorRenewal }): ReactNode {
  const { t, i18n } = useTranslation('renewals');
  const approve = useApproveRenewal(renewal.id);
  const decline = useDeclineRenewal(renewal.id);
  const [lines, setLines] = useState<Record<string, LineState>>(() =>
    Object.fromEntries(renewal.items.map(({ item }) => [item.id, { doseAmount: item.doseAmount, frequency: item.frequency, daysSupply: item.daysSupply }])),
  );
  const [note, setNote] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);

  const update = (id: string, change: Partial<LineState>): void => setLines((current) => ({ ...current, [id]: { ...current[id]!, ...change } }));
  const sendDecline = (kind: DeclineKind): void => {
    if (!reason.trim()) {
      setReasonError(t('validation.reason'));
      return;
    }
    setReasonError(null);
    decline.mutate({ kind, reason: reason.trim() });
  };

  if (approve.isSuccess) return <Alert color="teal" role="status">{t('doctor.signed')}</Alert>;
  if (decline.isSuccess) return <Alert color="gray" role="status">{t('doctor.decided', { status: t(`status.${decline.data.status}`) })}</Alert>;

  return (
    <Stack gap="md">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          approve.mutate({
            lines: renewal.items.map(({ item }) => ({
              itemId: item.id,
              doseAmount: Number(lines[item.id]!.doseAmount),
              frequency: lines[item.id]!.frequency,
              daysSupply: Number(lines[item.id]!.daysSupply),
            })),
            note: note.trim() || undefined,
          });
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('doctor.lines')}
          </Title>
          {renewal.items.map(({ item, limits }) => {
            const line = lines[item.id]!;
            const name = `${drugName(i18n.language, item.drugName, item.drugNameEn)} ${item.strength}`;
            const daily = Number(line.doseAmount) * (timesPerDay[line.frequency] ?? 1);
            const outOfRange = Number.isFinite(daily) && (daily < limits.minDailyDose || daily > limits.maxDailyDose);
            return (
              <Card key={item.id} withBorder radius="md" padding="md">
                <Stack gap="xs">
                  <Text fw={600}>{name}</Text>
                  <Text size="xs" c="dimmed">
                    {t('doctor.limits', { min: limits.minDailyDose, max: limits.maxDailyDose, unit: limits.doseUnit, days: limits.maxDaysSupply })}
                  </Text>
                  <Group grow wrap="wrap" align="flex-start">
                    <NumberInput
                      label={t('doctor.dose', { unit: limits.doseUnit, name })}
                      min={0}
                      decimalScale={4}
                      value={line.doseAmount}
                      onChange={(value) => update(item.id, { doseAmount: value })}
                      required
                    />
                    <Select
                      label={t('doctor.frequency', { name })}
                      data={frequencies.map((f) => ({ value: f, label: `${f} · ${frequencyText(t, f)}` }))}
                      value={line.frequency}
                      onChange={(value) => value && update(item.id, { frequency: value })}
                      allowDeselect={false}
                      required
                    />
                    <NumberInput
                      label={t('doctor.days', { name })}
                      min={1}
                      max={limits.maxDaysSupply}
                      allowDecimal={false}
                      value={line.daysSupply}
                      onChange={(value) => update(item.id, { daysSupply: value })}
                      required
                    />
                  </Group>
                  {outOfRange && (
                    <Text size="sm" c="orange.9" role="status">
                      <IconAlertTriangle size={14} aria-hidden="true" /> {t('doctor.outOfRange', { dose: daily, unit: limits.doseUnit })}
                    </Text>
                  )}
                </Stack>
              </Card>
            );
          })}
          <Textarea label={t('doctor.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={3} maxLength={1000} />
          {approve.isError && <ProblemAlert error={approve.error} />}
          <Button type="submit" loading={approve.isPending} w="fit-content">
            {t('doctor.approve')}
          </Button>
        </Stack>
      </form>

      <Stack gap="xs" component="section" aria-label={t('doctor.decline')}>
        <Textarea
          label={t('doctor.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={reasonError}
          rows={3}
          maxLength={1000}
        />
        {decline.isError && <ProblemAlert error={decline.error} />}
        <Group>
          <Button variant="default" onClick={() => sendDecline('request-visit')} loading={decline.isPending}>
            {t('doctor.requestVisit')}
          </Button>
          <Button variant="outline" color="red" onClick={() => sendDecline('reject')} loading={decline.isPending}>
            {t('doctor.reject')}
          </Button>
        </Group>
      </Stack>
    </Stack>
  );
}
