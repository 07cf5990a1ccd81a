import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { mockApi, problemResponse } from '@/testing/test-utils';
import { ApiError, apiSend } from './api-client';
import { problemMessage } from './problem-message';

const t = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('problemMessage', () => {
  it('translates the code first', () => {
    const error = new ApiError(409, { code: 'visit_finished', detail: 'This visit has ended.' });
    expect(problemMessage(error, t)).toBe('本次就诊已结束。');
    expect(problemMessage(error, en)).toBe('This visit has ended.');
  });

  it('then the field codes of a validation problem, then its (already translated) field messages', () => {
    const withGenericCode = new ApiError(400, {
      code: 'validation_failed',
      errors: { email: ["'Email' 不能为空。"] },
      fieldCodes: { email: ['not_empty'] },
    });
    expect(problemMessage(withGenericCode, t)).toBe('请填写必填项。');

    const withOwnCode = new ApiError(400, {
      code: 'validation_failed',
      errors: { mobile: ['请输入中国大陆手机号（以 1 开头的 11 位数字），或以 + 开头的国际号码。'] },
      fieldCodes: { mobile: ['invalid_mobile'] },
    });
    expect(problemMessage(withOwnCode, t)).toBe('请输入中国大陆手机号（以 1 开头的 11 位数字），或以 + 开头的国际号码。');
  });

  it('then the generic text of the status, never the server English', () => {
    expect(problemMessage(new ApiError(404, { code: 'not_found', detail: 'Appointment was not found.' }), t)).toBe(
      '未找到相关内容，可能已被删除或您无权查看。',
    );
    expect(problemMessage(new ApiError(409, { detail: 'Something English' }), t)).toBe('与已有记录冲突，请刷新后核对。');
    expect(problemMessage(new ApiError(502, {}), t)).toBe('系统出现问题，请稍后重试。');
  });

  it('keeps the retry time of a rate-limited request', () => {
    expect(problemMessage(new ApiError(429, { code: 'rate_limited' }, 30), en)).toContain('30 seconds');
  });
});

describe('the api client', () => {
  it('asks the server to word its messages in the language the user reads', async () => {
    await i18n.changeLanguage('zh-CN');
    const { requests } = mockApi({ 'POST /api/things': () => problemResponse(400, { code: 'validation_failed' }) });
    await apiSend('/api/things', { method: 'POST', body: {}, auth: false }).catch(() => undefined);
    expect(requests[0]?.headers['accept-language']).toBe('zh-CN');
  });
});
