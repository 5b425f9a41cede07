import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { AlmanacError } from '../../errors/AlmanacError.ts';
import type { BundleKind } from '../../report/BundleKind.ts';
import { bundlePath } from '../../report/bundlePath.ts';
import { parseBundle } from '../../report/parseBundle.ts';
import type { ReportBundle } from '../../report/ReportBundle.ts';
import {
  publishedFigures,
  publishedPartsSchema,
  type FigureSource,
  type PublishedFigures,
} from './PublishedFigures.ts';
import { writeFileAtomic } from './writeFileAtomic.ts';

/** The bundle files under `paths.reports`: `<kind>/<id>.json`. */
export class BundleStore {
  readonly reportsDir: string;

  constructor(reportsDir: string) {
    this.reportsDir = reportsDir;
  }

  path(kind: BundleKind, id: string): string {
    return bundlePath(this.reportsDir, kind, id);
  }

  exists(kind: BundleKind, id: string): boolean {
    return existsSync(this.path(kind, id));
  }

  /** The bundle, or null when there is none. A file that does not validate is an error, not a missing bundle. */
  read(kind: BundleKind, id: string): ReportBundle | null {
    const file = this.path(kind, id);
    if (!existsSync(file)) return null;
    try {
      return parseBundle(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw invalidBundle(file, cause);
    }
  }

  /**
   * Whether the bundle is closed and the figures a later analysis reuses from it, or null when there is none. Only
   * the parts read are validated (see publishedPartsSchema); `read` validates the whole document.
   */
  readFigures(kind: BundleKind, id: string): { closed: boolean; figures: PublishedFigures } | null {
    const file = this.path(kind, id);
    if (!existsSync(file)) return null;
    const parsed = publishedPartsSchema.safeParse(parseJsonFile(file));
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
      throw invalidBundle(file, new RangeError(`invalid report bundle:\n  ${problems.slice(0, 20).join('\n  ')}`));
    }
    return { closed: parsed.data.period.closed, figures: publishedFigures(parsed.data as unknown as FigureSource) };
  }

  /** Validates and writes a bundle atomically; returns the file and the sha256 of what was written. */
  write(bundle: ReportBundle): { file: string; sha256: string; bytes: number } {
    const valid = parseBundle(bundle);
    const text = `${JSON.stringify(valid, null, 2)}\n`;
    const file = this.path(valid.kind, valid.id);
    writeFileAtomic(file, text);
    return { file, sha256: createHash('sha256').update(text).digest('hex'), bytes: Buffer.byteLength(text) };
  }
}

function parseJsonFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (cause) {
    throw invalidBundle(file, new RangeError('report bundle is not valid JSON', { cause }));
  }
}

function invalidBundle(file: string, cause: unknown): AlmanacError {
  return new AlmanacError(
    'BundleInvalid',
    `The report bundle ${file} does not validate: ${String((cause as Error).message)}`,
    {
      hint: 'Move the file aside and run `almanac analyze` again, or `almanac backfill` for that period.',
      cause,
    },
  );
}
