import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, renderApp } from '@/testing/test-utils';

const card = { id: 'dep-1', code: 'CARD', name: '心血管内科', nameEn: 'Cardiology', facility: { id: 'fac-1', name: '市第一人民医院', nameEn: 'City First' }, conditions: ['I10-I15', 'E78'], doctors: 1 };

describe('Admin departments', () => {
  it('edits the conditions a department follows up online', async () => {
    let saved: unknown = null;
    const app = await renderApp({
      route: '/admin/departments',
      roles: ['SystemAdmin'],
      api: {
        'GET /api/admin/departments': [card],
        'GET /api/admin/facilities': [{ id: 'fac-1', name: '市第一人民医院', nameEn: 'City First' }],
        'PUT /api/admin/departments/dep-1/conditions': (request) => {
          saved = request.body;
          return jsonResponse({ ...card, conditions: ['I10-I15', 'E78', 'I48'] });
        },
      },
    });
    await findPageHeading('Departments');
    const field = await screen.findByLabelText('Conditions Cardiology follows up online');
    expect(field).toHaveValue('I10-I15, E78');
    expect(await act(() => seriousA11yViolations())).toEqual([]);
    await app.user.type(field, ', i48');
    await app.user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(saved).toEqual({ conditions: ['I10-I15', 'E78', 'I48'] });
  });

  it('renders in Chinese', async () => {
    await renderApp({ route: '/admin/departments', roles: ['SystemAdmin'], language: 'zh-CN', api: { 'GET /api/admin/departments': [card], 'GET /api/admin/facilities': [] } });
    await findPageHeading('科室管理');
    expect(await screen.findByLabelText('心血管内科可线上复诊的疾病')).toBeInTheDocument();
  });
});
