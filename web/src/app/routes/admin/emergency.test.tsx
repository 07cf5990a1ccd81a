import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const crewMember = { accountId: 'acc-crew', fullName: '王磊', email: 'crew@demo.test' };
const service = { id: 'svc-1', code: 'CITY-EMS', name: '市急救中心', nameEn: 'City Emergency Medical Centre', isActive: true, crew: [crewMember], editable: true };
const newParamedic = { accountId: 'acc-new', fullName: '马急救', email: 'ma@example.test', roles: ['Paramedic'], primaryInstitutionId: null, institutionIds: [] };
const staff = [
  { ...crewMember, roles: ['Paramedic'], primaryInstitutionId: null, institutionIds: [] },
  newParamedic,
  { accountId: 'acc-stroke', fullName: '孙浩', email: 'stroke@demo.test', roles: ['EmergencyStaff'], primaryInstitutionId: null, institutionIds: ['fac-1'] },
  { accountId: 'acc-admin', fullName: '冯霞', email: 'admin.donghu@demo.test', roles: ['SystemAdmin'], primaryInstitutionId: null, institutionIds: ['fac-2'] },
];
const hospitals = [
  {
    facilityId: 'fac-1',
    code: 'CFH',
    name: '市第一人民医院',
    nameEn: 'City First',
    receives: true,
    latitude: 30.5928,
    longitude: 114.3055,
    edPhone: '027-120',
    teamMembers: [{ id: 'tm-1', pathway: 'Stroke', accountId: 'acc-stroke', fullName: '孙浩', email: 'stroke@demo.test' }],
    editable: true,
  },
  { facilityId: 'fac-2', code: 'DHCHC', name: '东湖社区卫生服务中心', nameEn: 'Donghu Centre', receives: false, latitude: null, longitude: null, edPhone: null, teamMembers: [], editable: false },
];

describe('Admin emergency set-up', () => {
  it('adds a new paramedic to a service and a member to a pathway team', async () => {
    const sent: { method: string; url: string; body: unknown }[] = [];
    const app = await renderApp({
      route: '/admin/emergency',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/emergency/services': { canManage: true, services: [service] },
        'GET /api/admin/emergency/hospitals': hospitals,
        'GET /api/admin/staff-institutions': staff,
        'PUT /api/admin/emergency/services/svc-1/crew/acc-new': () => {
          sent.push({ method: 'PUT', url: 'crew/acc-new', body: null });
          return jsonResponse({ ...service, crew: [crewMember, newParamedic] });
        },
        'POST /api/admin/emergency/hospitals/fac-1/team-members': (request) => {
          sent.push({ method: 'POST', url: 'team-members', body: request.body });
          return jsonResponse({ id: 'tm-2', pathway: 'ChestPain', accountId: 'acc-stroke', fullName: '孙浩', email: 'stroke@demo.test' }, 201);
        },
      },
    });
    await findPageHeading('Emergency set-up');
    const card = await screen.findByRole('article', { name: 'City Emergency Medical Centre' });
    expect(within(card).getByText('王磊')).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Remove 王磊 from the crew' })).toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    // Only paramedics on no crew are offered.
    await app.user.click(within(card).getByRole('combobox', { name: /^Add a paramedic to City Emergency Medical Centre/ }));
    expect(screen.queryByRole('option', { name: /王磊/ })).not.toBeInTheDocument();
    await app.user.click(await screen.findByRole('option', { name: '马急救 (ma@example.test)' }));
    await app.user.click(within(card).getByRole('button', { name: 'Add a paramedic' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(sent).toContainEqual({ method: 'PUT', url: 'crew/acc-new', body: null });

    const hospital = screen.getByRole('article', { name: 'City First' });
    expect(within(hospital).getByText('Receives ambulances')).toBeInTheDocument();
    const add = within(hospital).getByRole('region', { name: 'Add a team member at City First' });
    await app.user.click(within(add).getByRole('combobox', { name: /^Pathway/ }));
    await app.user.click(await screen.findByRole('option', { name: 'Chest pain' }));
    await app.user.click(within(add).getByRole('combobox', { name: /^Staff member/ }));
    expect(screen.queryByRole('option', { name: /冯霞/ })).not.toBeInTheDocument();
    await app.user.click(await screen.findByRole('option', { name: '孙浩 (stroke@demo.test)' }));
    await app.user.click(within(add).getByRole('button', { name: 'Add to team' }));
    await screen.findAllByText('Saved.');
    expect(sent).toContainEqual({ method: 'POST', url: 'team-members', body: { pathway: 'ChestPain', accountId: 'acc-stroke' } });

    // Another institution's hospital is shown but not editable.
    const other = screen.getByRole('article', { name: 'Donghu Centre' });
    expect(within(other).getByText("Another institution's administrator sets this up.")).toBeInTheDocument();
    expect(within(other).queryByRole('button')).not.toBeInTheDocument();
  });

  it("shows the problem's reason when a crew change is refused", async () => {
    const app = await renderApp({
      route: '/admin/emergency',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/emergency/services': { canManage: true, services: [{ ...service, crew: [] }] },
        'GET /api/admin/emergency/hospitals': hospitals,
        'GET /api/admin/staff-institutions': [newParamedic],
        'PUT /api/admin/emergency/services/svc-1/crew/acc-new': () => problemResponse(409, { code: 'crew_in_another_service' }),
      },
    });
    const card = await screen.findByRole('article', { name: 'City Emergency Medical Centre' });
    await app.user.click(within(card).getByRole('combobox', { name: /^Add a paramedic to City Emergency Medical Centre/ }));
    await app.user.click(await screen.findByRole('option', { name: '马急救 (ma@example.test)' }));
    await app.user.click(within(card).getByRole('button', { name: 'Add a paramedic' }));
    expect(await within(card).findByRole('alert')).toHaveTextContent("This paramedic is on another service's crew. Remove them there first.");
  });

  it("is read-only for an institution's system administrator, in Chinese", async () => {
    await renderApp({
      route: '/admin/emergency',
      roles: ['SystemAdmin'],
      language: 'zh-CN',
      api: {
        'GET /api/admin/emergency/services': { canManage: false, services: [{ ...service, editable: false }] },
        'GET /api/admin/emergency/hospitals': hospitals,
        'GET /api/admin/staff-institutions': staff,
      },
    });
    await findPageHeading('急救组织');
    const card = await screen.findByRole('article', { name: '市急救中心' });
    expect(within(card).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.getByText('仅医联体管理员可更改。')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: '新建急救机构' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: '市第一人民医院' })).getByText('孙浩')).toBeInTheDocument();
  });
});
