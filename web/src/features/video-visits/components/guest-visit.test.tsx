import type { HubConnection } from '@microsoft/signalr';
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problemResponse } from '@/testing/api-mock';
import { findPageHeading, renderApp } from '@/testing/test-utils';
import { setGuestCredential } from '@/lib/guest-credential';
import { visitHubTransport } from '../lib/visit-hub';

vi.mock('../api/get-ice-servers', () => ({ getIceServers: async () => [] }));

/** The visit hub as a guest meets it: waiting, then let in when the server says guests changed. */
class FakeHub {
  readonly handlers = new Map<string, (payload: unknown) => void>();
  readonly invoked: string[] = [];
  admitted = false;
  on(name: string, handler: (payload: unknown) => void): void {
    this.handlers.set(name, handler);
  }
  onreconnecting(): void {}
  onreconnected(): void {}
  onclose(): void {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  invoke(method: string): Promise<unknown> {
    this.invoked.push(method);
    if (method === 'JoinVisit') return Promise.resolve({ visitId: 'v1', role: 'Guest', status: 'InProgress', peersInCall: [], guestAdmitted: this.admitted });
    return Promise.reject(new Error('HubException: guest_not_admitted: not yet'));
  }
  emit(name: string, payload: unknown): void {
    act(() => this.handlers.get(name)?.(payload));
  }
}

const session = { credential: 'ihg.test-credential', expiresAt: '2026-12-07T10:00:00Z', visitId: 'v1', guestId: 'g1', name: 'Anna', role: 'Interpreter' };

describe('a guest link', () => {
  afterEach(() => {
    setGuestCredential(null);
    vi.restoreAllMocks();
  });

  it.each([
    ['zh-CN', '加入视频问诊', '您的姓名', '继续', '此链接已在另一台设备上打开过。'],
    ['en', 'Join a video visit', 'Your name', 'Continue', 'This link has already been opened on another device.'],
  ] as const)('in %s, says so when the link was opened on another device', async (language, title, nameLabel, submit, refused) => {
    const { user, requests } = await renderApp({
      route: '/guest/tok123',
      language,
      api: { 'POST /api/guest-links/redeem': () => problemResponse(409, { code: 'guest_link_used' }) },
    });
    await findPageHeading(title);
    await user.type(screen.getByLabelText(nameLabel, { exact: false }), 'Anna');
    await user.click(screen.getByRole('button', { name: submit }));
    expect(await screen.findByText(refused)).toBeInTheDocument();
    const redeem = requests.find((r) => r.path === '/api/guest-links/redeem');
    expect(redeem?.body).toMatchObject({ token: 'tok123', name: 'Anna' });
    // The role is the doctor's: the page neither offers one to pick nor sends one.
    expect(redeem?.body).not.toHaveProperty('role');
    expect(screen.queryByRole('combobox', { name: /join as|身份/ })).not.toBeInTheDocument();
    expect((redeem?.body as { deviceSecret: string }).deviceSecret).toHaveLength(64);
    expect(redeem?.headers.authorization).toBeUndefined();
  });

  it.each([
    ['zh-CN', '加入视频问诊', '您的姓名', '继续', '您以家属身份加入（由医生在邀请中指定）。'],
    ['en', 'Join a video visit', 'Your name', 'Continue', 'You join as: Relative (the doctor chose this in your invitation).'],
  ] as const)('in %s, shows the role the doctor invited the guest as', async (language, title, nameLabel, submit, invitedAs) => {
    vi.spyOn(visitHubTransport, 'create').mockResolvedValue(new FakeHub() as unknown as HubConnection);
    const { user } = await renderApp({ route: '/guest/tok123', language, api: { 'POST /api/guest-links/redeem': { ...session, role: 'Relative' } } });
    await findPageHeading(title);
    expect(screen.queryByRole('combobox', { name: /join as|身份/ })).not.toBeInTheDocument();
    await user.type(screen.getByLabelText(nameLabel, { exact: false }), 'Anna');
    await user.click(screen.getByRole('button', { name: submit }));
    expect(await screen.findByText(invitedAs)).toBeInTheDocument();
  });

  it('waits to be let in, then enters the call when the doctor admits', async () => {
    const hub = new FakeHub();
    vi.spyOn(visitHubTransport, 'create').mockResolvedValue(hub as unknown as HubConnection);
    const { user } = await renderApp({ route: '/guest/tok123', language: 'en', api: { 'POST /api/guest-links/redeem': session } });
    await findPageHeading('Join a video visit');
    await user.type(screen.getByLabelText('Your name', { exact: false }), 'Anna');
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await screen.findByText('Please wait: the doctor will let you in.')).toBeInTheDocument();
    expect(hub.invoked).not.toContain('EnterCall');

    hub.admitted = true;
    await vi.waitFor(() => expect(hub.handlers.has('guestsChanged')).toBe(true));
    hub.emit('guestsChanged', { visitId: 'v1' });
    await vi.waitFor(() => expect(hub.invoked).toContain('EnterCall'));
  });
});
