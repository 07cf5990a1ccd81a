/** Everything the family-doctor feature caches lives under this key: invalidate it after a change or a live event. */
export const familyQueryKey = ['family'] as const;

export const panelQueryKey = [...familyQueryKey, 'panel'] as const;
export const alertsQueryKey = [...familyQueryKey, 'alerts'] as const;
export const threadsQueryKey = [...familyQueryKey, 'threads'] as const;
