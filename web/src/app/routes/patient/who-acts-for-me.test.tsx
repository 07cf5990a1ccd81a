import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, jsonResponse, noContent, renderApp } from '@/testing/test-utils';

const daughter = { accessId: 'acc-d', accountName: '李娜', relation: 'parent', scopes: ['appointments', 'payments'], since: '2026-11-01T02:00:00Z', accessEndsOn: '2027-06-30', revocable: true, adolescentShares: null };
const guardian = { accessId: 'acc-g', accountName: '王芳', relation: 'child', scopes: ['appointments', 'payments'], since: '2010-01-01T00:00:00Z', accessEndsOn: null, revocable: false, adolescentShares: { messages: false, results: true } };

describe('Who acts for me', () => {
  it('shows who may act, what they did, and revokes after confirmation', async () => {
    let proxies = [daughter];
    const app = await renderApp({
      route: '/family/proxies',
      roles: ['Patient'],
      api: {
        'GET /api/family/proxies': () => jsonResponse(proxies),
        'GET /api/family/proxies/former': [],
        'GET /api/family/proxies/activity': [{ at: '2026-12-01T01:30:00Z', accountName: '李娜', relation: 'parent', action: 'medications.read', resource: 'Patient' }],
        'DELETE /api/family/proxies/acc-d': () => {
          proxies = [];
          return noContent();
        },
      },
    });
    await findPageHeading('Who acts for me');
    const card = await screen.findByRole('article', { name: '李娜' });
    expect(within(card).getByText('You are their parent · since Nov 1, 2026')).toBeInTheDocument();
    expect(within(card).getByText('Payments')).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Medications read' })).toBeInTheDocument();

    await app.user.click(within(card).getByRole('button', { name: 'Revoke 李娜' }));
    await app.user.click(within(await screen.findByRole('dialog', { name: 'Revoke access' })).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('Nobody acts for you.')).toBeInTheDocument();
  });

  it('lets a teenager share messages with a guardian (and not revoke the guardian)', async () => {
    const app = await renderApp({
      route: '/family/proxies',
      roles: ['Patient'],
      language: 'zh-CN',
      api: { 'GET /api/family/proxies': [guardian], 'GET /api/family/proxies/former': [], 'GET /api/family/proxies/activity': [], 'POST /api/family/proxies/acc-g/share': () => noContent() },
    });
    const card = await screen.findByRole('article', { name: '王芳' });
    expect(within(card).queryByRole('button', { name: /撤销/ })).toBeNull();
    const messages = within(card).getByRole('switch', { name: '我与医生的消息' });
    expect(messages).not.toBeChecked();
    await app.user.click(messages);
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST')?.body).toEqual({ messages: true, results: true }));
  });

  it.each([
    ['en', 'Your former guardians', 'Invite 王芳 back as proxy', 'Invite back as proxy', 'Appointments', 'Payments', 'Give access', 'Nobody acts for you.'],
    ['zh-CN', '原监护人', '重新授权 王芳 为代理人', '重新授权为代理人', '预约挂号', '缴费', '授权', '目前没有人为您代办。'],
  ] as const)('in %s, a young adult invites a former guardian back with the scopes they choose', async (language, section, inviteName, dialog, appointments, payments, submit, nobody) => {
    let former = [{ accessId: 'acc-old', accountName: '王芳', relation: 'child', endedAt: '2026-11-30T16:00:00Z' }];
    let proxies: object[] = [];
    const app = await renderApp({
      route: '/family/proxies',
      roles: ['Patient'],
      language,
      api: {
        'GET /api/family/proxies': () => jsonResponse(proxies),
        'GET /api/family/proxies/former': () => jsonResponse(former),
        'GET /api/family/proxies/activity': [],
        'POST /api/family/proxies/acc-old/invite-back': () => {
          former = [];
          proxies = [{ ...guardian, accessId: 'acc-new', relationship: 'FamilyProxy', revocable: true, adolescentShares: null }];
          return jsonResponse(proxies[0]);
        },
      },
    });
    expect(await screen.findByText(nobody)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: section })).toBeInTheDocument();
    await app.user.click(within(screen.getByRole('article', { name: '王芳' })).getByRole('button', { name: inviteName }));
    const modal = await screen.findByRole('dialog', { name: dialog });
    const give = within(modal).getByRole('button', { name: submit });
    expect(give).toBeDisabled();
    await app.user.click(within(modal).getByRole('checkbox', { name: new RegExp(appointments) }));
    await app.user.click(within(modal).getByRole('checkbox', { name: new RegExp(payments) }));
    await app.user.click(give);
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST')?.body).toEqual({ scopes: ['appointments', 'payments'], accessEndsOn: null }));
    await waitFor(() => expect(screen.queryByRole('heading', { name: section })).toBeNull());
    expect(await screen.findByRole('article', { name: '王芳' })).toBeInTheDocument();
  });
});
