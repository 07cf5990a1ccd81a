import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { adminDoctor } from '@/testing/admin-fixtures';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const facility = { id: 'fac-1', name: '东湖社区卫生服务中心', nameEn: 'Donghu CHC' };
const team = {
  id: 'team-1',
  name: '东湖家庭医生团队',
  nameEn: 'Donghu team',
  description: '',
  descriptionEn: '',
  facility,
  departmentId: null,
  acceptingApplications: true,
  members: [
    { doctorId: 'doc-1', name: '王芳', title: '主治医师', titleEn: 'Attending Physician', role: 'Lead' },
    { doctorId: 'doc-2', name: '刘洋', title: '住院医师', titleEn: 'Resident Physician', role: 'Member' },
  ],
  activeContracts: 3,
  version: 4,
  packageIds: ['pkg-htn'],
};
const doctor = (id: string, fullName: string): object => adminDoctor({ id, fullName, isFamilyDoctor: true });
const api = {
  'GET /api/admin/family-teams': [team],
  'GET /api/admin/facilities': [facility],
  'GET /api/admin/departments': [],
  'GET /api/admin/doctors': [doctor('doc-1', '王芳'), doctor('doc-2', '刘洋')],
  'GET /api/admin/family-packages': [
    {
      id: 'pkg-htn', code: 'hypertension', name: '高血压管理包', nameEn: 'Hypertension management', description: '', descriptionEn: '', includes: ['随访'],
      includesEn: ['Reviews'], annualFee: 120, conditionCode: 'hypertension', followUpTemplateCode: null, displayOrder: 20, version: 0,
    },
  ],
};

describe('Admin family-doctor teams', () => {
  it('lists teams and closes one to new patients', async () => {
    let saved: unknown = null;
    const app = await renderApp({
      route: '/admin/family-teams',
      roles: ['SystemAdmin'],
      api: {
        ...api,
        'PUT /api/admin/family-teams/team-1': (request) => {
          saved = request.body;
          return jsonResponse({ ...team, acceptingApplications: false });
        },
      },
    });
    await findPageHeading('Family-doctor teams');
    const card = await screen.findByRole('article', { name: 'Donghu team' });
    expect(card).toHaveTextContent('Lead: 王芳');
    expect(card).toHaveTextContent('Members: 刘洋');
    expect(card).toHaveTextContent('3 signed patients');
    await waitFor(() => expect(card).toHaveTextContent('Packages: Hypertension management'));
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Edit Donghu team' }));
    expect(screen.getByLabelText(/Name \(English\)/)).toHaveValue('Donghu team');
    await app.user.click(screen.getByRole('switch', { name: 'Taking new patients' }));
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(saved).toEqual({
      name: '东湖家庭医生团队',
      nameEn: 'Donghu team',
      description: '',
      descriptionEn: '',
      facilityId: 'fac-1',
      departmentId: null,
      leadDoctorId: 'doc-1',
      doctorIds: ['doc-1', 'doc-2'],
      acceptingApplications: false,
      version: 4,
      packageIds: ['pkg-htn'],
    });
  });

  it('shows the server’s field errors under the fields, and drops one once the admin changes that field', async () => {
    const app = await renderApp({
      route: '/admin/family-teams',
      roles: ['SystemAdmin'],
      api: {
        ...api,
        'PUT /api/admin/family-teams/team-1': () =>
          problemResponse(400, { code: 'validation_failed', errors: { 'team.nameEn': ['The English name is too long.'] } }),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Edit Donghu team' }));
    await app.user.click(screen.getByRole('button', { name: 'Save' }));

    const nameEn = screen.getByLabelText(/Name \(English\)/);
    await waitFor(() => expect(nameEn).toHaveAccessibleDescription('The English name is too long.'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await app.user.type(nameEn, '!');
    expect(nameEn).not.toHaveAccessibleDescription('The English name is too long.');
  });

  it('renders in Chinese', async () => {
    await renderApp({ route: '/admin/family-teams', roles: ['SystemAdmin'], language: 'zh-CN', api });
    await findPageHeading('家庭医生团队');
    const card = await screen.findByRole('article', { name: '东湖家庭医生团队' });
    expect(card).toHaveTextContent('接受签约');
    expect(card).toHaveTextContent('已签约 3 人');
    expect(screen.getByRole('heading', { name: '新建团队' })).toBeInTheDocument();
  });
});
