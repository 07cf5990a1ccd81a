import { describe, expect, it, vi } from 'vitest';
import { detectLanguage, LANGUAGE_STORAGE_KEY, loadAllLanguages } from './i18n';

function keysOf(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keysOf(child, prefix ? `${prefix}.${key}` : key));
}

/** Plural forms differ per language (English _one/_other, Chinese _other only): compare base keys. */
function baseKeys(value: unknown): string[] {
  return [...new Set(keysOf(value).map((key) => key.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
}

describe('i18n', () => {
  it('has the same namespaces and keys in English and Chinese', async () => {
    const resources = await loadAllLanguages();
    const en = resources.en ?? {};
    const zh = resources['zh-CN'] ?? {};
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const namespace of Object.keys(en)) {
      expect(baseKeys(zh[namespace]), `namespace ${namespace}`).toEqual(baseKeys(en[namespace]));
    }
  });

  it('prefers the stored choice, then the browser language', () => {
    const language = vi.spyOn(navigator, 'language', 'get');
    language.mockReturnValue('zh-TW');
    expect(detectLanguage()).toBe('zh-CN');
    language.mockReturnValue('fr-FR');
    expect(detectLanguage()).toBe('en');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'zh-CN');
    expect(detectLanguage()).toBe('zh-CN');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'klingon');
    expect(detectLanguage()).toBe('en');
  });
});
