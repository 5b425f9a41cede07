import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BUNDLE_KINDS } from '../report/BundleKind.ts';
import { isBundleId } from '../report/bundleId.ts';
import type { BundleRef } from './selectReports.ts';

/** Every bundle under `<reports>/<kind>/<id>.json`, with its generation time (read cheaply, not validated). */
export function listBundles(reportsDir: string): BundleRef[] {
  const refs: BundleRef[] = [];
  for (const kind of BUNDLE_KINDS) {
    const dir = path.join(reportsDir, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.json')) continue;
      const id = name.slice(0, -'.json'.length);
      if (!isBundleId(kind, id)) continue;
      const file = path.join(dir, name);
      refs.push({ kind, id, file, generatedMs: generatedAt(file) });
    }
  }
  return refs;
}

function generatedAt(file: string): number | null {
  try {
    const value = (JSON.parse(readFileSync(file, 'utf8')) as { generated_at?: unknown }).generated_at;
    const ms = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isFinite(ms) ? ms : null;
  } catch {
    return null;
  }
}
