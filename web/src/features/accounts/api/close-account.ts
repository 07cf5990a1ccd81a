import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { z } from 'zod';
import { apiJson } from '@/lib/api-client';

export const closeAccountInputSchema = z.object({ password: z.string().min(1, 'accounts:closeAccount.passwordRequired') });
export type CloseAccountInput = z.infer<typeof closeAccountInputSchema>;

export const accountClosedSchema = z.object({
  closedAt: z.string(),
  patientIds: z.array(z.string()),
  medicalRecordRetentionYears: z.number(),
});
export type AccountClosed = z.infer<typeof accountClosedSchema>;

/** Closes the signed-in patient's account for good (password asked again); the medical record is kept. */
export function closeAccount(input: CloseAccountInput): Promise<AccountClosed> {
  return apiJson('/api/account/close', accountClosedSchema, { method: 'POST', body: closeAccountInputSchema.parse(input) });
}

export function useCloseAccount(): UseMutationResult<AccountClosed, Error, CloseAccountInput> {
  return useMutation({ mutationFn: closeAccount });
}
