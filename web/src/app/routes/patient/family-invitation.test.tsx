import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, noContent, problemResponse, renderApp } from '@/testing/test-utils';

const invitation = { id: 'inv-1', from: '李娜', relation: 'parent', kind: 'proxy', expiresAt: '2026-12-20T00:00:00Z', scopes: ['appointments', 'medications', 'payments'], accessEndsOn: null };

describe('Consent to an invitation', () => {
  it('lets the adult narrow the scopes, set an end date, and agree', async () => {
    const app = await renderApp({
      route: '/family/invitations/tok-1',
      roles: ['Patient'],
      api: { 'GET /api/family/invitations/tok-1': invitation, 'POST /api/family/invitations/tok-1/accept': () => noContent() },
    });
    await findPageHeading('A request to act for you');
    expect(await screen.findByText('李娜 asks to act for you (You are their parent).')).toBeInTheDocument();
    await app.user.click(screen.getByRole('checkbox', { name: /Payments/ }));
    await app.user.type(screen.getByLabelText(/Access ends on/), '2030-12-31');
    await app.user.click(screen.getByRole('button', { name: 'I agree' }));
    expect(await screen.findByText(/They can now act for you as you chose/)).toBeInTheDocument();
    expect(app.requests.find((request) => request.method === 'POST')?.body).toEqual({ scopes: ['appointments', 'medications'], accessEndsOn: '2030-12-31' });
  });

  it('declines, and says when a link is not (or no longer) for this person', async () => {
    const app = await renderApp({
      route: '/family/invitations/tok-1',
      roles: ['Patient'],
      language: 'zh-CN',
      api: { 'GET /api/family/invitations/tok-1': invitation, 'POST /api/family/invitations/tok-1/decline': () => noContent() },
    });
    await app.user.click(await screen.findByRole('button', { name: '拒绝' }));
    expect(await screen.findByText(/您已拒绝，未共享任何信息。/)).toBeInTheDocument();

    await renderApp({ route: '/family/invitations/gone', roles: ['Patient'], api: { 'GET /api/family/invitations/gone': () => problemResponse(404, { code: 'not_found' }) } });
    expect(await screen.findByText('This invitation is not valid any more, or it was meant for someone else.')).toBeInTheDocument();
  });
});
