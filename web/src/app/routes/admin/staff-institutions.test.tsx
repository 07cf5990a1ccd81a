import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

const institutions = {
  canAddInstitutions: true,
  institutions: [
    { id: 'fac-1', code: 'CFH', name: '市第一人民医院', nameEn: 'City First', level: 'Tertiary', kind: 'Hospital', timeZone: 'Asia/Shanghai', hisAdapter: 'ConsortiumDefault', editable: true },
    { id: 'fac-2', code: 'DHCHC', name: '东湖社区卫生服务中心', nameEn: 'Donghu Centre', level: 'Community', kind: 'CommunityHealthCentre', timeZone: 'Asia/Shanghai', hisAdapter: 'ConsortiumDefault', editable: true },
  ],
};
const nurse = { accountId: 'acc-1', fullName: '新护士', email: 'new.nurse@example.test', roles: ['Nurse'], primaryInstitutionId: null, institutionIds: [] };
const doctor = { accountId: 'acc-2', fullName: '李伟', email: 'dr.li@demo.test', roles: ['Doctor'], primaryInstitutionId: 'fac-1', institutionIds: [] };

describe('Admin staff institutions', () => {
  it('gives a new nurse an institution', async () => {
    let saved: unknown = null;
    const app = await renderApp({
      route: '/admin/staff-institutions',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/institutions': institutions,
        'GET /api/admin/staff-institutions': [nurse, doctor],
        'PUT /api/admin/staff-institutions/acc-1': (request) => {
          saved = request.body;
          return jsonResponse({ ...nurse, institutionIds: ['fac-2'] });
        },
      },
    });
    await findPageHeading('Staff institutions');
    expect(await screen.findByText('Works at City First through their department.')).toBeInTheDocument();
    await app.user.type(screen.getByRole('searchbox', { name: 'Find staff by name or e-mail' }), 'nurse');
    expect(screen.queryByRole('article', { name: '李伟' })).not.toBeInTheDocument();
    const card = screen.getByRole('article', { name: '新护士' });
    expect(within(card).getByText(/Not yet at any institution/)).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(within(card).getByRole('checkbox', { name: 'Donghu Centre' }));
    await app.user.click(within(card).getByRole('button', { name: 'Save institutions of 新护士' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(saved).toEqual({ institutionIds: ['fac-2'] });
  });

  it("opens for the consortium's administrator (a system administrator of every institution)", async () => {
    await renderApp({
      route: '/admin/staff-institutions',
      roles: ['SystemAdmin'],
      me: { roles: ['ConsortiumAdmin'] },
      api: { 'GET /api/admin/institutions': institutions, 'GET /api/admin/staff-institutions': [nurse] },
    });
    await findPageHeading('Staff institutions');
    expect(await screen.findByRole('article', { name: '新护士' })).toBeInTheDocument();
  });

  it('renders in Chinese', async () => {
    await renderApp({
      route: '/admin/staff-institutions',
      roles: ['SystemAdmin'],
      language: 'zh-CN',
      api: { 'GET /api/admin/institutions': institutions, 'GET /api/admin/staff-institutions': [nurse] },
    });
    await findPageHeading('人员归属机构');
    expect(await screen.findByRole('checkbox', { name: '东湖社区卫生服务中心' })).toBeInTheDocument();
    expect(screen.getByText('护士')).toBeInTheDocument();
  });
});
