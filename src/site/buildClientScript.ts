// Bundles the chart island (React + vega-embed) into one classic script with Vite's library mode.
// A classic script, unlike an ES module, loads from file:// pages; the CSP allows it as 'self'.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CLIENT_SCRIPT } from './clientScriptPath.ts';

const componentsDir = fileURLToPath(new URL('../components/', import.meta.url));

export { CLIENT_SCRIPT };

export async function buildClientScript(outDir: string, cacheDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: componentsDir,
    cacheDir,
    mode: 'production',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    // Production JSX whatever NODE_ENV the calling process has (vitest sets "test").
    oxc: { jsx: { runtime: 'automatic', development: false } },
    build: {
      outDir: path.join(outDir, path.dirname(CLIENT_SCRIPT)),
      emptyOutDir: false,
      copyPublicDir: false,
      sourcemap: false,
      minify: true,
      reportCompressedSize: false,
      lib: {
        entry: path.join(componentsDir, 'chartIslands.tsx'),
        formats: ['iife'],
        name: 'AlmanacCharts',
        fileName: () => path.basename(CLIENT_SCRIPT),
      },
    },
  });
}
