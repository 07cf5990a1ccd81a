import type { TFunction } from 'i18next';
import type { Finding, RenewalStatus, RenewalSummary } from '../api/schemas';

/** The drug's name in the reader's language (the catalogue has both; Chinese is the default). */
export function drugName(language: string, zh: string, en: string | null | undefined): string {
  return language.startsWith('zh') || !en ? zh : en;
}

/** What the patient should read as the state: "ready for pickup" and "payment due" say more than the raw state. */
export function statusLabel(t: TFunction, summary: Pick<RenewalSummary, 'status' | 'readyToCollect' | 'awaitsPayment' | 'fulfilment'>): string {
  if (summary.readyToCollect) return t('renewals:status.readyForPickup');
  if (summary.awaitsPayment) return t('renewals:status.awaitingPayment');
  if (summary.status === 'Dispensed' && summary.fulfilment === 'Delivery') return t('renewals:status.onTheWay');
  return t(`renewals:status.${summary.status}`);
}

const finished: readonly RenewalStatus[] = ['PickedUp', 'Delivered'];
const stopped: readonly RenewalStatus[] = ['DoctorRejected', 'VisitRequired', 'Cancelled', 'PharmacistRejected'];

/**
 * A colour for a state: green when done or collectable, orange when someone must act, grey when closed. Dark shades,
 * because badges are filled and their white text must keep a 4.5:1 contrast.
 */
export function statusColor(summary: Pick<RenewalSummary, 'status' | 'readyToCollect' | 'awaitsPayment'>): string {
  if (summary.readyToCollect || finished.includes(summary.status)) return 'teal.9';
  if (summary.awaitsPayment) return 'orange.9';
  if (stopped.includes(summary.status)) return 'gray.7';
  return 'blue.8';
}

/** The text of an automated finding in the reader's language, from its kind and parameters. */
export function findingText(t: TFunction, language: string, finding: Finding): string {
  return t(`renewals:findings.${finding.kind}`, {
    ...finding.parameters,
    drug: drugName(language, finding.drugName, finding.drugNameEn),
    other: drugName(language, finding.otherName ?? '', finding.otherNameEn),
  });
}

/** A frequency code ("bid") in words, or the code itself if unknown. */
export function frequencyText(t: TFunction, code: string): string {
  return t(`renewals:frequency.${code.toLowerCase()}`, { defaultValue: code });
}

export const severityColor: Readonly<Record<Finding['severity'], string>> = { Info: 'blue.8', Warning: 'orange.9', Severe: 'red.9' };
