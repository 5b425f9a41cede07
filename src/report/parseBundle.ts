import { isBundleId } from './bundleId.ts';
import { BUNDLE_SCHEMA_VERSION, reportBundleSchema, type ReportBundle } from './ReportBundle.ts';

/**
 * Validates a bundle (a parsed object or its JSON text) against the schema and the id rules, and returns it
 * typed. Throws a RangeError listing each problem as `path: message`.
 */
export function parseBundle(input: unknown): ReportBundle {
  const raw = typeof input === 'string' ? parseJson(input) : input;
  const schemaVersion = (raw as { schema?: unknown } | null)?.schema;
  if (typeof schemaVersion === 'number' && schemaVersion !== BUNDLE_SCHEMA_VERSION) {
    throw new RangeError(
      `report bundle has schema version ${schemaVersion}; this Almanac reads version ${BUNDLE_SCHEMA_VERSION}`,
    );
  }
  const result = reportBundleSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new RangeError(`invalid report bundle:\n  ${problems.slice(0, 20).join('\n  ')}`);
  }
  const bundle = result.data;
  if (!isBundleId(bundle.kind, bundle.id)) {
    throw new RangeError(`invalid report bundle: id ${JSON.stringify(bundle.id)} is not a ${bundle.kind} id`);
  }
  return bundle;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new RangeError('report bundle is not valid JSON', { cause });
  }
}
