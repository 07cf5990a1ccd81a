import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { summary } from '@/features/renewals/testing/fixtures';
import { overview } from '@/features/family/testing/fixtures';
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

  it('counts the renewal requests waiting for the doctor', async () => {
    await renderApp({
      route: '/workspace',
      roles: ['Doctor'],
      api: { 'GET /api/doctor/renewals': { waiting: [summary(), summary({ id: 'ren-2' })], recentlyDecided: [] } },
    });
    await findPageHeading('Workspace');
    expect(await screen.findByText('2 requests are waiting for you.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the renewal queue' })).toHaveAttribute('href', '/doctor/renewals');
  });
});

describe('Workspace: the my patients card', () => {
  it('counts the signed patients and what needs attention, and links to the panel', async () => {
    await renderApp({ route: '/workspace', roles: ['Doctor'], api: { 'GET /api/family/panel/overview': overview } });
    const card = await screen.findByRole('region', { name: 'My patients' });
    expect(await within(card).findByText('5 signed patients')).toBeInTheDocument();
    expect(within(card).getByText('1 with an open alert')).toBeInTheDocument();
    expect(within(card).getByText('1 application waiting')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Open my patients' })).toHaveAttribute('href', '/panel');
  });
});
