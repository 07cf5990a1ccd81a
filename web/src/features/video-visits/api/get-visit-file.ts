import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { apiFetch } from '@/lib/api-client';
import { visitQueryKey } from './schemas';

/** A file shared in the visit's chat, as a blob (images are shown from an object URL: bearer tokens cannot ride on <img>). */
export async function getVisitFile(visitId: string, fileId: string): Promise<Blob> {
  const response = await apiFetch(`/api/video-visits/${encodeURIComponent(visitId)}/files/${encodeURIComponent(fileId)}`);
  return response.blob();
}

export function useVisitFile(visitId: string, fileId: string, options: { enabled?: boolean } = {}): UseQueryResult<Blob> {
  return useQuery({
    queryKey: [...visitQueryKey(visitId), 'file', fileId],
    queryFn: () => getVisitFile(visitId, fileId),
    enabled: options.enabled ?? true,
    staleTime: Infinity,
  });
}
