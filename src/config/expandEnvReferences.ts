export interface Expansion {
  value: unknown;
  /** Paths (dot/bracket notation) of `${VAR}` references whose variable is not set. */
  missing: { path: string; variable: string }[];
}

/**
 * Replaces `${NAME}` in every string of a parsed JSON document with the variable's value; `$${` stays a literal
 * `${`. Missing variables are reported, not silently emptied, so a typo cannot turn into an empty password.
 */
export function expandEnvReferences(value: unknown, env: Record<string, string | undefined>): Expansion {
  const missing: Expansion['missing'] = [];
  const walk = (node: unknown, path: string): unknown => {
    if (typeof node === 'string') {
      return node.replace(/\$?\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (match, name: string) => {
        if (match.startsWith('$$')) return match.slice(1);
        const found = env[name];
        if (found === undefined) {
          missing.push({ path, variable: name });
          return match;
        }
        return found;
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => walk(item, `${path}[${index}]`));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(
        Object.entries(node).map(([key, item]) => [key, walk(item, path ? `${path}.${key}` : key)]),
      );
    }
    return node;
  };
  return { value: walk(value, ''), missing };
}
