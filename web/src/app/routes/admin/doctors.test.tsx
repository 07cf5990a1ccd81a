import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminDoctor } from '@/testing/admin-fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const doctor = adminDoctor();

describe('Admin doctors', () => {
  it.each([
    ['en', 'Doctors', 'No timetable', 'Add a doctor'],
    ['zh-CN', '医生管理', '未排班', '新增医生'],
  ] as const)('lists doctors and offers adding one in %s', async (language, title, badge, add) => {
    await renderApp({ route: '/admin/doctors', roles: ['SystemAdmin'], language, api: { 'GET /api/admin/doctors': [doctor], 'GET /api/admin/departments': [] } });
    await findPageHeading(title);
    expect(await screen.findByRole('link', { name: '李伟' })).toHaveAttribute('href', '/admin/doctors/doc-1');
    expect(screen.getByText(badge)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: add })).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);
  });
});
