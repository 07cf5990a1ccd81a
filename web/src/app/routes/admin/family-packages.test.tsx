import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { hospital } from '@/testing/booking-fixtures';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const hypertension = {
  id: 'pkg-1',
  code: 'hypertension',
  name: '高血压管理包',
  nameEn: 'Hypertension management',
  description: '血压控制与随访',
  descriptionEn: 'Blood pressure control and follow-up',
  includes: ['每季度血压随访', '用药指导'],
  includesEn: ['Blood pressure review every quarter', 'Medication advice'],
  annualFee: 120,
  conditionCode: 'hypertension',
  followUpTemplateCode: 'hypertension-bp-review',
  displayOrder: 20,
  version: 2,
};
const api = {
  'GET /api/admin/family-packages': [hypertension],
  'GET /api/admin/family-follow-up-templates': [
    { code: 'hypertension-bp-review', title: '高血压随访：血压复查', titleEn: 'Hypertension: blood pressure review', intervalMonths: 3, conditionCode: 'hypertension' },
    { code: 'elderly-annual-check', title: '老年人年度健康体检', titleEn: 'Annual health check for older people', intervalMonths: 12, conditionCode: null },
  ],
  'GET /api/care/hospital': hospital,
};

describe('Admin service packages', () => {
  it('lists the packages with their fee and services, and changes one', async () => {
    let saved: unknown = null;
    const app = await renderApp({
      route: '/admin/family-packages',
      roles: ['SystemAdmin'],
      api: {
        ...api,
        'PUT /api/admin/family-packages/pkg-1': (request) => {
          saved = request.body;
          return jsonResponse({ ...hypertension, annualFee: 150 });
        },
      },
    });
    await findPageHeading('Family-doctor service packages');
    const card = await screen.findByRole('article', { name: 'Hypertension management' });
    await waitFor(() => expect(card).toHaveTextContent('hypertension · CN¥120.00 a year'));
    expect(card).toHaveTextContent('Blood pressure review every quarter');
    expect(card).toHaveTextContent('Hypertension');
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Edit Hypertension management' }));
    expect(screen.queryByLabelText(/^Code/)).not.toBeInTheDocument();
    const fee = screen.getByLabelText(/Yearly fee/);
    await app.user.clear(fee);
    await app.user.type(fee, '150');
    const includes = screen.getByLabelText(/Includes \(English\)/);
    await app.user.type(includes, '\n\n  Home visit once a year  ');
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(saved).toEqual({
      name: '高血压管理包',
      nameEn: 'Hypertension management',
      description: '血压控制与随访',
      descriptionEn: 'Blood pressure control and follow-up',
      includes: ['每季度血压随访', '用药指导'],
      includesEn: ['Blood pressure review every quarter', 'Medication advice', 'Home visit once a year'],
      annualFee: 150,
      conditionCode: 'hypertension',
      followUpTemplateCode: 'hypertension-bp-review',
      displayOrder: 20,
      version: 2,
    });
  });

  it('adds a package under a code, and shows why the server refused one', async () => {
    const posted: unknown[] = [];
    const app = await renderApp({
      route: '/admin/family-packages',
      roles: ['SystemAdmin'],
      api: {
        ...api,
        'POST /api/admin/family-packages': (request) => {
          posted.push(request.body);
          return jsonResponse({ type: 'about:blank', title: 'Conflict', status: 409, code: 'duplicate_package_code' }, 409);
        },
      },
    });
    await findPageHeading('Family-doctor service packages');
    const add = screen.getByRole('button', { name: 'Add package' });
    expect(add).toBeDisabled();
    await app.user.type(screen.getByLabelText(/^Code/), 'elderly');
    await app.user.type(screen.getByLabelText(/Name \(Chinese\)/), '老年人健康包');
    await app.user.type(screen.getByLabelText(/Name \(English\)/), 'Elderly care');
    await app.user.type(screen.getByLabelText(/Includes \(Chinese\)/), '年度体检');
    await app.user.type(screen.getByLabelText(/Includes \(English\)/), 'Yearly check-up');
    await app.user.click(add);

    // Note: the refusal concerns the code, so it shows under that field (no banner).
    await waitFor(() => expect(screen.getByLabelText(/^Code/)).toHaveAccessibleDescription(/A service package with this code already exists\./));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(posted).toEqual([
      {
        code: 'elderly',
        package: {
          name: '老年人健康包', nameEn: 'Elderly care', description: '', descriptionEn: '', includes: ['年度体检'], includesEn: ['Yearly check-up'],
          annualFee: 0, conditionCode: null, followUpTemplateCode: null, displayOrder: 100,
        },
      },
    ]);
  });

  it('shows the server’s field errors of a package under its fields', async () => {
    const app = await renderApp({
      route: '/admin/family-packages',
      roles: ['SystemAdmin'],
      api: {
        ...api,
        'PUT /api/admin/family-packages/pkg-1': () =>
          problemResponse(400, { code: 'validation_failed', errors: { 'package.includesEn[1]': ['One item per line.'], 'package.annualFee': ['At most 100000.'] } }),
      },
    });
    await app.user.click(await screen.findByRole('button', { name: 'Edit Hypertension management' }));
    await app.user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(screen.getByLabelText(/Includes \(English\)/)).toHaveAccessibleDescription(/One item per line\./));
    expect(screen.getByLabelText(/Yearly fee/)).toHaveAccessibleDescription('At most 100000.');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when someone else changed the package meanwhile, and shows their change', async () => {
    let listed = 0;
    const app = await renderApp({
      route: '/admin/family-packages',
      roles: ['SystemAdmin'],
      api: {
        ...api,
        'GET /api/admin/family-packages': () => jsonResponse([listed++ === 0 ? hypertension : { ...hypertension, annualFee: 180, version: 3 }]),
        'PUT /api/admin/family-packages/pkg-1': () => jsonResponse({ type: 'about:blank', title: 'Conflict', status: 409, code: 'package_changed' }, 409),
      },
    });
    const card = await screen.findByRole('article', { name: 'Hypertension management' });
    await app.user.click(screen.getByRole('button', { name: 'Edit Hypertension management' }));
    await app.user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Someone else changed this package since you opened it.');
    await waitFor(() => expect(card).toHaveTextContent('CN¥180.00 a year'));
  });

  it('renders in Chinese', async () => {
    await renderApp({ route: '/admin/family-packages', roles: ['SystemAdmin'], language: 'zh-CN', api });
    await findPageHeading('家庭医生服务包');
    const card = await screen.findByRole('article', { name: '高血压管理包' });
    expect(card).toHaveTextContent('每季度血压随访');
    expect(screen.getByRole('heading', { name: '新增服务包' })).toBeInTheDocument();
  });
});
