/** Query keys of issue 15's lists: the people an account acts for, and who acts for the signed-in person. */
export const familyMemberKeys = {
  all: ['family-members'] as const,
  members: () => [...familyMemberKeys.all, 'members'] as const,
  invitation: (token: string) => [...familyMemberKeys.all, 'invitation', token] as const,
  proxies: () => [...familyMemberKeys.all, 'proxies'] as const,
  formerGuardians: () => [...familyMemberKeys.all, 'former-guardians'] as const,
  activity: () => [...familyMemberKeys.all, 'activity'] as const,
  adminAccess: (patientId: string) => [...familyMemberKeys.all, 'admin', patientId] as const,
  pendingConsents: () => [...familyMemberKeys.all, 'admin', 'consents'] as const,
};

/**
 * Note: the header's person switcher reads GET /api/me (the accounts feature's ['me'] query); a change to whom the
 * account acts for refreshes it by that key rather than importing across features.
 */
export const meQueryKeyForRefresh = ['me'] as const;
