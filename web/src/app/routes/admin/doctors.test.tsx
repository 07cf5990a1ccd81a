import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, renderApp } from '@/testing/test-utils';

const doctor = {
  id: 'doc-1',
  department: { id: 'dep-1', name: '心血管内科', nameEn: 'Cardiology' },
  profile: {
    fullName: '李伟', departmentId: 'dep-1', title: '主任医师', titleEn: 'Chief Physician', isFamilyDoctor: false, specialties: '', specialtiesEn: '', bio: '', bioEn: '',
    languages: ['zh-CN'], inPersonFee: 50, videoFee: 40, licenseNumber: '110440100012345', practiceSinceYear: 1998, offersVideoVisits: true,
  },
  eligibleForOnlinePractice: true,
  hasPhoto: false,
  hasSchedule: false,
};

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
