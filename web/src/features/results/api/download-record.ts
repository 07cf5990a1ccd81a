import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { downloadFromApi } from '@/lib/download';

export type RecordFormat = 'fhir' | 'pdf';

const files: Record<RecordFormat, string> = { fhir: 'record.fhir.json', pdf: 'record.pdf' };

/**
 * Downloads "my record": a FHIR R4 Bundle (for other hospitals and apps) or a PDF to read and print, in the language
 * the request asks for (the app's). It needs the bearer token, so it is fetched and handed to the browser as an
 * object URL. 429 rate_limited when asked too often (one budget for both forms).
 */
export async function downloadRecord(patientId: string, format: RecordFormat): Promise<void> {
  await downloadFromApi(`/api/patients/${encodeURIComponent(patientId)}/${files[format]}`, files[format]);
}

export function useDownloadRecord(format: RecordFormat): UseMutationResult<void, Error, string> {
  return useMutation({ mutationFn: (patientId: string) => downloadRecord(patientId, format) });
}
