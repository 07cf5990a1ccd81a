import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';

export const supportedLanguages = ['en', 'zh-CN'] as const;
export type Language = (typeof supportedLanguages)[number];

/** localStorage key holding the language the user picked on this device. */
export const LANGUAGE_STORAGE_KEY = 'ih.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/**
 * Locale files live in src/locales/<language>/<namespace>.json; the file name is the namespace.
 * Note: eager glob so every namespace is bundled and `t` is synchronous (no Suspense flash); the
 * files are small. A new feature adds its own namespace file in both languages and nothing else.
 */
const localeModules = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', {
  eager: true,
});

function buildResources(): Resource {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(localeModules)) {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, language, namespace] = match as unknown as [string, string, string];
    resources[language] ??= {};
    resources[language][namespace] = module.default;
  }
  return resources;
}

export const resources = buildResources();
export const namespaces = Object.keys(resources.en ?? {});

function readStoredLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function hasStoredLanguage(): boolean {
  return readStoredLanguage() !== null;
}

/** The user's stored choice, else the browser's language (zh* → zh-CN), else English. */
export function detectLanguage(): Language {
  const stored = readStoredLanguage();
  if (stored) return stored;
  const browser = typeof navigator === 'undefined' ? '' : (navigator.language ?? '');
  return browser.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

function applyToDocument(language: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Switches the UI language, remembers it on this device and updates <html lang>. */
export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Note: private modes may refuse storage; the switch still applies for this page view.
  }
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : 'en';
}

i18n.on('languageChanged', applyToDocument);

void i18n.use(initReactI18next).init({
  resources,
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...supportedLanguages],
  ns: namespaces,
  defaultNS: 'common',
  fallbackNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});
applyToDocument(i18n.language);

export { i18n };
