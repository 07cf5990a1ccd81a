import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { thread } from '@/features/family/testing/fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('Patient messages (family doctor)', () => {
  it.each([
    ['en', 'Patient messages', 'Only conversations with unread messages'],
    ['zh-CN', '居民消息', '只看有未读消息的对话'],
  ] as const)('lists the team conversations by patient in %s', async (language, title, unreadOnly) => {
    const app = await renderApp({ route: '/team-messages', roles: ['Doctor'], language, api: { 'GET /api/family/team-threads': [thread({ patientName: '王丽华' })] } });
    await findPageHeading(title);
    expect(await screen.findByText(/王丽华/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Dizzy in the morning/ })).toHaveAttribute('href', '/team-messages/thread-1');
    await app.user.click(screen.getByRole('switch', { name: unreadOnly }));
    await waitFor(() => expect(app.requests.some((r) => r.path === '/api/family/team-threads' && r.search.includes('unreadOnly=true'))).toBe(true));
  });
});
