/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Note: the API (src/InternetHospital.Api) serves the built SPA from its wwwroot, so the SPA and the API
// share one origin in every environment; the dev server proxies the server-owned paths to the API.
const apiTarget = process.env.IH_API_URL ?? 'http://localhost:5080';
const proxiedPaths = ['/api', '/connect', '/hubs', '/openapi', '/docs', '/health', '/.well-known'];

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: Object.fromEntries(
      // Note: changeOrigin false keeps the browser's Host, so the OIDC issuer and redirects the API computes
      // stay on the dev server's origin (the SPA and the authorization server must share one origin).
      proxiedPaths.map((path) => [path, { target: apiTarget, changeOrigin: false, ws: path === '/hubs' }]),
    ),
  },
  build: {
    outDir: '../src/InternetHospital.Api/wwwroot',
    emptyOutDir: true,
    // Note: no inline scripts or module preload polyfill: the API's CSP is script-src 'self'.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/testing/setup-tests.ts'],
    css: false,
    clearMocks: true,
    restoreMocks: true,
    unstubGlobals: true,
    // Note: files share one module graph per worker (about 2x faster on 2 cores). So: no vi.mock of app
    // modules (spy on exported objects instead) and reset shared state in src/testing/setup-tests.ts.
    isolate: false,
    maxWorkers: 2,
    // Note: page tests render the whole app in jsdom; on 2 shared cores under load one can take several seconds.
    // A generous limit keeps them from failing for being slow (speed targets live in benchmarks, not tests).
    testTimeout: 30_000,
  },
});
