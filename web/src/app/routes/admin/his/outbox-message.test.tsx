import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, noContent, problemResponse, renderApp } from '@/testing/test-utils';

const ID = '0190f5c8-0000-7000-8000-0000000000aa';
const PATH = `/api/admin/his/outbox/${ID}`;

function message(status: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: ID,
    kind: 'appointment.booked',
    patientId: '0190f5c8-0000-7000-8000-000000000001',
    status,
    attempts: 3,
    totalAttempts: 3,
    createdAt: '2025-11-28T01:30:00+00:00',
    nextAttemptAt: '2025-11-28T01:40:00+00:00',
    deliveredAt: null,
    deadLetteredAt: status === 'DeadLettered' ? '2025-11-28T02:00:00+00:00' : null,
    discardedAt: null,
    discardReason: null,
    lastError: 'AE (application error): 科室代码未知 | unknown department',
    inDelivery: false,
    waitingBehind: 2,
    payload: '{\n  "appointmentId": "0190f5c8-0000-7000-8000-0000000000bb",\n  "departmentCode": "CARD"\n}',
    deliveryAttempts: [1, 2, 3].map((number) => ({
      number,
      startedAt: '2025-11-28T01:30:00+00:00',
      finishedAt: '2025-11-28T01:30:00.250+00:00',
      instance: 'web-1/4242/ab12cd34',
      succeeded: false,
      error: 'AE (application error): 科室代码未知 | unknown department',
    })),
    ...extra,
  };
}

describe('HIS message page', () => {
  it.each([
    ['en', 'HIS message: Appointment booked', 'Dead letter', '2 later messages of this patient wait behind this one.', 'Retry now'],
    ['zh-CN', 'HIS 消息: 预约挂号', '死信', '该患者还有 2 条后续消息在此消息之后等待。', '立即重试'],
  ] as const)('renders in %s with status, error, content and every attempt', async (language, title, status, waiting, retry) => {
    await renderApp({ route: `/admin/his/messages/${ID}`, roles: ['SystemAdmin'], language, api: { [`GET ${PATH}`]: message('DeadLettered') } });
    await findPageHeading(title);
    expect(screen.getAllByText(status).length).toBeGreaterThan(0);
    expect(screen.getByText(waiting)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: language === 'en' ? 'Message content (JSON)' : '消息内容（JSON）' })).toHaveTextContent('"departmentCode": "CARD"');
    expect(screen.getAllByRole('row')).toHaveLength(4);
    expect(screen.getByRole('button', { name: retry })).toBeEnabled();
  });

  it('retries a dead letter and shows it delivered, with no serious accessibility problems', async () => {
    let current = message('DeadLettered');
    const app = await renderApp({
      route: `/admin/his/messages/${ID}`,
      roles: ['SystemAdmin'],
      api: {
        [`GET ${PATH}`]: () => Response.json(current),
        [`POST ${PATH}/retry`]: () => {
          current = message('Delivered', { attempts: 1, totalAttempts: 4, deliveredAt: '2025-11-28T03:00:00+00:00', waitingBehind: 0, lastError: null });
          return noContent();
        },
      },
    });
    await findPageHeading('HIS message: Appointment booked');
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Retry now' }));

    expect(await screen.findByText('The message is queued again and will be sent shortly.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry now' })).not.toBeInTheDocument());
    expect(screen.getAllByText('Delivered').length).toBeGreaterThan(0);
    expect(app.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    // The confirmation is polite and can be closed by name.
    expect(screen.getByRole('status')).toHaveTextContent('The message is queued again');
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });

  it('asks why before discarding, and sends the reason', async () => {
    const app = await renderApp({
      route: `/admin/his/messages/${ID}`,
      roles: ['SystemAdmin'],
      api: { [`GET ${PATH}`]: message('DeadLettered'), [`POST ${PATH}/discard`]: () => noContent() },
    });
    await findPageHeading('HIS message: Appointment booked');

    await app.user.click(screen.getByRole('button', { name: 'Discard…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Discard this message?' });
    await app.user.click(within(dialog).getByRole('button', { name: 'Discard message' }));
    expect(await within(dialog).findByText('Say why the message is discarded.')).toBeInTheDocument();
    expect(app.requests.some((r) => r.method === 'POST')).toBe(false);

    await app.user.type(within(dialog).getByLabelText('Reason'), '已在 HIS 手工登记');
    await app.user.click(within(dialog).getByRole('button', { name: 'Discard message' }));

    expect(await screen.findByText('The message was discarded.')).toBeInTheDocument();
    expect(app.requests.find((r) => r.method === 'POST')?.body).toEqual({ reason: '已在 HIS 手工登记' });
  });

  it('explains a refusal from the server in the reader’s language', async () => {
    const app = await renderApp({
      route: `/admin/his/messages/${ID}`,
      roles: ['SystemAdmin'],
      language: 'zh-CN',
      api: {
        [`GET ${PATH}`]: message('DeadLettered'),
        [`POST ${PATH}/retry`]: () => problemResponse(409, { code: 'his_message_not_dead_lettered' }),
      },
    });
    await findPageHeading('HIS 消息: 预约挂号');
    await app.user.click(screen.getByRole('button', { name: '立即重试' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('只有死信可以重试。请刷新查看其当前状态。');
  });

  it('says so when the message cannot be found', async () => {
    await renderApp({
      route: `/admin/his/messages/${ID}`,
      roles: ['SystemAdmin'],
      api: { [`GET ${PATH}`]: () => problemResponse(404, { title: 'Not Found', detail: 'HIS message was not found.' }) },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The message could not be loaded.');
  });
});
