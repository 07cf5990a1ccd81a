import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { message, threadDetail } from '@/features/family/testing/fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { mockLiveConnection } from '@/testing/live-mock';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

describe('A conversation (patient)', () => {
  it.each([
    ['en', 'Conversation', 'Read', 'Your reply'],
    ['zh-CN', '对话', '已读', '回复内容'],
  ] as const)('shows the messages with read receipts in %s and marks the reply read', async (language, title, read, reply) => {
    const app = await renderApp({
      route: '/messages/thread-1',
      roles: ['Patient'],
      language,
      api: { 'GET /api/family/threads/thread-1': threadDetail(), 'POST /api/family/threads/thread-1/read': { marked: 1 } },
    });
    await findPageHeading(title);
    expect(await screen.findByText('Please measure twice a day.')).toBeInTheDocument();
    expect(screen.getByText(new RegExp(`^${read}`))).toBeInTheDocument();
    expect(screen.getByLabelText(reply)).toBeInTheDocument();
    await waitFor(() => expect(app.requests.some((r) => r.method === 'POST' && r.path === '/api/family/threads/thread-1/read')).toBe(true));
  });

  it('sends a reply and refetches when a message arrives live', async () => {
    const live = mockLiveConnection();
    let messages = [message()];
    const app = await renderApp({
      route: '/messages/thread-1',
      roles: ['Patient'],
      api: {
        'GET /api/family/threads/thread-1': () => jsonResponse(threadDetail({ messages })),
        'POST /api/family/threads/thread-1/messages': () => jsonResponse(message({ id: 'msg-3', body: 'Thank you', readAt: null }), 201),
        'POST /api/family/threads/thread-1/read': { marked: 0 },
      },
    });
    await screen.findByText('I feel dizzy every morning.');
    await app.user.type(screen.getByLabelText('Your reply'), 'Thank you');
    await app.user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(app.requests.find((r) => r.path.endsWith('/messages'))?.body).toEqual({ body: 'Thank you', attachmentIds: [] }));
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    messages = [message(), message({ id: 'msg-4', side: 'Team', mine: false, senderName: '陈静', body: 'Come in on Monday.', readAt: null })];
    live.connection.emit('familyMessage', { threadId: 'thread-1', patientId: 'pat-1', messageId: 'msg-4', side: 'Team', sentAt: '2026-11-20T03:00:00Z' });
    expect(await screen.findByText('Come in on Monday.')).toBeInTheDocument();
  });

  it('keeps a closed conversation readable and says why it cannot be answered', async () => {
    await renderApp({ route: '/messages/thread-1', roles: ['Patient'], api: { 'GET /api/family/threads/thread-1': threadDetail({ open: false }), 'POST /api/family/threads/thread-1/read': { marked: 1 } } });
    expect(await screen.findByText(/This conversation is closed because the family-doctor contract has ended/)).toBeInTheDocument();
    expect(screen.queryByLabelText('Your reply')).not.toBeInTheDocument();
  });
});
