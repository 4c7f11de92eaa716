import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The web console (index.html) and the offline GraphiQL page (graphiql.html), built into
 * dist/web, which the Nest service serves (src/console/console-assets.ts). Nothing is loaded
 * from another address: every script, style and font is bundled here.
 */
const here = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/',
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { index: resolve(here, 'index.html'), graphiql: resolve(here, 'graphiql.html') },
      // GraphiQL's dependencies mark modules "use client" (a React server components hint): harmless here
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
});
