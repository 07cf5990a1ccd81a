import i18n, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { initialNamespaces } from '@/config/locales';

export const supportedLanguages = ['en', 'zh-CN'] as const;
export type Language = (typeof supportedLanguages)[number];

/** localStorage key holding the language the user picked on this device. */
export const LANGUAGE_STORAGE_KEY = 'ih.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (supportedLanguages as readonly string[]).includes(value);
}

/**
 * Locale files live in src/locales/<language>/<namespace>.json; the file name is the namespace.
 * Note: only the active language is downloaded, and at first only its initial namespaces (config/locales.ts; two
 * chunks per language, see vite.config.ts): a phone on a slow network should not fetch texts of pages it has not
 * opened. The app renders after `i18nReady`, and every other page's route waits for `loadAllNamespaces()`, so `t`
 * stays synchronous in every component (no Suspense flash); switching language loads the other chunks first.
 * A new feature adds its own namespace file in both languages and nothing else.
 */
const localeLoaders = import.meta.glob<Record<string, unknown>>('../locales/*/*.json', { import: 'default' });

function localeFiles(language: Language): { namespace: string; load: () => Promise<Record<string, unknown>> }[] {
  return Object.entries(localeLoaders).flatMap(([path, load]) => {
    const match = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    return match && match[1] === language ? [{ namespace: match[2]!, load }] : [];
  });
}

export const namespaces = [...new Set(localeFiles('en').map((file) => file.namespace))];

/** Which namespaces this page view has needed so far: every language loaded later gets the same. */
let scope: 'initial' | 'all' = 'initial';
const loading = new Map<string, Promise<void>>();

function loadNamespace(language: Language, namespace: string, load: () => Promise<Record<string, unknown>>): Promise<void> {
  const key = `${language}/${namespace}`;
  let pending = loading.get(key);
  if (!pending) {
    pending = load().then((texts) => {
      i18n.addResourceBundle(language, namespace, texts, true, true);
    });
    pending.catch(() => loading.delete(key));
    loading.set(key, pending);
  }
  return pending;
}

/** Downloads a language's catalogue (the namespaces needed so far) once and adds it to i18next. */
export function loadLanguage(language: Language): Promise<void> {
  const files = localeFiles(language).filter((file) => scope === 'all' || initialNamespaces.includes(file.namespace));
  return Promise.all(files.map((file) => loadNamespace(language, file.namespace, file.load))).then(() => undefined);
}

/** Every namespace of the active language: a page's route waits for this before it renders (see app/router.tsx). */
export function loadAllNamespaces(): Promise<void> {
  scope = 'all';
  return loadLanguage(currentLanguage());
}

/** Both catalogues (tests compare them and switch languages synchronously). */
export async function loadAllLanguages(): Promise<Resource> {
  scope = 'all';
  await Promise.all(supportedLanguages.map(loadLanguage));
  return Object.fromEntries(supportedLanguages.map((language) => [language, i18n.getDataByLanguage(language) ?? {}]));
}

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
  await loadLanguage(language);
  await i18n.changeLanguage(language);
}

export function currentLanguage(): Language {
  // Note: i18n.language (what was asked for), not resolvedLanguage: i18next resolves a language only if it already
  // holds texts of it, and on a page load they arrive after init, so resolvedLanguage read as English after a reload
  // in Chinese: the selector showed "English" and the lazily loaded namespaces came in English (half-switched page).
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

i18n.on('languageChanged', applyToDocument);

const initialLanguage = detectLanguage();

void i18n.use(initReactI18next).init({
  resources: {},
  lng: initialLanguage,
  fallbackLng: 'en',
  supportedLngs: [...supportedLanguages],
  ns: namespaces,
  defaultNS: 'common',
  fallbackNS: 'common',
  initAsync: false,
  interpolation: { escapeValue: false },
  // Note: a component that rendered before its namespace arrived (the shell's menu, say) renders again when it does.
  react: { useSuspense: false, bindI18nStore: 'added' },
});
applyToDocument(i18n.language);

/** Resolves once the active language's texts are in (the app renders after it). */
export const i18nReady: Promise<void> = loadLanguage(initialLanguage)
  // Note: switching again once the texts are in sets i18n.resolvedLanguage, which components use to format dates.
  .then(() => i18n.changeLanguage(initialLanguage))
  .then(() => undefined);

export { i18n };
