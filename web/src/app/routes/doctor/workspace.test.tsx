import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('Workspace (doctor home)', () => {
  it.each([
    ['en', 'Workspace', ["Today's visits", 'Renewal requests', 'My patients']],
    ['zh-CN', '工作台', ['今日就诊', '续方申请', '我的患者']],
  ] as const)('renders in %s with empty cards', async (language, title, cards) => {
    await renderApp({ route: '/workspace', roles: ['Doctor'], language });
    await findPageHeading(title);
    for (const card of cards) expect(screen.getByRole('heading', { level: 2, name: card })).toBeInTheDocument();
  });
});
