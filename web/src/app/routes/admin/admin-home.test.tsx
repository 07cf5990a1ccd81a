import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('Administration (admin home)', () => {
  it.each([
    ['en', 'Administration', 'Nothing needs your attention right now.'],
    ['zh-CN', '系统管理', '目前没有需要您处理的事项。'],
  ] as const)('renders in %s with an empty state', async (language, title, empty) => {
    await renderApp({ route: '/admin', roles: ['Admin'], language });
    await findPageHeading(title);
    expect(screen.getByText(empty)).toBeInTheDocument();
  });
});
