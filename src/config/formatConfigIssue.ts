import type { z } from 'zod';
import { redactUrl } from '../util/redactUrl.ts';

/** One problem as `path: problem (what to do)`, the form the CLI prints for a rejected config. */
export function formatConfigIssue(issue: z.core.$ZodIssue): string {
  const path = issuePath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys
        .map((key) => `${joinPath(path, key)}: unknown key (remove it or check its spelling)`)
        .join('\n');
    case 'invalid_type':
      return `${path || '(root)'}: expected ${article(issue.expected)}${received(issue.input)} (change it to ${article(issue.expected)})`;
    case 'invalid_value':
      return `${path}: must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')} (pick one of them)`;
    case 'too_small':
      return `${path}: ${issue.message.replace(/^Too small: expected \w+ to /, 'must ')} (raise it)`;
    case 'too_big':
      return `${path}: ${issue.message.replace(/^Too big: expected \w+ to /, 'must ')} (lower it)`;
    case 'invalid_format': {
      const value = shortText(issue.input);
      if (issue.format === 'regex') return `${path}: ${value}${issue.message}`;
      return `${path}: ${value}is not a valid ${issue.format} (fix the value)`;
    }
    default: {
      // Our own refinements read as "is not … (use …)"; name the offending value when it is short text.
      const value = shortText(issue.input);
      return `${path || '(root)'}: ${value}${issue.message}`;
    }
  }
}

/** `sources[1].name` for the path ["sources", 1, "name"]: the same notation as expandEnvReferences. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : joinPath(out, String(key))),
    '',
  );
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

function article(type: string): string {
  if (type === 'array' || type === 'object' || type === 'integer') return `an ${type}`;
  return `a ${type}`;
}

function received(input: unknown): string {
  if (input === undefined) return ', but it is missing';
  const kind = input === null ? 'null' : Array.isArray(input) ? 'an array' : `a ${typeof input}`;
  return `, got ${kind}`;
}

/** The offending value quoted, when it is short text; credentials of a URL hidden (a rejected Redis URL may hold one). */
function shortText(input: unknown): string {
  return typeof input === 'string' && input.length <= 80 ? `${JSON.stringify(redactUrl(input))} ` : '';
}
