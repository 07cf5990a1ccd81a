import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('not found page', () => {
  it.each([
    ['en', 'Page not found', 'Back to the home page'],
    ['zh-CN', '页面不存在', '返回首页'],
  ] as const)('renders in %s for an unknown route', async (language, title, back) => {
    await renderApp({ route: '/no/such/page', language });
    await findPageHeading(title);
    expect(screen.getByRole('link', { name: back })).toHaveAttribute('href', '/');
  });
});
