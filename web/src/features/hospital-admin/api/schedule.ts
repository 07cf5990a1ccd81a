import { useMutation, useQuery, useQueryClient, type UseMutationResult, type UseQueryResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const sessionSchema = z.object({
  day: z.enum(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
  start: z.string(),
  end: z.string(),
  slotMinutes: z.number(),
  inPerson: z.boolean(),
  video: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;
export const templateSchema = z.object({ doctorId: z.string(), timeZone: z.string(), sessions: z.array(sessionSchema), updatedAt: z.string().nullable() });
export type ScheduleTemplate = z.infer<typeof templateSchema>;
const changeSchema = z.object({ template: templateSchema, slots: z.object({ created: z.number(), reshaped: z.number(), retired: z.number(), bookedKept: z.number() }) });
export type ScheduleChange = z.infer<typeof changeSchema>;

const scheduleKey = (doctorId: string): readonly unknown[] => ['admin', 'schedule', doctorId];

export function getSchedule(doctorId: string): Promise<ScheduleTemplate> {
  return apiJson(`/api/admin/doctors/${encodeURIComponent(doctorId)}/schedule`, templateSchema);
}

export function useSchedule(doctorId: string | undefined): UseQueryResult<ScheduleTemplate> {
  return useQuery({ queryKey: scheduleKey(doctorId ?? ''), queryFn: () => getSchedule(doctorId!), enabled: Boolean(doctorId) });
}

export function saveSchedule(input: { doctorId: string; sessions: Session[] }): Promise<ScheduleChange> {
  return apiJson(`/api/admin/doctors/${encodeURIComponent(input.doctorId)}/schedule`, changeSchema, { method: 'PUT', body: { sessions: input.sessions } });
}

/** Replaces the weekly timetable; the coming weeks' free slots are regenerated, booked ones never touched. */
export function useSaveSchedule(): UseMutationResult<ScheduleChange, Error, { doctorId: string; sessions: Session[] }> {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: saveSchedule, onSuccess: (change) => queryClient.setQueryData(scheduleKey(change.template.doctorId), change.template) });
}
