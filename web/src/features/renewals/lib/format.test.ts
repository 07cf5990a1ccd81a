import { describe, expect, it } from 'vitest';
import { i18n } from '@/lib/i18n';
import type { Finding } from '../api/schemas';
import { drugName, findingText, frequencyText, statusColor, statusLabel } from './format';

const interaction: Finding = {
  kind: 'Interaction',
  severity: 'Severe',
  drugCode: 'C08CA01-5',
  drugName: '氨氯地平',
  drugNameEn: 'Amlodipine',
  otherName: '克拉霉素',
  otherNameEn: 'Clarithromycin',
  parameters: { interactionSeverity: 'Major' },
  advice: null,
  adviceEn: null,
};

describe('renewal formatting', () => {
  it('names drugs and findings in the reader language', async () => {
    await i18n.changeLanguage('en');
    expect(drugName('en', '氨氯地平', 'Amlodipine')).toBe('Amlodipine');
    expect(findingText(i18n.t, 'en', interaction)).toBe('Interaction between Amlodipine and Clarithromycin');
    expect(frequencyText(i18n.t, 'BID')).toBe('twice a day');
    await i18n.changeLanguage('zh-CN');
    expect(findingText(i18n.t, 'zh-CN', interaction)).toBe('氨氯地平 与 克拉霉素 存在相互作用');
  });

  it('says ready for pickup and payment due rather than the raw state', async () => {
    await i18n.changeLanguage('en');
    const base = { status: 'PharmacistApproved', fulfilment: 'Pickup', readyToCollect: false, awaitsPayment: false } as const;
    expect(statusLabel(i18n.t, { ...base, readyToCollect: true })).toBe('Ready for pickup');
    expect(statusLabel(i18n.t, { ...base, awaitsPayment: true })).toBe('Payment due');
    expect(statusLabel(i18n.t, { ...base, status: 'Submitted' })).toBe('Waiting for a doctor');
    expect(statusColor({ ...base, readyToCollect: true })).toBe('teal.9');
    expect(statusColor({ ...base, status: 'Cancelled' })).toBe('gray.7');
  });
});
