import type { Appointment, DoctorCard } from '@/features/appointments/api/schemas';

/** Booking data as the API sends it, for page tests. */
export const hospital = { name: '互联网医院', nameEn: 'InternetHospital', timeZone: 'Asia/Shanghai', currency: 'CNY', holdMinutes: 15, changeCutoffHours: 2, followUpLookBack: 'P6M' };

export function doctorCard(overrides: Partial<DoctorCard> = {}): DoctorCard {
  return {
    id: 'doc-1',
    name: '李伟',
    title: '主任医师',
    titleEn: 'Chief Physician',
    department: { id: 'dep-1', name: '心血管内科', nameEn: 'Cardiology' },
    facility: { id: 'fac-1', name: '市第一人民医院', nameEn: "City First People's Hospital" },
    specialties: '高血压',
    specialtiesEn: 'Hypertension',
    languages: ['zh-CN', 'en'],
    hasPhoto: false,
    isFamilyDoctor: false,
    offersVideo: true,
    inPersonFee: 50,
    videoFee: 40,
    nextFreeSlot: '2030-03-04T01:00:00Z',
    freeSlots: 3,
    ...overrides,
  };
}

export function appointment(overrides: Partial<Appointment> = {}): Appointment {
  return {
    id: 'apt-1',
    patientId: 'pat-1',
    patientName: 'Li Lei',
    doctor: { id: 'doc-1', name: '李伟', title: '主任医师', titleEn: 'Chief Physician' },
    department: { id: 'dep-1', name: '心血管内科', nameEn: 'Cardiology' },
    facility: { id: 'fac-1', name: '市第一人民医院', nameEn: "City First People's Hospital" },
    start: '2030-03-04T01:00:00Z',
    end: '2030-03-04T01:30:00Z',
    localDate: '2030-03-04',
    timeZone: 'Asia/Shanghai',
    visitType: 'InPerson',
    status: 'Booked',
    fee: 50,
    currency: 'CNY',
    holdExpiresAt: null,
    paymentId: 'pay-1',
    paymentStatus: 'Succeeded',
    refundedAmount: 0,
    followUpBasis: 'NotRequired',
    followUpDiagnosisCode: null,
    hasProof: false,
    reviewNote: null,
    cancelledBy: null,
    cancellationReason: null,
    cancelledAt: null,
    changeDeadline: '2030-03-03T23:00:00Z',
    canCancel: true,
    canReschedule: true,
    createdAt: '2030-03-01T00:00:00Z',
    ...overrides,
  };
}

export function slots(date: string, times: string[]): { id: string; start: string; end: string; localDate: string; offersInPerson: boolean; offersVideo: boolean }[] {
  return times.map((utc, i) => ({ id: `slot-${i + 1}`, start: `${date}T${utc}:00Z`, end: `${date}T${utc}:30Z`.replace(':00:30', ':30:00'), localDate: date, offersInPerson: true, offersVideo: true }));
}
