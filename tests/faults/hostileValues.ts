import { readFileSync } from 'node:fs';

// The hostile corpus (tests/fixtures/hostile/): strings and timestamps for the fuzzers, and whole emp job hashes for
// the end-to-end test. Large and deeply nested values are generated here so the fixture files stay small.

const fixtures = new URL('../fixtures/hostile/', import.meta.url);

interface ValuesFile {
  strings: Record<string, string[]>;
  times: string[];
}

const values = JSON.parse(readFileSync(new URL('values.json', fixtures), 'utf8')) as ValuesFile;

export const hostileStrings: string[] = Object.values(values.strings).flat();
export const hostileTimes: string[] = values.times;
/** The marker every injection string carries, to look for in pages, PDFs and emails. */
export const XSS_MARKER = "alert('almanac-xss')";

export interface HostileRecord {
  name: string;
  /** Field → value (UTF-8 text); `@@gen:` values expanded. */
  fields: Record<string, string | Buffer>;
}

function generate(spec: string): string {
  const [kind = '', a = '', b = ''] = spec.split(':');
  switch (kind) {
    case 'repeat':
      return a.repeat(Number(b));
    case 'bigpayload':
      return JSON.stringify({ workflow: { 1: { class_type: 'X', inputs: { text: 'x'.repeat(Number(a)) } } } });
    case 'deeparray':
      return '['.repeat(Number(a)) + ']'.repeat(Number(a));
    case 'deepobject':
      return '{"a":'.repeat(Number(a)) + '1' + '}'.repeat(Number(a));
    default:
      throw new Error(`unknown generator ${spec}`);
  }
}

export function hostileEmpJobs(): HostileRecord[] {
  const raw = JSON.parse(readFileSync(new URL('empJobs.json', fixtures), 'utf8')) as {
    name: string;
    fields: Record<string, string>;
    hexFields?: Record<string, string>;
  }[];
  return raw.map((r) => {
    const fields: Record<string, string | Buffer> = {};
    for (const [k, v] of Object.entries(r.fields)) fields[k] = v.startsWith('@@gen:') ? generate(v.slice(6)) : v;
    for (const [k, hex] of Object.entries(r.hexFields ?? {})) fields[k] = Buffer.from(hex.replace(/ /g, ''), 'hex');
    return { name: r.name, fields };
  });
}
