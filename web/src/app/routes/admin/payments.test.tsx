import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const overview = {
  runs: [{ provider: 'WeChatPay', date: '2026-12-06', startedAt: '2026-12-07T02:30:00Z', completedAt: '2026-12-07T02:30:05Z', billLines: 12, discrepancies: 1, error: null }],
  discrepancies: [
    { id: 'd1', provider: 'WeChatPay', providerReference: '0f8fad5bd9cb469fa16570867728950e', paymentId: 'p1', kind: 'AmountMismatch', portalAmount: 50, providerAmount: 0.01, detail: 'x', billDate: null, foundAt: '2026-12-07T01:00:00Z' },
  ],
};

describe('Payment reconciliation (admin)', () => {
  it('lists what the bill comparison found, in Chinese', async () => {
    await renderApp({ route: '/admin/payments', language: 'zh-CN', roles: ['SystemAdmin'], api: { 'GET /api/admin/payments/reconciliation': overview } });
    await findPageHeading('支付对账');

    expect(await screen.findByText('金额不符')).toBeInTheDocument();
    expect(screen.getByText('50.00 / 0.01')).toBeInTheDocument();
    expect(screen.getByText(/微信支付 2026-12-06：账单 12 笔，新差异 1 条/)).toBeInTheDocument();
  });

  it('says so when there is nothing to look at, in English', async () => {
    await renderApp({ route: '/admin/payments', roles: ['SystemAdmin'], api: { 'GET /api/admin/payments/reconciliation': { runs: [], discrepancies: [] } } });
    await findPageHeading('Payment reconciliation');

    expect(await screen.findByText('Nothing to look at.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Compare now' })).toBeDisabled();
  });
});
