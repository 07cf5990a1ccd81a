import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { message, threadDetail } from '@/features/family/testing/fixtures';
import { defaultServerSettings } from '@/lib/server-settings';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

describe('A conversation (family doctor)', () => {
  it.each([
    ['en', 'Conversation', 'Back to all conversations'],
    ['zh-CN', '对话', '返回全部对话'],
  ] as const)('shows the patient and marks their messages read in %s', async (language, title, back) => {
    const detail = threadDetail({
      mySide: 'Team',
      messages: [message({ mine: false, senderName: '王丽华', readAt: null }), message({ id: 'msg-2', side: 'Team', mine: true, senderName: '陈静', body: 'Please measure twice a day.', readAt: null })],
    });
    const app = await renderApp({ route: '/team-messages/thread-1', roles: ['Doctor'], language, api: { 'GET /api/family/threads/thread-1': detail, 'POST /api/family/threads/thread-1/read': { marked: 1 } } });
    await findPageHeading(title);
    expect(await screen.findByRole('article', { name: /^Message from 王丽华|^王丽华的消息/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: back })).toHaveAttribute('href', '/team-messages');
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path.endsWith('/read'))).toBe(true));
  });

  it('states the upload limit the server sets, in the user’s language', async () => {
    const detail = threadDetail({ mySide: 'Team', messages: [message({ mine: false, senderName: '王丽华' })] });
    await renderApp({
      route: '/team-messages/thread-1',
      roles: ['Doctor'],
      language: 'zh-CN',
      api: {
        'GET /api/family/threads/thread-1': detail,
        'POST /api/family/threads/thread-1/read': { marked: 1 },
        'GET /api/config': () => jsonResponse({ ...defaultServerSettings, maxUploadBytes: 5 * 1024 * 1024 }),
      },
    });
    await findPageHeading('对话');
    expect(await screen.findByText('支持JPEG、PNG、WebP、HEIC或PDF，每个不超过5 MB，最多5个。')).toBeInTheDocument();
  });
});
