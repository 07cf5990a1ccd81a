import { apiFetch } from '@/lib/api-client';

/** Downloads the appointment's calendar file (.ics) with the bearer token and hands it to the browser. */
export async function downloadCalendarFile(appointmentId: string): Promise<void> {
  const response = await apiFetch(`/api/appointments/${encodeURIComponent(appointmentId)}/calendar.ics`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'appointment.ics';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
