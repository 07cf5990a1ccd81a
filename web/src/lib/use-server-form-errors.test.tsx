import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { ApiError } from './api-client';
import { applyServerErrors, useServerFormErrors } from './use-server-form-errors';

const t = i18n.getFixedT('zh-CN');
const fields = ['email', 'idNumber', 'password'] as const;
type Field = (typeof fields)[number];

function target(): { errors: Partial<Record<Field, string>>; fields: typeof fields; setFieldError: (f: Field, m: string) => void } {
  const errors: Partial<Record<Field, string>> = {};
  return { errors, fields, setFieldError: (field, message) => (errors[field] = message) };
}

describe('server errors on a form', () => {
  it('puts each field error under its field, and asks to fix them', () => {
    const form = target();
    const banner = applyServerErrors(
      new ApiError(400, {
        code: 'validation_failed',
        errors: { idNumber: ['护照号码应为 5 至 20 位字母或数字。'], Password: ["'Password' 的长度不能少于 8 个字符。"] },
        fieldCodes: { idNumber: ['invalid_passport'], Password: ['minimum_length'] },
      }),
      form,
      t,
      { fixErrorsMessage: '请更正标出的内容。' },
    );

    expect(form.errors).toEqual({ idNumber: '护照号码应为 5 至 20 位字母或数字。', password: "'Password' 的长度不能少于 8 个字符。" });
    expect(banner).toBe('请更正标出的内容。');
  });

  it('shows errors of fields the form does not have in the banner', () => {
    const form = target();
    const banner = applyServerErrors(new ApiError(400, { code: 'validation_failed', errors: { 'items[0].daysSupply': ['太多了'] } }), form, t);

    expect(form.errors).toEqual({});
    expect(banner).toBe('太多了');
  });

  it('finds the field of a form whose body the server names as one property', () => {
    const form = target();
    const banner = applyServerErrors(
      new ApiError(400, { code: 'validation_failed', errors: { 'team.email': ['不对'], code: ['也不对'] } }),
      form,
      t,
      { within: 'team' },
    );

    expect(form.errors).toEqual({ email: '不对' });
    expect(banner).toBe('也不对');
  });

  it('puts a code that concerns one field under that field', () => {
    const form = target();
    const banner = applyServerErrors(new ApiError(409, { code: 'duplicate_email' }), form, t, { codeFields: { duplicate_email: 'email' } });

    expect(form.errors.email).toBe('该邮箱已注册，请直接登录或使用其他邮箱。');
    expect(banner).toBeNull();
  });

  it('explains any other refusal in the banner, in the reader’s language', () => {
    const form = target();
    expect(applyServerErrors(new ApiError(409, { code: 'visit_finished', detail: 'This visit has ended.' }), form, t)).toBe('本次就诊已结束。');
    expect(applyServerErrors(new TypeError('Failed to fetch'), form, t)).toBe('无法连接服务器，请检查网络后重试。');
  });

  it('keeps the banner in the hook’s state', () => {
    const form = target();
    const { result } = renderHook(() => useServerFormErrors(form, t));

    act(() => result.current.onError(new ApiError(422, { code: 'too_late_to_change' })));

    expect(result.current.formError).toBe(t('errors:codes.too_late_to_change'));
  });
});
