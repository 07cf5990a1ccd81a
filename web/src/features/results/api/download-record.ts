import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { downloadFromApi } from '@/lib/download';

/**
 * Downloads "my record" (a FHIR R4 Bundle). It needs the bearer token, so it is fetched and handed to the browser as
 * an object URL. 429 rate_limited when asked too often.
 */
export async function downloadRecord(patientId: string): Promise<void> {
  await downloadFromApi(`/api/patients/${encodeURIComponent(patientId)}/record.fhir.json`, 'record.fhir.json');
}

export function useDownloadRecord(): UseMutationResult<void, Error, string> {
  return useMutation({ mutationFn: downloadRecord });
}
