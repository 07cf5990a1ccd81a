import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contract, thread, threadDetail } from '@/features/family/testing/fixtures';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

describe('Messages (patient)', () => {
  it.each([
    ['en', 'Messages', 'Dizzy in the morning', '1 unread'],
    ['zh-CN', '消息', 'Dizzy in the morning', '1条未读'],
  ] as const)('lists the conversations in %s', async (language, title, subject, unread) => {
    await renderApp({
      route: '/messages',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/family/patients/pat-1/threads': [thread()],
        'GET /api/family/patients/pat-1/contracts': { current: contract(), history: [] },
      },
    });
    await findPageHeading(title);
    expect(await screen.findByText(subject)).toBeInTheDocument();
    expect(screen.getByText(unread)).toBeInTheDocument();
  });

  it('starts a conversation and opens it', async () => {
    const app = await renderApp({
      route: '/messages',
      roles: ['Patient'],
      api: {
        'GET /api/family/patients/pat-1/threads': [],
        'GET /api/family/patients/pat-1/contracts': { current: contract(), history: [] },
        'POST /api/family/patients/pat-1/threads': () => jsonResponse(threadDetail({ id: 'thread-new' }), 201),
        'GET /api/family/threads/thread-new': threadDetail({ id: 'thread-new' }),
        'POST /api/family/threads/thread-new/read': { marked: 1 },
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'New message' }));
    await app.user.type(screen.getByRole('textbox', { name: 'Subject' }), 'Dizzy');
    await app.user.type(screen.getByRole('textbox', { name: 'Message' }), 'Every morning');
    await app.user.click(screen.getByRole('button', { name: 'Send' }));
    await waitFor(() => expect(app.router.state.location.pathname).toBe('/messages/thread-new'));
    expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ subject: 'Dizzy', body: 'Every morning' });
  });

  it('explains that a contract is needed before writing', async () => {
    await renderApp({
      route: '/messages',
      roles: ['Patient'],
      api: { 'GET /api/family/patients/pat-1/threads': [], 'GET /api/family/patients/pat-1/contracts': { current: null, history: [] } },
    });
    expect(await screen.findByText('You can write to a family-doctor team once you have signed a contract with it.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Find a family doctor' })).toHaveAttribute('href', '/family-doctor');
    expect(screen.queryByRole('button', { name: 'New message' })).not.toBeInTheDocument();
  });
});
