import { z } from 'zod';

export const relations = ['child', 'parent', 'spouse', 'other'] as const;
export type Relation = (typeof relations)[number];
export const scopes = ['appointments', 'results', 'medications', 'messages', 'payments'] as const;
export type Scope = (typeof scopes)[number];

// Note: unknown scope names from a newer server are dropped rather than failing the whole list.
export const scopeListSchema = z
  .array(z.string())
  .nullish()
  .transform((list) => (list ?? []).filter((scope): scope is Scope => (scopes as readonly string[]).includes(scope)));

export const familyMemberSchema = z.object({
  patientId: z.string(),
  name: z.string(),
  relation: z.string(),
  /** Null while the person has not consented yet (status "pending"). */
  relationship: z.string().nullish(),
  status: z.string(),
  scopes: scopeListSchema,
  accessEndsOn: z.string().nullish(),
  ageYears: z.number().nullish(),
  guardianMustAttend: z.boolean().nullish(),
  adolescentShares: z.object({ messages: z.boolean(), results: z.boolean() }).nullish(),
  invitationId: z.string().nullish(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

export const proxySchema = z.object({
  accessId: z.string(),
  accountName: z.string(),
  relation: z.string(),
  relationship: z.string().nullish(),
  scopes: scopeListSchema,
  since: z.string(),
  accessEndsOn: z.string().nullish(),
  /** Whether I may end it: an adult always; a minor cannot end a guardian's access. */
  revocable: z.boolean().nullish().transform((value) => value ?? true),
  /** For a 14–17-year-old: what the guardian may see of the confidential parts (null: not an adolescent's guardian). */
  adolescentShares: z.object({ messages: z.boolean(), results: z.boolean() }).nullish(),
});
export type Proxy = z.infer<typeof proxySchema>;

/** A guardian whose access ended when I turned 18 (GET /api/family/proxies/former): I may invite them back as a proxy. */
export const formerGuardianSchema = z.object({
  accessId: z.string(),
  accountName: z.string(),
  relation: z.string(),
  endedAt: z.string(),
});
export type FormerGuardian = z.infer<typeof formerGuardianSchema>;
