import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousA11yViolations } from '@/testing/axe';
import { findPageHeading, jsonResponse, problemResponse, renderApp } from '@/testing/test-utils';

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

  it('shows what the server refuses under the field it concerns', async () => {
    let attempt = 0;
    const app = await renderApp({
      route: '/admin/departments',
      roles: ['SystemAdmin'],
      language: 'zh-CN',
      api: {
        'GET /api/admin/departments': [card],
        'GET /api/admin/facilities': [{ id: 'fac-1', name: '市第一人民医院', nameEn: 'City First' }],
        'POST /api/admin/departments': () =>
          ++attempt === 1
            ? problemResponse(400, {
                code: 'validation_failed',
                errors: { 'conditions[0]': ['请使用 ICD-10 类目（如 I10）或范围（如 I20-I25）。'] },
                fieldCodes: { 'conditions[0]': ['invalid_icd10_range'] },
              })
            : problemResponse(409, { code: 'duplicate_department_code', detail: 'A department with this code already exists.' }),
      },
    });
    await findPageHeading('科室管理');
    await app.user.click(screen.getByRole('combobox', { name: /^机构/ }));
    await app.user.click(await screen.findByRole('option', { name: '市第一人民医院' }));
    await app.user.type(screen.getByRole('textbox', { name: /^科室代码/ }), 'neuro');
    await app.user.type(screen.getByRole('textbox', { name: /^名称（中文）/ }), '神经内科');
    await app.user.type(screen.getByRole('textbox', { name: /^名称（英文）/ }), 'Neurology');
    await app.user.type(screen.getByRole('textbox', { name: '可线上复诊的疾病' }), 'headache');

    await app.user.click(screen.getByRole('button', { name: '新增科室' }));
    expect(await screen.findByText('请使用 ICD-10 类目（如 I10）或范围（如 I20-I25）。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: '可线上复诊的疾病' })).toHaveAttribute('aria-invalid', 'true');

    await app.user.click(screen.getByRole('button', { name: '新增科室' }));
    expect(await screen.findByText('该科室编码已存在。')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^科室代码/ })).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('renders in Chinese', async () => {
    await renderApp({ route: '/admin/departments', roles: ['SystemAdmin'], language: 'zh-CN', api: { 'GET /api/admin/departments': [card], 'GET /api/admin/facilities': [] } });
    await findPageHeading('科室管理');
    expect(await screen.findByLabelText('心血管内科可线上复诊的疾病')).toBeInTheDocument();
  });
});
