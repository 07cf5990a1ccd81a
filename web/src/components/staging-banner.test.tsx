import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findPageHeading, renderApp } from '@/testing/test-utils';

describe('staging banner', () => {
  it('tells every visitor, before sign-in too, that payments and the HIS are stand-ins', async () => {
    await renderApp({ route: '/', api: { 'GET /api/site': { developmentStandIns: ['payments', 'his'] } } });

    expect(await screen.findByText('Staging site: not the real hospital')).toBeInTheDocument();
    expect(screen.getByText(/Payments are simulated/)).toBeInTheDocument();
    expect(screen.getByText(/bookings and prescriptions made here never reach the hospital/)).toBeInTheDocument();
  });

  it('is in Chinese for Chinese readers', async () => {
    await renderApp({ route: '/', language: 'zh-CN', api: { 'GET /api/site': { developmentStandIns: ['payments'] } } });

    expect(await screen.findByText('测试站点：并非真实医院')).toBeInTheDocument();
    expect(screen.getByText(/支付为模拟支付/)).toBeInTheDocument();
    expect(screen.queryByText(/医院信息系统为演示系统/)).not.toBeInTheDocument();
  });

  it('is not shown on a real site', async () => {
    const { requests } = await renderApp({ route: '/' });
    await findPageHeading('InternetHospital');

    expect(requests.some((r) => r.path === '/api/site')).toBe(true);
    expect(screen.queryByText('Staging site: not the real hospital')).not.toBeInTheDocument();
  });
});
