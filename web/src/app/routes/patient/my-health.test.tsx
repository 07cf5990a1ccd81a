import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('My health (patient home)', () => {
  it.each([
    ['en', 'My health', ['Appointments', 'Medications', 'Messages'], 'You have no upcoming appointments.'],
    ['zh-CN', '我的健康', ['我的预约', '我的用药', '消息'], '您暂无即将到来的预约。'],
  ] as const)('renders in %s with three empty cards', async (language, title, cards, emptyText) => {
    await renderApp({ route: '/my-health', roles: ['Patient'], language });
    await findPageHeading(title);
    for (const card of cards) expect(screen.getByRole('heading', { level: 2, name: card })).toBeInTheDocument();
    expect(screen.getByText(emptyText, { exact: false })).toBeInTheDocument();
    expect(document.title).toContain(title);
  });
});
