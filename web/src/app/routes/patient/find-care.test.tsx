import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { doctorCard, hospital } from '@/testing/booking-fixtures';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const api = {
  'GET /api/care/hospital': hospital,
  'GET /api/care/departments': [{ id: 'dep-1', code: 'CARD', name: '心血管内科', nameEn: 'Cardiology', facility: { id: 'fac-1', name: '市第一人民医院', nameEn: 'City First' }, doctors: 1 }],
  'GET /api/care/doctors': [doctorCard(), doctorCard({ id: 'doc-2', name: '王芳', nextFreeSlot: null, freeSlots: 0 })],
};

describe('Find care', () => {
  it.each([
    ['en', 'Find care', 'Next free: .*4 Mar 2030.*09:00', 'All times are in China Standard Time (Asia/Shanghai)'],
    ['zh-CN', '预约挂号', '最早可约', '北京时间'],
  ] as const)('lists doctors with their earliest free time in %s and says the time zone', async (language, title, next, zone) => {
    await renderApp({ route: '/find-care', roles: ['Patient'], language, api });
    await findPageHeading(title);
    expect(await screen.findByText(new RegExp(next), {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(new RegExp(zone.replace(/[()]/g, '\\$&')))).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(2);
  });

  it('sends the filters to the search', async () => {
    const app = await renderApp({ route: '/find-care', roles: ['Patient'], api });
    await findPageHeading('Find care');
    await app.user.type(screen.getByLabelText("Doctor's name"), '李');
    await screen.findByText('2 doctors found.');
    expect(screen.getByRole('link', { name: 'Book with 李伟' })).toHaveAttribute('href', '/appointments/new?doctorId=doc-1');
    expect(screen.queryByRole('link', { name: 'Book with 王芳' })).not.toBeInTheDocument();
  });
});
