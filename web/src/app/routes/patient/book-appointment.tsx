import { Alert, Anchor, Button, Checkbox, FileInput, Group, SegmentedControl, Stack, Stepper, Text } from '@mantine/core';
import { IconCalendarPlus, IconUpload } from '@tabler/icons-react';
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Page } from '@/components/page';
import { PageLoader } from '@/components/page-loader';
import { ScopeGate } from '@/features/accounts/components/scope-gate';
import { isOwnRecord, useActingPatient } from '@/features/accounts/lib/acting-patient';
import { useBookAppointment } from '@/features/appointments/api/book-appointment';
import { downloadCalendarFile } from '@/features/appointments/api/download-calendar-file';
import { useAppointment } from '@/features/appointments/api/get-appointment';
import { useDoctorPage } from '@/features/appointments/api/get-doctor-page';
import { useEligibility } from '@/features/appointments/api/get-eligibility';
import type { FreeSlot, VisitType } from '@/features/appointments/api/schemas';
import { useUploadProof } from '@/features/appointments/api/upload-proof';
import { AppointmentSummary } from '@/features/appointments/components/appointment-summary';
import { PaymentStep } from '@/features/appointments/components/payment-step';
import { SlotPicker } from '@/features/appointments/components/slot-picker';
import { TimeZoneNote } from '@/features/appointments/components/time-zone-note';
import { isApiError } from '@/lib/api-client';
import { formatCalendarDay, formatDateTimeIn, formatMoney } from '@/lib/date-time';
import { problemMessage } from '@/lib/problem-message';
import { megabytes, useServerSettings } from '@/lib/server-settings';
import { useServerFormErrors } from '@/lib/use-server-form-errors';

/** What the patient chose that the server may refuse: the time, and the uploaded proof of a diagnosis. */
const bookingFields = ['slotId', 'proofFileId'] as const;
type BookingField = (typeof bookingFields)[number];

function parseVisitType(value: string | null): VisitType {
  return value === 'Video' ? 'Video' : 'InPerson';
}

/**
 * The booking wizard: time → confirm → pay → confirmation. Deep links: /appointments/new?doctorId=…&visitType=Video|InPerson.
 * Video visits are follow-ups only: without a qualifying diagnosis the page explains why and offers uploading proof
 * or an in-person visit instead.
 */
export default function BookAppointmentRoute(): ReactNode {
  const { t, i18n } = useTranslation('appointments');
  const { maxUploadBytes } = useServerSettings();
  const [params] = useSearchParams();
  const doctorId = params.get('doctorId') ?? undefined;
  const [visitType, setVisitType] = useState<VisitType>(parseVisitType(params.get('visitType')));
  const [slot, setSlot] = useState<FreeSlot | null>(null);
  const [step, setStep] = useState(0);
  const [proofId, setProofId] = useState<string | null>(null);
  const [appointmentId, setAppointmentId] = useState<string | null>(null);
  const [guardianPresent, setGuardianPresent] = useState(false);
  const acting = useActingPatient();
  const patientId = acting.patient?.id;
  const doctor = useDoctorPage(doctorId);
  const eligibility = useEligibility(patientId, doctorId, visitType === 'Video');
  const upload = useUploadProof();
  const book = useBookAppointment();
  const appointment = useAppointment(appointmentId ?? undefined);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<BookingField, string>>>({});
  const setFieldError = useCallback((field: BookingField, message: string) => setFieldErrors((current) => ({ ...current, [field]: message })), []);
  // Note: a taken time belongs to the time step (the patient chooses again there), not to the confirmation.
  const { formError, setFormError, onError } = useServerFormErrors({ fields: bookingFields, setFieldError }, t, { codeFields: { slot_taken: 'slotId' } });

  if (!doctorId) {
    return (
      <Page title={t('book.title')}>
        <Alert color="blue">
          {t('book.chooseDoctorFirst')}{' '}
          <Anchor component={Link} to="/find-care">
            {t('findCare.title')}
          </Anchor>
        </Alert>
      </Page>
    );
  }
  if (doctor.isPending || acting.isPending) return <PageLoader />;
  if (doctor.isError) {
    return (
      <Page title={t('book.title')}>
        <Alert color="red" role="alert">
          {problemMessage(doctor.error, t)}
        </Alert>
      </Page>
    );
  }

  const info = doctor.data.doctor;
  const timeZone = doctor.data.timeZone;
  const en = i18n.language !== 'zh-CN';
  const videoBlocked = visitType === 'Video' && eligibility.data !== undefined && !eligibility.data.eligible && !proofId;
  const fee = visitType === 'Video' ? info.videoFee : info.inPersonFee;
  const person = acting.patient;
  const guardianRequired = isApiError(book.error) && book.error.code === 'guardian_presence_required';
  // Note: domain rule 4: a child under 6 is seen online only with a guardian present; the guardian says so here.
  const askGuardian = person !== undefined && person.guardianMustAttend && (visitType === 'Video' || guardianRequired);

  const chooseVisitType = (value: string): void => {
    setVisitType(parseVisitType(value));
    setSlot(null);
  };

  const confirm = (): void => {
    if (!slot || !patientId) return;
    setFieldErrors({});
    setFormError(null);
    book.mutate(
      { patientId, slotId: slot.id, visitType, proofFileId: proofId ?? undefined, guardianPresent: askGuardian ? guardianPresent : undefined },
      {
        onSuccess: (booked) => {
          setAppointmentId(booked.id);
          setStep(booked.status === 'PendingPayment' ? 2 : 3);
        },
        onError: (error) => {
          onError(error);
          if (!isApiError(error)) return;
          if (error.code === 'slot_taken' || error.fieldErrors.slotId) {
            setSlot(null);
            setStep(0);
          } else if (error.fieldErrors.proofFileId) {
            // Note: the proof was refused: the upload field comes back, with the reason under it.
            setProofId(null);
            setStep(0);
          }
        },
      },
    );
  };

  return (
    <Page title={t('book.titleWith', { doctor: info.name })}>
      <TimeZoneNote timeZone={timeZone} />
      {step === 0 && (fieldErrors.slotId ?? formError) && (
        <Alert color="red" role="alert">
          {fieldErrors.slotId ?? formError}
        </Alert>
      )}
      <ScopeGate scope="appointments">
      <Stepper active={step} size="sm" allowNextStepsSelect={false} orientation="horizontal" styles={{ steps: { flexWrap: 'wrap', rowGap: 8 } }}>
        <Stepper.Step label={t('book.stepTime')}>
          <Stack gap="md" mt="md">
            {info.offersVideo && (
              <Stack gap={4}>
                <Text fw={600} id="visit-type-label">
                  {t('book.visitType')}
                </Text>
                <SegmentedControl
                  aria-labelledby="visit-type-label"
                  value={visitType}
                  onChange={chooseVisitType}
                  data={[
                    { value: 'InPerson', label: t('visitType.InPerson') },
                    { value: 'Video', label: t('visitType.Video') },
                  ]}
                />
              </Stack>
            )}
            {visitType === 'Video' && eligibility.data?.eligible && eligibility.data.diagnosis && (
              <Alert color="green">
                {/* Note: by the condition's name in the reader's language; the ICD-10 code means nothing to a patient. */}
                {t('book.followUpOf', {
                  condition: i18n.language === 'zh-CN' ? eligibility.data.diagnosis.nameZh : eligibility.data.diagnosis.nameEn,
                  date: formatCalendarDay(eligibility.data.diagnosis.diagnosedOn, i18n.language),
                })}
              </Alert>
            )}
            {visitType === 'Video' && eligibility.data?.eligible && eligibility.data.basis === 'FamilyDoctor' && <Alert color="green">{t('book.familyDoctor')}</Alert>}
            {visitType === 'Video' && eligibility.data && !eligibility.data.eligible && (
              <Alert color="orange" title={t('book.followUpOnlyTitle')} role="status">
                <Stack gap="sm">
                  <Text size="sm">{t('book.followUpOnly')}</Text>
                  {proofId ? (
                    <Text size="sm" fw={600}>
                      {t('book.proofUploaded')}
                    </Text>
                  ) : (
                    <FileInput
                      label={t('book.proofLabel')}
                      description={t('book.proofHint', { size: megabytes(maxUploadBytes) })}
                      accept="image/jpeg,image/png,image/webp,image/heic,application/pdf"
                      leftSection={<IconUpload size={16} aria-hidden="true" />}
                      disabled={upload.isPending || !patientId}
                      error={upload.isError ? problemMessage(upload.error, t) : fieldErrors.proofFileId}
                      onChange={(file) => {
                        if (file && patientId) upload.mutate({ patientId, file }, { onSuccess: (stored) => setProofId(stored.id) });
                      }}
                    />
                  )}
                  <Group>
                    <Button variant="default" onClick={() => chooseVisitType('InPerson')}>
                      {t('book.inPersonInstead')}
                    </Button>
                  </Group>
                </Stack>
              </Alert>
            )}
            {!videoBlocked && (
              <SlotPicker doctorId={doctorId} timeZone={timeZone} visitType={visitType} selectedId={slot?.id} onSelect={setSlot} />
            )}
            <Group justify="flex-end">
              <Button disabled={!slot || videoBlocked} onClick={() => setStep(1)}>
                {t('book.next')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('book.stepConfirm')}>
          {slot && (
            <Stack gap="sm" mt="md">
              {person && !isOwnRecord(person) && (
                <Text fw={600}>{t('familyMembers:booking.forPatient', { name: person.name })}</Text>
              )}
              <Text>{t('book.confirmWho', { doctor: info.name, title: en ? info.titleEn : info.title, department: en ? info.department.nameEn : info.department.name })}</Text>
              <Text fw={700}>{formatDateTimeIn(slot.start, timeZone, i18n.language)}</Text>
              <Text>{visitType === 'Video' ? t('visitType.Video') : `${t('visitType.InPerson')} · ${en ? info.facility.nameEn : info.facility.name}`}</Text>
              <Text>{t('summary.fee', { fee: formatMoney(fee, doctor.data.currency, i18n.language) })}</Text>
              {proofId && <Text size="sm">{t('book.reviewFirst')}</Text>}
              {askGuardian && person && (
                <Alert color="orange" title={t('familyMembers:guardian.title')}>
                  <Stack gap="xs">
                    <Text size="sm">{t('familyMembers:guardian.explain', { name: person.name })}</Text>
                    <Checkbox
                      checked={guardianPresent}
                      onChange={(event) => setGuardianPresent(event.currentTarget.checked)}
                      label={t('familyMembers:guardian.confirm', { name: person.name })}
                    />
                  </Stack>
                </Alert>
              )}
              {formError && (
                <Alert color="red" role="alert">
                  {formError}
                </Alert>
              )}
              <Group justify="space-between">
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('book.back')}
                </Button>
                <Button loading={book.isPending} onClick={confirm} disabled={askGuardian && !guardianPresent}>
                  {t('book.confirm')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Step label={t('book.stepPay')}>
          {appointment.data && (
            <Stack mt="md">
              <ScopeGate scope="payments">
                <PaymentStep appointment={appointment.data} onPaid={() => setStep(3)} />
              </ScopeGate>
            </Stack>
          )}
        </Stepper.Step>
        <Stepper.Completed>
          {appointment.data && (
            <Stack mt="md" gap="md">
              <Alert color={appointment.data.status === 'Booked' ? 'green' : 'yellow'} title={t(appointment.data.status === 'Booked' ? 'book.doneTitle' : 'book.waitingTitle')} role="status">
                {t(appointment.data.status === 'Booked' ? 'book.done' : 'book.waiting')}
              </Alert>
              <AppointmentSummary appointment={appointment.data} />
              <Group>
                {appointment.data.status === 'Booked' && (
                  <Button variant="outline" leftSection={<IconCalendarPlus size={16} aria-hidden="true" />} onClick={() => void downloadCalendarFile(appointment.data.id)}>
                    {t('actions.addToCalendar')}
                  </Button>
                )}
                <Button component={Link} to="/appointments">
                  {t('myAppointments.title')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Completed>
      </Stepper>
      </ScopeGate>
    </Page>
  );
}
