import { Alert, Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useDoctorPage } from '@/features/appointments/api/get-doctor-page';
import { useJoinWaitlist } from '@/features/appointments/api/join-waitlist';
import type { VisitType } from '@/features/appointments/api/schemas';
import { SlotPicker } from '@/features/appointments/components/slot-picker';
import { TimeZoneNote } from '@/features/appointments/components/time-zone-note';
import { formatDateTimeIn, formatMoney } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { ProblemAlert } from '@/components/problem-alert';

/** A doctor's page: profile, fees, the next free times, and the waitlist for fully booked days. */
export default function DoctorRoute(): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const { doctorId } = useParams();
  const navigate = useNavigate();
  const page = useDoctorPage(doctorId);
  const patientId = useActingPatient().patient?.id;
  const join = useJoinWaitlist();
  const [visitType, setVisitType] = useState<VisitType>('InPerson');
  const en = i18n.language !== 'zh-CN';

  if (page.isPending) return <PageLoader />;
  if (page.isError) {
    return (
      <Page title={t('doctor.title')}>
        <Alert color="red" role="alert">
          {problemMessage(page.error, t)}
        </Alert>
      </Page>
    );
  }

  const { doctor, timeZone, currency } = page.data;
  const joinWaitlist = (date: string): void => {
    if (!patientId || !doctorId) return;
    join.mutate(
      { patientId, doctorId, date, visitType },
      { onSuccess: (entry) => notifications.show({ message: t('waitlist.joined', { position: entry.position }) }) },
    );
  };

  return (
    <Page title={doctor.name} description={<Text>{`${en ? doctor.titleEn : doctor.title} · ${en ? doctor.department.nameEn : doctor.department.name} · ${en ? doctor.facility.nameEn : doctor.facility.name}`}</Text>}>
      <Stack gap={4}>
        {(en ? doctor.specialtiesEn : doctor.specialties) && <Text>{en ? doctor.specialtiesEn : doctor.specialties}</Text>}
        {(en ? page.data.bioEn : page.data.bio) && <Text c="dimmed">{en ? page.data.bioEn : page.data.bio}</Text>}
        <Text size="sm">
          {t('findCare.fees', { inPerson: formatMoney(doctor.inPersonFee, currency, i18n.language) })}
          {doctor.offersVideo && ` · ${t('findCare.videoFee', { fee: formatMoney(doctor.videoFee, currency, i18n.language) })}`}
        </Text>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="next-free">
        <Title order={2} size="h4" id="next-free">
          {t('doctor.nextFree')}
        </Title>
        <TimeZoneNote timeZone={timeZone} />
        {page.data.nextFreeSlots.length === 0 ? (
          <Text>{t('findCare.noneFree')}</Text>
        ) : (
          <Group gap="xs">
            {page.data.nextFreeSlots.slice(0, 6).map((slot) => (
              <Button key={slot.id} variant="light" size="sm" onClick={() => void navigate(`/appointments/new?doctorId=${doctor.id}&visitType=InPerson`)}>
                {formatDateTimeIn(slot.start, timeZone, i18n.language)}
              </Button>
            ))}
          </Group>
        )}
        <Group>
          <Button onClick={() => void navigate(`/appointments/new?doctorId=${doctor.id}&visitType=InPerson`)}>{t('findCare.book')}</Button>
          {doctor.offersVideo && (
            <Button variant="outline" onClick={() => void navigate(`/appointments/new?doctorId=${doctor.id}&visitType=Video`)}>
              {t('doctor.bookVideo')}
            </Button>
          )}
        </Group>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="waitlist-heading">
        <Title order={2} size="h4" id="waitlist-heading">
          {t('waitlist.title')}
        </Title>
        <Text size="sm">{t('waitlist.intro')}</Text>
        {doctor.offersVideo && (
          <SegmentedControl
            aria-label={t('book.visitType')}
            value={visitType}
            onChange={(value) => setVisitType(value === 'Video' ? 'Video' : 'InPerson')}
            data={[
              { value: 'InPerson', label: t('visitType.InPerson') },
              { value: 'Video', label: t('visitType.Video') },
            ]}
          />
        )}
        {join.isError && <ProblemAlert error={join.error} />}
        <SlotPicker
          doctorId={doctor.id}
          timeZone={timeZone}
          visitType={visitType}
          onSelect={() => void navigate(`/appointments/new?doctorId=${doctor.id}&visitType=${visitType}`)}
          onNoSlots={(date) => (
            <Button size="xs" variant="outline" loading={join.isPending} onClick={() => joinWaitlist(date)}>
              {t('waitlist.join')}
            </Button>
          )}
        />
      </Stack>
    </Page>
  );
}
