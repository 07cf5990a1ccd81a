import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

const hospital = {
  id: 'fac-1', code: 'CFH', name: '市第一人民医院', nameEn: 'City First People\'s Hospital', level: 'Tertiary', kind: 'Hospital',
  timeZone: 'Asia/Shanghai', address: '解放大道 1 号', phone: '020-12345678', hisAdapter: 'ConsortiumDefault', hisEndpoint: null, editable: false,
};
const centre = {
  id: 'fac-2', code: 'DHCHC', name: '东湖社区卫生服务中心', nameEn: 'Donghu Community Health Centre', level: 'Community', kind: 'CommunityHealthCentre',
  timeZone: 'Asia/Shanghai', address: null, phone: null, hisAdapter: 'ConsortiumDefault', hisEndpoint: null, editable: true,
};

describe('Admin institutions', () => {
  it('lets a community administrator edit its own centre and not the hospital', async () => {
    let saved: unknown = null;
    const app = await renderApp({
      route: '/admin/institutions',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/institutions': { canAddInstitutions: false, institutions: [hospital, centre] },
        'PUT /api/admin/institutions/fac-2': (request) => {
          saved = request.body;
          return jsonResponse({ ...centre, phone: '020-80000000' });
        },
      },
    });
    await findPageHeading('Institutions of the consortium');
    // The consortium's administrator alone adds institutions.
    const hospitalCard = await screen.findByRole('article', { name: "City First People's Hospital" });
    expect(within(hospitalCard).queryByRole('button', { name: /Edit/ })).not.toBeInTheDocument();
    expect(within(hospitalCard).getByText(/only its own administrators/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Add an institution' })).not.toBeInTheDocument();
    expect(await act(() => seriousA11yViolations())).toEqual([]);

    await app.user.click(screen.getByRole('button', { name: 'Edit Donghu Community Health Centre' }));
    const card = screen.getByRole('article', { name: 'Donghu Community Health Centre' });
    await app.user.type(within(card).getByRole('textbox', { name: 'Phone' }), '020-80000000');
    await app.user.click(within(card).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(saved).toMatchObject({ phone: '020-80000000', hisAdapter: 'ConsortiumDefault', level: 'Community', timeZone: 'Asia/Shanghai' });
  });

  it('shows a refusal for another institution in Chinese', async () => {
    const app = await renderApp({
      route: '/admin/institutions',
      roles: ['SystemAdmin'],
      language: 'zh-CN',
      api: {
        'GET /api/admin/institutions': { canAddInstitutions: true, institutions: [{ ...hospital, editable: true }] },
        'PUT /api/admin/institutions/fac-1': () => problemResponse(403, { code: 'institution_scope_denied' }),
      },
    });
    await findPageHeading('医联体成员机构');
    expect(await screen.findByRole('heading', { name: '添加机构' })).toBeInTheDocument();
    await app.user.click(screen.getByRole('button', { name: '编辑市第一人民医院' }));
    await app.user.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('该数据属于医联体内的其他机构，您只能修改本机构的数据。')).toBeInTheDocument();
  });
});
