import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { ApiError, apiFetch } from '@/lib/api-client';

export const ACCEPTED_ATTACHMENTS = 'image/jpeg,image/png,image/webp,image/heic,application/pdf';

export const uploadedFileSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() });
export type UploadedFile = z.infer<typeof uploadedFileSchema>;

export interface UploadInput {
  threadId: string;
  file: File;
}

/**
 * Uploads a photo or PDF for the next message (checked by its bytes on the server: 400 on the field "file").
 * Multipart, so it goes through apiFetch without a JSON body.
 */
export async function uploadAttachment({ threadId, file }: UploadInput): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await apiFetch(`/api/family/threads/${encodeURIComponent(threadId)}/attachments`, { method: 'POST', form });
  const parsed = uploadedFileSchema.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(500, { title: 'Unexpected answer' });
  return parsed.data;
}

export function useUploadAttachment(): UseMutationResult<UploadedFile, Error, UploadInput> {
  return useMutation({ mutationFn: uploadAttachment });
}
