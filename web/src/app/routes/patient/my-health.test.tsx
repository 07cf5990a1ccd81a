import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { medicationsView } from '@/features/renewals/testing/fixtures';
import { thread } from '@/features/family/testing/fixtures';
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

  it('lists the current medicines on the Medications card and leads to the full page', async () => {
    await renderApp({
      route: '/my-health',
      roles: ['Patient'],
      me: { patients: [{ id: 'pat-1', name: '张伟', relationship: 'Self' }] },
      api: { 'GET /api/patients/pat-1/medications': medicationsView },
    });
    await findPageHeading('My health');
    expect(await screen.findByText('Amlodipine 5 mg')).toBeInTheDocument();
    expect(screen.queryByText('Omeprazole 20 mg')).toBeNull();
    expect(screen.getByRole('link', { name: 'See all my medications' })).toHaveAttribute('href', '/medications');
  });
});

describe('My health: the messages card', () => {
  it('shows the latest messages from the family-doctor team, with a link to all', async () => {
    await renderApp({
      route: '/my-health',
      roles: ['Patient'],
      api: { 'GET /api/family/patients/pat-1/threads': [thread()] },
    });
    const card = await screen.findByRole('region', { name: 'Messages' });
    expect(await within(card).findByRole('link', { name: 'Dizzy in the morning' })).toHaveAttribute('href', '/messages/thread-1');
    expect(within(card).getByText('陈静: Please measure twice a day.')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'All messages' })).toHaveAttribute('href', '/messages');
  });
});
