import path from 'node:path';
import { isBundleKind, type BundleKind } from './BundleKind.ts';
import { isBundleId } from './bundleId.ts';

/**
 * Where a bundle lives: `<reportsDir>/<kind>/<id>.json`. Ids come from URLs and command-line flags, so
 * anything that is not a well-formed id of that kind is refused before it can name a path outside the folder.
 */
export function bundlePath(reportsDir: string, kind: BundleKind, id: string): string {
  if (!isBundleKind(kind)) throw new RangeError(`not a report kind: ${JSON.stringify(kind)}`);
  if (!isBundleId(kind, id)) throw new RangeError(`not a ${kind} report id: ${JSON.stringify(id)}`);
  const root = path.resolve(reportsDir);
  const file = path.resolve(root, kind, `${id}.json`);
  // Belt and braces: the id pattern already rules this out.
  if (path.relative(root, file).startsWith('..')) throw new RangeError(`report path escapes ${root}`);
  return file;
}
