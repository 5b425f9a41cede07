import { z } from 'zod';
import { configSchema } from './configSchema.ts';

/** The editor JSON Schema of almanac.config.json, derived from the zod schema so the two cannot drift. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

interface Field {
  path: string;
  type: string;
  defaultValue: string;
  description: string;
}

/** The README's configuration table: one row per field, with its type, default and description. */
export function configReferenceMarkdown(): string {
  const rows: Field[] = [];
  walk(configJsonSchema(), '', rows);
  return [
    '| field | type | default | description |',
    '|---|---|---|---|',
    ...rows.map((r) => `| \`${r.path}\` | ${r.type} | ${r.defaultValue} | ${r.description.replace(/\|/g, '\\|')} |`),
  ].join('\n');
}

type Node = {
  type?: string | string[];
  properties?: Record<string, Node>;
  items?: Node;
  anyOf?: Node[];
  enum?: unknown[];
  default?: unknown;
  description?: string;
};

function walk(node: Node, path: string, rows: Field[]): void {
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (key === '$schema') continue;
    const childPath = path ? `${path}.${key}` : key;
    const objectLike = child.properties ?? (child.type === 'array' ? child.items?.properties : undefined);
    if (objectLike) {
      if (child.description) {
        rows.push({
          path: childPath,
          type: typeName(child),
          defaultValue: formatDefault(child.default),
          description: child.description,
        });
      }
      walk(child.type === 'array' ? child.items! : child, child.type === 'array' ? `${childPath}[]` : childPath, rows);
      continue;
    }
    rows.push({
      path: childPath,
      type: typeName(child),
      defaultValue: formatDefault(child.default),
      description: child.description ?? '',
    });
  }
}

function typeName(node: Node): string {
  if (node.enum) return node.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (node.anyOf) return node.anyOf.map(typeName).join(' or ');
  if (node.type === 'array') return `${node.items ? typeName(node.items) : 'any'}[]`;
  if (Array.isArray(node.type)) return node.type.join(' or ');
  return node.type ?? 'any';
}

function formatDefault(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > 60 ? '(see JSON Schema)' : `\`${text.replace(/\|/g, '\\|')}\``;
}
