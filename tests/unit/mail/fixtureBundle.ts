import { readFileSync } from 'node:fs';
import { parseBundle } from '../../../src/report/parseBundle.ts';
import type { ReportBundle } from '../../../src/report/ReportBundle.ts';

/** A committed fixture bundle (tests/fixtures/bundles/reports/<kind>/<id>.json), parsed; a fresh copy each call. */
export function fixtureBundle(kind: string, id: string): ReportBundle {
  const url = new URL(`../../fixtures/bundles/reports/${kind}/${id}.json`, import.meta.url);
  return parseBundle(readFileSync(url, 'utf8'));
}
