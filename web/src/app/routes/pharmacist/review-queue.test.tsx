import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('Review queue (pharmacist home)', () => {
  it.each([
    ['en', 'Review queue', 'The queue is empty.'],
    ['zh-CN', '审方队列', '队列为空。'],
  ] as const)('renders in %s with an empty state', async (language, title, empty) => {
    await renderApp({ route: '/review-queue', roles: ['Pharmacist'], language });
    await findPageHeading(title);
    expect(screen.getByText(empty, { exact: false })).toBeInTheDocument();
  });
});
