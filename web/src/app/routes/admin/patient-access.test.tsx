import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, jsonResponse, noContent, renderApp } from '@/testing/test-utils';

const consent = {
  invitationId: 'inv-1', patientId: 'pat-9', patientName: '孙大山', maskedIdNumber: '1101**********0012', fromAccountName: '孙丽', relation: 'parent',
  scopes: ['appointments', 'medications'], accessEndsOn: null, createdAt: '2026-12-01T02:00:00Z', expiresAt: '2026-12-15T02:00:00Z', scan: null,
};

describe('Proxy access (system administrators)', () => {
  it('finds who may act for a patient and ends a relation with a reason', async () => {
    const app = await renderApp({
      route: '/admin/patient-access',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/family/consents': [],
        'GET /api/admin/patient-access': [{ accessId: 'acc-9', accountName: '张三', patientName: '张小花', relationship: 'Guardian', relation: 'child', scopes: ['appointments'], grantedAt: '2026-01-01T00:00:00Z', accessEndsOn: null, endedAt: null }],
        'POST /api/admin/patient-access/acc-9/end': () => noContent(),
      },
    });
    await findPageHeading('Proxy access');
    await app.user.type(screen.getByLabelText('Patient id'), 'pat-42');
    await app.user.click(screen.getByRole('button', { name: 'Find' }));
    const card = await screen.findByRole('article', { name: '张三' });
    expect(app.requests.find((request) => request.path === '/api/admin/patient-access')?.search).toBe('?patientId=pat-42');
    await app.user.click(within(card).getByRole('button', { name: 'End access of 张三' }));
    const dialog = await screen.findByRole('dialog', { name: 'End a proxy relation' });
    const end = within(dialog).getByRole('button', { name: 'End access' });
    expect(end).toBeDisabled();
    await app.user.type(within(dialog).getByLabelText(/Reason/), 'Court order 2026-117');
    await app.user.click(end);
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST')?.body).toEqual({ reason: 'Court order 2026-117' }));
  });

  it('is only for system administrators', async () => {
    await renderApp({ route: '/admin/patient-access', roles: ['Patient'] });
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
  });

  it('attaches the scan of a paper consent and approves it with that scan', async () => {
    let pending: object[] = [consent];
    const app = await renderApp({
      route: '/admin/patient-access',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/family/consents': () => jsonResponse(pending),
        'POST /api/admin/family/consents/inv-1/scan': () => {
          pending = [{ ...consent, scan: { fileId: 'file-7', fileName: '同意书.pdf', contentType: 'application/pdf' } }];
          return jsonResponse({ id: 'file-7', fileName: '同意书.pdf', contentType: 'application/pdf', size: 30, uploadedAt: '2026-12-02T02:00:00Z' });
        },
        'POST /api/admin/family/consents': () => {
          pending = [];
          return jsonResponse({ accessId: 'acc-1' });
        },
      },
    });
    await findPageHeading('Proxy access');
    const card = await screen.findByRole('article', { name: '孙大山' });
    expect(within(card).getByText(/Asked by 孙丽 · Parent/)).toBeInTheDocument();
    expect(within(card).getByText('No scan attached yet.')).toBeInTheDocument();
    const approve = within(card).getByRole('button', { name: 'Approve the consent of 孙大山' });
    expect(approve).toBeDisabled();

    await app.user.upload(card.querySelector<HTMLInputElement>('input[type="file"]')!, new File(['%PDF-1.4 consent'], '同意书.pdf', { type: 'application/pdf' }));
    expect(await within(card).findByText('Scan: 同意书.pdf')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'View scan' })).toBeInTheDocument();
    await app.user.click(within(card).getByRole('button', { name: 'Approve the consent of 孙大山' }));
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST' && request.path === '/api/admin/family/consents')?.body).toEqual({ invitationId: 'inv-1', scannedFileId: 'file-7' }));
    expect(await screen.findByText('No request is waiting for consent.')).toBeInTheDocument();
  });

  it('in zh-CN, rejects a paper consent only with a reason', async () => {
    const app = await renderApp({
      route: '/admin/patient-access',
      roles: ['SystemAdmin'],
      language: 'zh-CN',
      api: {
        'GET /api/admin/family/consents': [consent],
        'POST /api/admin/family/consents/inv-1/reject': () => noContent(),
      },
    });
    await findPageHeading('代理授权管理');
    const card = await screen.findByRole('article', { name: '孙大山' });
    expect(within(card).getByText(/申请人：孙丽 · 父母/)).toBeInTheDocument();
    await app.user.click(within(card).getByRole('button', { name: '驳回 孙大山 的同意书' }));
    const dialog = await screen.findByRole('dialog', { name: '驳回纸质同意书' });
    expect(within(dialog).getByText('不会授予任何权限，并将通知 孙丽：为 孙大山 提出的申请已被拒绝。')).toBeInTheDocument();
    const reject = within(dialog).getByRole('button', { name: '驳回' });
    expect(reject).toBeDisabled();
    await app.user.type(within(dialog).getByLabelText(/原因/), '签名非本人');
    await app.user.click(reject);
    await waitFor(() => expect(app.requests.find((request) => request.method === 'POST')?.body).toEqual({ reason: '签名非本人' }));
  });
});

