import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, noContent, problemResponse, renderApp, type RecordedRequest } from '@/testing/test-utils';

const REVIEW = '0190f5c8-0000-7000-8000-0000000000c1';

function review(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: REVIEW,
    patientId: '0190f5c8-0000-7000-8000-000000000001',
    patientName: '吴静',
    maskedIdNumber: '4401**********1234',
    dateOfBirth: '1980-01-01',
    sex: 'Female',
    reason: 'MultipleCandidates',
    status,
    createdAt: '2025-11-28T01:30:00+00:00',
    candidates: [
      { hisPatientId: 'H100', medicalRecordNumber: 'MR100', fullName: '吴 静', dateOfBirth: '1980-01-01', sex: 'Female' },
      { hisPatientId: 'H200', medicalRecordNumber: 'MR200', fullName: '吴晶', dateOfBirth: '1980-02-01', sex: 'Female' },
    ],
    linkedHisPatientId: null,
    note: null,
    ...extra,
  };
}

function queue(request: RecordedRequest): Response {
  const status = new URLSearchParams(request.search).get('status');
  return Response.json(status === 'Pending' ? [review('Pending')] : status === 'Linked' ? [review('Linked', { linkedHisPatientId: 'H100', note: '电话核实' })] : []);
}

const PATH = `/api/admin/his/identity-reviews/${REVIEW}`;

describe('identity checks page', () => {
  it.each([
    ['en', 'Identity checks', 'Identity check for 吴静', 'The HIS has several patients with this ID number.', 'Link chosen record'],
    ['zh-CN', '身份核验', '吴静 的身份核验', 'HIS 中该证件号码对应多名患者。', '关联所选档案'],
  ] as const)('renders in %s with the patient beside the HIS records', async (language, title, reviewTitle, reason, link) => {
    await renderApp({ route: '/admin/his/identity', roles: ['SystemAdmin'], language, api: { 'GET /api/admin/his/identity-reviews': queue } });
    await findPageHeading(title);
    const card = await screen.findByRole('region', { name: reviewTitle });
    expect(within(card).getByText(reason)).toBeInTheDocument();
    expect(within(card).getByText('4401**********1234', { exact: false })).toBeInTheDocument();
    expect(within(card).getAllByRole('radio')).toHaveLength(2);
    expect(within(card).getByRole('button', { name: link })).toBeDisabled();
    expect(within(screen.getByRole('navigation', { name: language === 'en' ? 'Main navigation' : '主导航' })).getByRole('link', { name: title })).toHaveAttribute('aria-current', 'page');
  });

  it('says when a result from the HIS opened the check', async () => {
    const inbound = (): Response => Response.json([review('Pending', { reason: 'InboundResult', candidates: [{ hisPatientId: 'H300', medicalRecordNumber: 'MR300', fullName: '吴静', dateOfBirth: '1980-01-01', sex: 'Female' }] })]);
    await renderApp({ route: '/admin/his/identity', roles: ['SystemAdmin'], api: { 'GET /api/admin/his/identity-reviews': inbound } });
    const card = await screen.findByRole('region', { name: 'Identity check for 吴静' });
    expect(within(card).getByText('The HIS sent a test result for this ID number under a HIS patient nobody in the portal is linked to.')).toBeInTheDocument();
  });

  it('marks what differs, links the chosen record with a note, and has no serious accessibility problems', async () => {
    const app = await renderApp({
      route: '/admin/his/identity',
      roles: ['SystemAdmin'],
      api: { 'GET /api/admin/his/identity-reviews': queue, [`POST ${PATH}/link`]: () => noContent() },
    });
    const card = await screen.findByRole('region', { name: 'Identity check for 吴静' });
    expect(await act(() => seriousA11yViolations())).toEqual([]);
    const second = within(card).getByRole('radio', { name: /^吴晶, born Feb 1, 1980, record MR200/ });
    // The same name written with a space is the same name; the other record's name and birthday differ.
    expect(within(within(card).getByRole('radio', { name: /^吴 静/ })).queryByText('differs')).not.toBeInTheDocument();
    expect(within(second).getAllByText('differs')).toHaveLength(2);

    await app.user.click(within(card).getByRole('radio', { name: /^吴 静/ }));
    await app.user.type(within(card).getByLabelText('Note (optional)'), '电话核实');
    await app.user.click(within(card).getByRole('button', { name: 'Link chosen record' }));

    expect(await screen.findByText('吴静 is linked to HIS record H100.')).toBeInTheDocument();
    expect(app.requests.find((r) => r.method === 'POST')).toMatchObject({ path: `${PATH}/link`, body: { hisPatientId: 'H100', note: '电话核实' } });
  });

  it('rejects all candidates, and shows a refusal in words', async () => {
    const app = await renderApp({
      route: '/admin/his/identity',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/his/identity-reviews': queue,
        [`POST ${PATH}/reject`]: () => problemResponse(409, { code: 'his_review_resolved' }),
      },
    });
    const card = await screen.findByRole('region', { name: 'Identity check for 吴静' });
    await app.user.click(within(card).getByRole('button', { name: 'None of these' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent('Someone has already decided this identity check.');
    expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ note: null });
  });

  it('shows decided reviews and an empty queue', async () => {
    const app = await renderApp({ route: '/admin/his/identity?status=Linked', roles: ['SystemAdmin'], api: { 'GET /api/admin/his/identity-reviews': queue } });
    const card = await screen.findByRole('region', { name: 'Identity check for 吴静' });
    expect(within(card).getByText('Linked to HIS record H100.')).toBeInTheDocument();
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();

    await app.user.click(screen.getByRole('radio', { name: 'Rejected' }));
    await waitFor(() => expect(app.router.state.location.search).toBe('?status=Rejected'));
    expect(await screen.findByText('No reviews have been rejected yet.')).toBeInTheDocument();
  });
});
