import { useMutation, useQueryClient, type UseMutationResult } from '@tanstack/react-query';
import i18n from 'i18next';
import { z } from 'zod';
import { ApiError, problemSchema, type Problem } from '@/lib/api-client';
import { signedInUser } from '@/lib/oidc-loader';
import { imagingBase, imagingQueryKey } from '../lib/paths';

export const uploadResultSchema = z.object({
  studyInstanceUid: z.string(),
  stored: z.number(),
  duplicates: z.number(),
  description: z.string().nullable(),
});
export type UploadResult = z.infer<typeof uploadResultSchema>;

export interface UploadInput {
  file: File;
  appointmentId?: string | null;
  /** Bytes sent so far out of the total (0..1). */
  onProgress?: (fraction: number) => void;
}

/**
 * The upload transport: XMLHttpRequest, because fetch reports no upload progress and a CD's worth of images on a phone
 * takes a while. An object so tests can replace `send`.
 */
export const uploadTransport = {
  async send(path: string, form: FormData, onProgress?: (fraction: number) => void): Promise<UploadResult> {
    const token = (await signedInUser())?.access_token;
    return new Promise<UploadResult>((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open('POST', path);
      request.setRequestHeader('Accept', 'application/json, application/problem+json');
      if (i18n.language) request.setRequestHeader('Accept-Language', i18n.language);
      if (token) request.setRequestHeader('Authorization', `Bearer ${token}`);
      request.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      request.onerror = () => reject(new ApiError(0, { title: 'network' }));
      request.onload = () => {
        let body: unknown = null;
        try {
          body = request.responseText ? JSON.parse(request.responseText) : null;
        } catch {
          // Note: not JSON (a proxy's error page): the status alone says what happened.
        }
        if (request.status >= 200 && request.status < 300) {
          resolve(uploadResultSchema.parse(body));
          return;
        }
        const parsed = problemSchema.safeParse(body);
        const problem: Problem = { status: request.status, ...(parsed.success ? parsed.data : {}) };
        reject(new ApiError(request.status, problem));
      };
      request.send(form);
    });
  },
};

/** Shares an outside study (a .zip of DICOM files, a zipped DICOMDIR set or one .dcm) for the patient's consultation. */
export function uploadStudy(patientId: string, input: UploadInput): Promise<UploadResult> {
  const form = new FormData();
  form.append('file', input.file, input.file.name);
  if (input.appointmentId) form.append('appointmentId', input.appointmentId);
  return uploadTransport.send(`${imagingBase('patient', patientId)}/uploads`, form, input.onProgress);
}

export function useUploadStudy(patientId: string): UseMutationResult<UploadResult, Error, UploadInput> {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input) => uploadStudy(patientId, input),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: imagingQueryKey }),
  });
}
