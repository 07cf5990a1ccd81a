export const resultsQueryKey = ['results'] as const;
