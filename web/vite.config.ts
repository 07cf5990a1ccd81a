/// <reference types="vitest/config" />
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, URL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { initialNamespaces } from './src/config/locales.ts';

/**
 * Writes a Brotli (.br) and a gzip (.gz) copy beside every text asset of the build, once, at maximum compression,
 * so the API serves them as they are (SpaHosting negotiates Accept-Encoding) instead of compressing per request.
 */
function precompress(): Plugin {
  const compressible = /\.(js|mjs|css|html|svg|json|txt|webmanifest)$/;
  let outDir = '';
  return {
    name: 'ih-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(config.root, config.build.outDir);
    },
    async writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => compressible.test(file));
      await Promise.all(
        files.map(async (file) => {
          const path = join(outDir, file);
          const content = await readFile(path);
          if (content.length < 1024) return;
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(content, {
              params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: content.length },
            }),
            promisify(gzip)(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}

/**
 * dwv (the DICOM viewer) decodes compressed images (JPEG baseline/lossless, JPEG 2000, RLE) in web workers it loads from
 * `assets/workers/` beside its own module, a path no bundler can see. The build copies them there (beside the dwv chunk
 * in assets/), and the dev server answers them from the package.
 */
function dwvWorkers(): Plugin {
  const source = fileURLToPath(new URL('./node_modules/dwv/dist/assets/workers/', import.meta.url));
  const workerFile = /\/assets\/workers\/([a-z0-9]+\.worker\.min\.js)$/;
  return {
    name: 'ih-dwv-workers',
    async generateBundle() {
      const { readdir } = await import('node:fs/promises');
      for (const file of (await readdir(source)).filter((name) => name.endsWith('.worker.min.js'))) {
        this.emitFile({ type: 'asset', fileName: `assets/assets/workers/${file}`, source: await readFile(join(source, file)) });
      }
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const match = workerFile.exec(request.url?.split('?')[0] ?? '');
        if (!match) return next();
        readFile(join(source, match[1])).then(
          (content) => {
            response.setHeader('Content-Type', 'text/javascript');
            response.end(content);
          },
          () => next(),
        );
      });
    },
  };
}

/**
 * Two chunks per language's catalogue (i18n.ts loads only the active language): the namespaces of the first visit
 * (config/locales.ts), and the rest, which comes with the first other page.
 */
function localeChunk(id: string): string | null {
  const match = /[\\/]locales[\\/]([^\\/]+)[\\/]([^\\/]+)\.json$/.exec(id);
  if (!match) return null;
  return initialNamespaces.includes(match[2]) ? `locale-${match[1]}` : `locale-${match[1]}-pages`;
}

// Note: the API (src/InternetHospital.Api) serves the built SPA from its wwwroot, so the SPA and the API
// share one origin in every environment; the dev server proxies the server-owned paths to the API.
const apiTarget = process.env.IH_API_URL ?? 'http://localhost:5080';
const proxiedPaths = ['/api', '/connect', '/hubs', '/openapi', '/docs', '/health', '/.well-known'];

export default defineConfig({
  plugins: [react(), precompress(), dwvWorkers()],
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
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: localeChunk },
            // Note: React, its DOM renderer and the router change only with an upgrade: one long-cached chunk that
            // every page needs anyway. Mantine stays in the automatic split so pages fetch only the components they use.
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|react-router|scheduler|cookie|set-cookie-parser)[\\/]/ },
          ],
        },
      },
    },
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
