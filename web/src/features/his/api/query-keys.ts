/** Everything cached about the HIS outbox (invalidate this after a retry or discard). */
export const hisOutboxQueryKey = ['his', 'outbox'] as const;

/** Everything cached about the identity-verification queue. */
export const hisIdentityReviewsQueryKey = ['his', 'identity-reviews'] as const;
