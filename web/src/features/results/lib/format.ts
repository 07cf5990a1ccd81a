import type { LabFlag } from '../api/get-result';

interface Named {
  name: string;
  nameZh: string | null;
  nameEn: string | null;
}

/** The catalogue's name in the reader's language; the hospital's own name when the catalogue does not know the test. */
export function localName(item: Named, language: string): string {
  return (language === 'zh-CN' ? item.nameZh : item.nameEn) ?? item.name;
}

export function localNote(item: { noteZh: string | null; noteEn: string | null }, language: string): string | null {
  return language === 'zh-CN' ? item.noteZh : item.noteEn;
}

export function isCritical(flag: LabFlag): boolean {
  return flag === 'CriticalLow' || flag === 'CriticalHigh' || flag === 'Critical';
}

/** Numbers as the lab wrote them (no rounding: 4.35 stays 4.35). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
}

/** "3.9–6.1", "< 3.4", "> 1.0", or the lab's own text. */
export function formatRange(low: number | null, high: number | null, text: string | null, language: string): string | null {
  if (low !== null && high !== null) return `${formatNumber(low, language)}–${formatNumber(high, language)}`;
  if (high !== null) return `< ${formatNumber(high, language)}`;
  if (low !== null) return `> ${formatNumber(low, language)}`;
  return text;
}
