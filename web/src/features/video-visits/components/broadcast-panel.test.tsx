import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { i18n, type Language } from '@/lib/i18n';
import { jsonResponse, mockApi, problemResponse, signInAs, type MockRoutes } from '@/testing/test-utils';
import { BroadcastPanel } from './broadcast-panel';
import { BroadcastViewer } from './broadcast-viewer';
import BroadcastsPage from '@/app/routes/staff/broadcasts';

const recording = { visitId: 'v1', state: 'Recording', notConsentedBy: [], available: true, myConsent: true };
const broadcast = {
  id: 'b1',
  visitId: 'v1',
  live: true,
  startedAt: '2026-12-07T02:00:00Z',
  endedAt: null,
  commentatorAccountId: 'doctor',
  broadcasterAccountId: 'doctor',
  watching: 1,
  viewers: [{ accountId: 'n1', name: '护士甲', role: 'Nurse', joinedAt: '2026-12-07T02:01:00Z', leftAt: null }],
};

async function renderWith(ui: React.ReactNode, routes: MockRoutes, language: Language): Promise<ReturnType<typeof mockApi>> {
  await i18n.changeLanguage(language);
  await signInAs();
  const mocked = mockApi(routes);
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } } });
  render(
    <AppProvider queryClient={queryClient} env="test">
      {ui}
    </AppProvider>,
  );
  return mocked;
}

describe('The broadcast panel in the call', () => {
  it.each([
    ['en', 'Commentary', 'You (no other commentator)', '1 watching'],
    ['zh-CN', '解说', '您本人（无其他解说人）', '1 人观看'],
  ] as const)('lets the broadcaster name a doctor in the call as commentator and take it back (%s)', async (language, group, self, watching) => {
    const user = userEvent.setup();
    const { requests } = await renderWith(
      <BroadcastPanel visitId="v1" doctors={[{ accountId: 'zhao', name: '赵敏' }]} />,
      {
        'GET /api/video-visits/v1/recording': recording,
        'GET /api/video-visits/v1/broadcast': broadcast,
        'PUT /api/video-visits/v1/broadcast/commentator': (request) =>
          jsonResponse({ ...broadcast, commentatorAccountId: (request.body as { accountId: string }).accountId }),
      },
      language,
    );

    const picker = await screen.findByRole('radiogroup', { name: group });
    expect(picker).toBeInTheDocument();
    expect(screen.getByText(watching)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: self })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: '赵敏' }));
    await waitFor(() => expect(screen.getByRole('radio', { name: '赵敏' })).toBeChecked());
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ accountId: 'zhao' }]);

    await user.click(screen.getByRole('radio', { name: self }));
    await waitFor(() => expect(screen.getByRole('radio', { name: self })).toBeChecked());
    expect(requests.filter((r) => r.method === 'PUT').map((r) => r.body)).toEqual([{ accountId: 'zhao' }, { accountId: 'doctor' }]);
  });

  it.each([
    ['en', 'The commentator must be a doctor who is in the call now.'],
    ['zh-CN', '解说人必须是当前在通话中的医生。'],
  ] as const)('says why a commentator was refused and keeps the previous one (%s)', async (language, message) => {
    const user = userEvent.setup();
    await renderWith(
      <BroadcastPanel visitId="v1" doctors={[{ accountId: 'zhao', name: '赵敏' }]} />,
      {
        'GET /api/video-visits/v1/recording': recording,
        'GET /api/video-visits/v1/broadcast': broadcast,
        'PUT /api/video-visits/v1/broadcast/commentator': () => problemResponse(422, { code: 'broadcast_commentator_not_in_call' }),
      },
      language,
    );

    await user.click(await screen.findByRole('radio', { name: '赵敏' }));
    expect(await screen.findByText(message)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '赵敏' })).not.toBeChecked();
  });

  it('offers no commentator choice before the broadcast starts', async () => {
    await renderWith(
      <BroadcastPanel visitId="v1" doctors={[{ accountId: 'zhao', name: '赵敏' }]} />,
      { 'GET /api/video-visits/v1/recording': recording, 'GET /api/video-visits/v1/broadcast': { ...broadcast, live: false, endedAt: '2026-12-07T02:30:00Z' } },
      'en',
    );

    expect(await screen.findByRole('button', { name: 'Start broadcast' })).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
  });
});

describe('The watch page', () => {
  it.each([
    ['en', 'Broadcast by 李伟', 'Commentary by 赵敏'],
    ['zh-CN', '李伟 的直播', '解说：赵敏'],
  ] as const)('says who broadcasts and who comments (%s)', async (language, by, commentary) => {
    // Note: jsdom has no WebRTC; the page makes its (empty) stream before asking for a ticket.
    vi.stubGlobal('MediaStream', class {});
    await renderWith(
      <MemoryRouter>
        <BroadcastViewer broadcastId="b1" />
      </MemoryRouter>,
      {
        'GET /api/broadcasts': [{ id: 'b1', doctor: '李伟', department: 'Dermatology', startedAt: '2026-12-07T02:00:00Z', watching: 3, commentator: '赵敏' }],
        // Note: no Janus in jsdom: the watch is refused, which leaves the page saying who broadcasts.
        'POST /api/broadcasts/b1/watch': () => problemResponse(409, { code: 'broadcast_ended' }),
        'POST /api/broadcasts/b1/leave': () => new Response(null, { status: 204 }),
      },
      language,
    );

    expect(await screen.findByText(by)).toBeInTheDocument();
    expect(screen.getByText(commentary)).toBeInTheDocument();
    // Note: a broadcast that cannot be watched (here: it ended) shows its reason, not a black picture.
    await waitFor(() => expect(screen.queryByTestId('broadcast-video')).not.toBeInTheDocument());
  });
});

describe('The list of live broadcasts', () => {
  it.each([
    ['en', 'Live teaching broadcasts', 'Broadcast by 李伟', 'Dermatology · since 10:00'],
    ['zh-CN', '正在进行的教学直播', '李伟 的直播', 'Dermatology · 10:00 开始'],
  ] as const)('is a page of its own and gives the start in the hospital\'s time (%s)', async (language, title, by, since) => {
    await renderWith(
      <MemoryRouter>
        <BroadcastsPage />
      </MemoryRouter>,
      { 'GET /api/broadcasts': [{ id: 'b1', doctor: '李伟', department: 'Dermatology', startedAt: '2026-12-07T02:00:00Z', watching: 3, commentator: null }] },
      language,
    );

    expect(await screen.findByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: by })).toHaveAttribute('href', '/broadcasts/b1');
    expect(screen.getByText(since)).toBeInTheDocument();
  });
});
