/**
 * Translation namespaces in the first download: what the landing, sign-in and registration pages, the app's shell and
 * problem messages need. The other namespaces of the language come with the first other page (see lib/i18n.ts), so a
 * phone opening the landing page fetches about a quarter of the catalogue. vite.config.ts puts these in their own chunk.
 */
export const initialNamespaces: readonly string[] = ['common', 'accounts', 'errors'];
