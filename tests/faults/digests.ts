import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Warehouse } from '../../src/warehouse/Warehouse.ts';

// Digests that compare two runs' results while ignoring what legitimately varies between runs: when rows were
// collected, when bundles were generated, run ids, build stamps. Everything else must be equal byte for byte.

function sha(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Varying fields, wherever they appear in JSON (bundles, manifests) or as attributes/text in pages. */
const VARYING_KEYS = new Set([
  'generated_at',
  'generatedAt',
  'collected_at',
  'collectedAt',
  'run_id',
  'runId',
  'built_at',
  'builtAt',
  'exported_at',
  'exportedAt',
  // When the last collected row arrived: set by the collection's clock.
  'data_through',
  'last_collected_at',
  // The site's build manifest: file stamps and hashes of bundles (which hold the stamps above).
  'mtimeMs',
  'sha256',
  'signature',
]);

function scrubJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(scrubJson);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([k]) => !VARYING_KEYS.has(k))
        .map(([k, v]) => [k, scrubJson(v)]),
    );
  }
  return value;
}

/**
 * ISO instants (generation stamps in pages, footers) are replaced, and so are clock times ("06:30", "06:30:01"):
 * pages show when a bundle was generated, in the report zone, to the minute or second. Hour labels of charts are
 * scrubbed with them; their values are still compared through the bundles.
 */
function scrubText(text: string): string {
  return (
    text
      .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, '<instant>')
      .replace(/\b\d{1,2}:\d{2}(:\d{2})?\b/g, '<time>')
      // Vega's SVG renderer numbers gradients and clip paths with a process-wide counter, so a page's ids depend on
      // how many charts the same build rendered before it (an incremental build renders fewer).
      .replace(/\b(gradient|clip|pattern)_?\d+\b/g, '$1_N')
  );
}

export interface WarehouseDigest {
  jobs: string;
  jobCount: number;
  downloads: string;
  rejects: string;
  gaps: string;
  /** Per-table digests of everything else analysis and delivery rely on. */
  publications: string;
  deliveries: string;
  pdfExports: string;
  runningRuns: number;
}

async function tableExists(w: Warehouse, name: string): Promise<boolean> {
  const rows = await w.all<{ n: number }>(
    "SELECT count(*)::INTEGER AS n FROM information_schema.tables WHERE table_name = $name AND table_schema = 'main'",
    { name },
  );
  return (rows[0]?.n ?? 0) > 0;
}

async function columnsOf(w: Warehouse, table: string): Promise<string[]> {
  const rows = await w.all<{ column_name: string }>(
    "SELECT column_name FROM information_schema.columns WHERE table_name = $table AND table_schema = 'main' ORDER BY ordinal_position",
    { table },
  );
  return rows.map((r) => r.column_name);
}

/** Digest of a table's rows without the columns whose names say they vary (times of collection, ids of runs). */
async function tableDigest(w: Warehouse, table: string, ignore: RegExp, only?: string[]): Promise<string> {
  if (!(await tableExists(w, table))) return 'absent';
  const cols = (await columnsOf(w, table)).filter((c) => !ignore.test(c) && (!only || only.includes(c)));
  const list = cols.map((c) => `"${c}"`).join(', ');
  const rows = await w.all(`SELECT ${list} FROM "${table}" ORDER BY ALL`);
  return sha(JSON.stringify(rows));
}

// sha256 of a bundle covers its generated_at; smtp_response carries the server's queue id.
const ALWAYS_VARYING =
  /^(sha256|queued_at|next_attempt_at|in_flight_since|smtp_response|collected_at|seen_at|run_id|started_at_run|generated_at|bundle_generated_at|exported_at|published_at|sent_at|attempted_at|updated_at|created_at_run|last_attempt_at|first_attempt_at|message_id)$/;

export async function warehouseDigest(file: string): Promise<WarehouseDigest> {
  const w = await Warehouse.open(file, { readOnly: true });
  try {
    const count = await w.all<{ n: number }>('SELECT count(*)::INTEGER AS n FROM jobs');
    const running = await w.all<{ n: number }>(
      "SELECT count(*)::INTEGER AS n FROM collection_runs WHERE status = 'running'",
    );
    return {
      jobs: await tableDigest(w, 'jobs', /^collected_at$/),
      jobCount: count[0]?.n ?? 0,
      downloads: await tableDigest(w, 'model_downloads', /^collected_at$/),
      rejects: await tableDigest(w, 'rejects', /^seen_at$/),
      gaps: await tableDigest(w, 'coverage_gaps', /^(recorded_at|seen_at)$/),
      publications: await tableDigest(w, 'report_publications', ALWAYS_VARYING),
      // The outcome per report and recipient; attempts and SMTP replies may differ after a kill mid-send.
      deliveries: await tableDigest(w, 'deliveries', ALWAYS_VARYING, [
        'kind',
        'report_id',
        'recipient',
        'generation',
        'reason',
        'status',
        'bundle_revision',
        'attach_pdf',
      ]),
      // Paths hold the project folder and PDF bytes carry creation stamps: compare the outcome and the page count.
      pdfExports: await tableDigest(w, 'pdf_exports', ALWAYS_VARYING, [
        'kind',
        'report_id',
        'status',
        'pages',
        'failed_check',
      ]),
      runningRuns: running[0]?.n ?? 0,
    };
  } finally {
    await w.close();
  }
}

/** Relative path → digest of every file under `dir` (JSON scrubbed of varying keys, text of ISO instants). */
export function treeDigest(dir: string, options: { skip?: RegExp } = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(dir)) return out;
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      if (options.skip?.test(rel)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else out[rel] = fileDigest(full);
    }
  };
  walk(dir);
  return out;
}

function fileDigest(file: string): string {
  if (file.endsWith('.json')) {
    try {
      return sha(JSON.stringify(scrubJson(JSON.parse(readFileSync(file, 'utf8')))));
    } catch {
      return sha(readFileSync(file));
    }
  }
  if (/\.(html|svg|xml|txt|csv|css|js|eml)$/.test(file)) return sha(scrubText(readFileSync(file, 'utf8')));
  // PDFs and images carry creation stamps: their presence and page count are compared elsewhere.
  if (file.endsWith('.pdf')) return 'pdf';
  return sha(readFileSync(file));
}
