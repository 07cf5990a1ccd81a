import { downloadFromApi } from '@/lib/download';

/** Downloads the appointment's calendar file (.ics) with the bearer token and hands it to the browser. */
export async function downloadCalendarFile(appointmentId: string): Promise<void> {
  await downloadFromApi(`/api/appointments/${encodeURIComponent(appointmentId)}/calendar.ics`, 'appointment.ics');
}
