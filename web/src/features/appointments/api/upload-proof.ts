import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const storedFileSchema = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number() });
export type StoredFile = z.infer<typeof storedFileSchema>;

export function uploadProof(input: { patientId: string; file: File }): Promise<StoredFile> {
  const form = new FormData();
  form.append('file', input.file);
  return apiJson(`/api/appointments/proofs?patientId=${encodeURIComponent(input.patientId)}`, storedFileSchema, { method: 'POST', form });
}

/** Uploads proof of an in-person diagnosis (photo or PDF) for a video follow-up. */
export function useUploadProof(): UseMutationResult<StoredFile, Error, { patientId: string; file: File }> {
  return useMutation({ mutationFn: uploadProof });
}
