import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

const appointmentSchema = z.object({ id: z.string(), patientId: z.string(), patientName: z.string(), visitType: z.enum(['InPerson', 'Video']), status: z.string() });
export const calendarSlotSchema = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  status: z.enum(['Open', 'Blocked', 'Cancelled', 'Retired']),
  offersInPerson: z.boolean(),
  offersVideo: z.boolean(),
  sessionId: z.string().nullable(),
  appointment: appointmentSchema.nullable(),
});
export type CalendarSlot = z.infer<typeof calendarSlotSchema>;
export const calendarSchema = z.object({
  doctorId: z.string(),
  doctorName: z.string(),
  timeZone: z.string(),
  days: z.array(z.object({ date: z.string(), slots: z.array(calendarSlotSchema) })),
  cancelledAppointments: z.number(),
});
export type DoctorCalendar = z.infer<typeof calendarSchema>;

export const scheduleKeys = { all: ['schedule'] as const, calendar: (from: string, days: number) => ['schedule', 'calendar', from, days] as const };

export function getCalendar(from: string, days: number): Promise<DoctorCalendar> {
  return apiJson(`/api/doctors/me/calendar?from=${from}&days=${days}`, calendarSchema);
}

/** The signed-in doctor's slots and appointments for a day or a week. */
export function useCalendar(from: string, days: number): UseQueryResult<DoctorCalendar> {
  // Note: other people change this list (patients submit, colleagues decide): fetched afresh whenever it is opened.
  return useQuery({ queryKey: scheduleKeys.calendar(from, days), queryFn: () => getCalendar(from, days), placeholderData: keepPreviousData, staleTime: 0 });
}
