import { Alert, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconArrowsExchange } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyStateCard } from '@/components/empty-state-card';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ProblemAlert } from '@/components/problem-alert';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useBookReferral, useMyReferral, useMyReferrals, type Referral } from '@/features/referrals/api/referrals';
import { ReferralCard } from '@/features/referrals/components/referral-card';
import { formatInstant } from '@/lib/date-time';

/** "My referrals" (我的转诊): referrals of the acting patient, with one-tap booking of a proposed time. */
export default function MyReferralsRoute(): ReactNode {
  const { t } = useTranslation('referrals');
  const patientId = useActingPatient().patient?.id;
  const referrals = useMyReferrals(patientId);
  return (
    <Page title={t('pages.mine')} description={<Text c="dimmed">{t('pages.mineHelp')}</Text>}>
      {!patientId || referrals.isPending ? (
        <PageLoader />
      ) : referrals.isError ? (
        <ProblemAlert error={referrals.error} />
      ) : referrals.data.length === 0 ? (
        <EmptyStateCard title={t('empty.mineTitle')} message={t('empty.mine')} icon={<IconArrowsExchange size={20} />} />
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('pages.mine')}>
          {referrals.data.map((referral) => (
            <ReferralCard key={referral.id} referral={referral}>
              {referral.status === 'AppointmentProposed' && <OneTapBooking patientId={patientId} referral={referral} />}
              {referral.appointmentId && (
                <Button component={Link} to={`/appointments/${referral.appointmentId}`} variant="light">
                  {t('book.open')}
                </Button>
              )}
            </ReferralCard>
          ))}
        </Stack>
      )}
    </Page>
  );
}

function OneTapBooking({ patientId, referral }: { patientId: string; referral: Referral }): ReactNode {
  const { t, i18n } = useTranslation('referrals');
  const [other, setOther] = useState<string | null>(null);
  const detail = useMyReferral(patientId, referral.id);
  const book = useBookReferral(patientId);
  const others = (detail.data?.reservedSlots ?? []).filter((s) => s.slotId !== referral.proposedSlot?.slotId);
  return (
    <Stack gap="xs">
      {book.isError && <ProblemAlert error={book.error} />}
      {book.isSuccess && <Alert color="green">{t('book.done')}</Alert>}
      <Button size="md" loading={book.isPending && !book.variables?.slotId} onClick={() => book.mutate({ referralId: referral.id })}>
        {t('book.proposed')}
      </Button>
      {others.length > 0 && (
        <Group align="end" wrap="wrap">
          <Select
            label={t('book.another')}
            data={others.map((s) => ({ value: s.slotId, label: `${formatInstant(s.start, i18n.language)} · ${s.doctorName}` }))}
            value={other}
            onChange={setOther}
            style={{ flex: 1, minWidth: 200 }}
          />
          <Button variant="light" disabled={!other} loading={book.isPending && Boolean(book.variables?.slotId)} onClick={() => other && book.mutate({ referralId: referral.id, slotId: other })}>
            {t('book.anotherButton')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
