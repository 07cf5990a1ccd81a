import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import { notificationText } from './notification-text';
import { safeNotificationPath } from './safe-link';
import { formatRelativeTime, parseInstant } from '@/lib/date-time';

const booked = {
  kind: 'appointment.confirmed',
  parameters: { doctor: '王芳', start: '2025-12-01T01:30:00.0000000Z' },
};

describe('notification texts', () => {
  it.each([
    ['en', 'account.registered', 'Welcome! Your account is ready.'],
    ['zh-CN', 'account.registered', '欢迎！您的账户已创建。'],
    ['en', 'account.two_factor_enabled', 'Two-factor sign-in was turned on for your account.'],
    ['zh-CN', 'account.two_factor_disabled', '您的账户已关闭两步验证登录。'],
  ] as const)('in %s, %s', async (language, kind, text) => {
    await i18n.changeLanguage(language);
    expect(notificationText({ kind, parameters: {} }, i18n)).toBe(text);
  });

  it.each([
    ['en', 'proxy.invitation_received', '李娜 asks to act for you. Open the request to choose what you allow, or decline.'],
    ['zh-CN', 'proxy.invitation_accepted', '李娜已同意您代其办理。'],
    ['en', 'proxy.access_ended', 'Your access to act for 李娜 has ended.'],
  ] as const)('in %s, names the family member in %s (issue 15)', async (language, kind, text) => {
    await i18n.changeLanguage(language);
    expect(notificationText({ kind, parameters: { name: '李娜' } }, i18n)).toBe(text);
  });

  it('interpolates parameters, with date-times in the reader language and the hospital time zone', async () => {
    expect(notificationText(booked, i18n)).toBe('Your appointment with 王芳 on Dec 1, 2025, 9:30 AM is booked.');
    await i18n.changeLanguage('zh-CN');
    expect(notificationText(booked, i18n)).toBe('您已成功预约王芳医生，时间：2025年12月1日 09:30。');
  });

  // A refund after the appointment moved from 8 Dec 09:00 to 7 Dec 09:30: the new time, the fee's name in the
  // reader's language, money as the app writes it, and no zone id or currency code inside the sentence.
  const refund = {
    kind: 'payment.refunded',
    parameters: {
      amount: '40.00', currency: 'CNY', paymentId: 'p-1', item: 'appointment', doctor: '王芳',
      start: '2026-12-07T01:30:00.0000000Z', timeZone: 'Asia/Shanghai', visitType: 'Video', appointmentId: 'a-1',
    },
  };

  it.each([
    ['zh-CN', '已退款：王芳医生2026年12月7日 09:30的挂号费 ¥40.00。'],
    ['en', 'Refunded: CN¥40.00, the consultation fee for your appointment with 王芳 on Dec 7, 2026, 9:30 AM.'],
  ] as const)('names a refunded appointment fee in %s wholly in that language', async (language, text) => {
    await i18n.changeLanguage(language);
    expect(notificationText(refund, i18n)).toBe(text);
  });

  it.each([
    ['zh-CN', 'payment.received', '支付成功：续方申请 RX-7 的处方费 ¥12.50。'],
    ['en', 'payment.failed', 'Your payment of CN¥12.50 for renewal request RX-7 did not go through.'],
    ['zh-CN', 'appointment.late_payment_refunded', '您支付的 ¥12.50 到账时号源已被预约，费用已全额退还。'],
  ] as const)('in %s, %s writes money the way the app does', async (language, kind, text) => {
    await i18n.changeLanguage(language);
    expect(notificationText({ kind, parameters: { amount: '12.50', currency: 'CNY', item: 'prescription', reference: 'RX-7' } }, i18n)).toBe(text);
  });

  it.each([
    ['en', 'A message to the HIS (patient.registered) failed 3 times and was set aside. Open it to see the error and retry.'],
    ['zh-CN', '发往 HIS 的消息（patient.registered）已失败 3 次并被搁置，请打开查看错误并重试。'],
  ] as const)('tells an admin in %s that a HIS message was dead-lettered', async (language, text) => {
    await i18n.changeLanguage(language);
    expect(notificationText({ kind: 'his.dead_lettered', parameters: { messageKind: 'patient.registered', attempts: '3' } }, i18n)).toBe(text);
  });

  it('reads 7 fractional digits as the server sends them', () => {
    expect(parseInstant('2025-12-01T01:30:00.1234567+00:00')?.toISOString()).toBe('2025-12-01T01:30:00.123Z');
    expect(parseInstant('not a date')).toBeNull();
  });

  it.each([
    ['en', 'You have a new notification'],
    ['zh-CN', '您有一条新通知'],
  ] as const)('falls back to a generic text in %s for kinds it cannot show', async (language, generic) => {
    await i18n.changeLanguage(language);
    for (const kind of ['lab.result_ready', 'account', 'account.registered.extra', 'constructor.name', 'common:appName', '', 'ACCOUNT.REGISTERED']) {
      expect(notificationText({ kind, parameters: {} }, i18n), kind).toBe(generic);
    }
    // A known kind whose parameters did not arrive: no sentence with holes in it.
    expect(notificationText({ kind: 'message.received', parameters: {} }, i18n)).toBe(generic);
  });

  it('treats parameters as data, never as t() options', () => {
    const text = notificationText(
      { kind: 'message.received', parameters: { doctorName: 'Dr <b>Li</b> {{x}}', lng: 'zh-CN', ns: 'common' } },
      i18n,
    );
    expect(text).toBe('You have a new message from Dr <b>Li</b> {{x}}.');
  });

  it.each([
    ['en', -5 * 60, '5 minutes ago'],
    ['zh-CN', -5 * 60, '5分钟前'],
    ['en', -10, 'now'],
    ['en', -3 * 3600, '3 hours ago'],
    ['zh-CN', -26 * 3600, '昨天'],
    ['en', -30 * 86400, 'Oct 29, 2025'],
  ] as const)('relative time in %s for %i s', (language, seconds, text) => {
    const now = Date.parse('2025-11-28T04:00:00Z');
    expect(formatRelativeTime(new Date(now + seconds * 1000), now, language)).toBe(text);
  });
});

describe('notification links', () => {
  it.each([
    ['/appointments/42', '/appointments/42'],
    ['/notifications?page=2#top', '/notifications?page=2#top'],
    ['https://evil.example/phish', null],
    [`${window.location.origin}/appointments`, null],
    ['//evil.example', null],
    ['/\\evil.example', null],
    ['/\t/evil.example', null],
    ['javascript:alert(1)', null],
    ['appointments', null],
    ['', null],
    [null, null],
  ] as const)('%j opens %j', (link, path) => {
    expect(safeNotificationPath(link)).toBe(path);
  });
});
