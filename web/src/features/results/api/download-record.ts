import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';

/**
 * Downloads "my record" (a FHIR R4 Bundle). It needs the bearer token, so it is fetched and handed to the browser as
 * an object URL. 429 rate_limited when asked too often.
 */
export async function downloadRecord(patientId: string): Promise<void> {
  const response = await apiFetch(`/api/patients/${encodeURIComponent(patientId)}/record.fhir.json`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = 'record.fhir.json';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Note: give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function useDownloadRecord(): UseMutationResult<void, Error, string> {
  return useMutation({ mutationFn: downloadRecord });
}
