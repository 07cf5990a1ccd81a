import { apiFetch } from '@/lib/api-client';

/** Opens the patient's uploaded proof in a new tab (fetched with the bearer token). */
export async function openProof(appointmentId: string): Promise<void> {
  const response = await apiFetch(`/api/appointments/${encodeURIComponent(appointmentId)}/proof`);
  const url = URL.createObjectURL(await response.blob());
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
