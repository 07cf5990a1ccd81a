import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('not allowed page', () => {
  it.each([
    ['en', 'Not allowed', 'Your account does not have access to this page.'],
    ['zh-CN', '无权访问', '您的账户无权访问此页面。'],
  ] as const)('renders in %s', async (language, title, message) => {
    await renderApp({ route: '/workspace', roles: ['Patient'], language });
    await findPageHeading(title);
    expect(screen.getByText(message)).toBeInTheDocument();
  });
});
