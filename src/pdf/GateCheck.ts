/** The release-gate checks, in the order they run; the first failing one is the report's `failed_check`. */
export const GATE_CHECKS = [
  'render-timeout',
  'browser-crash',
  'render-error',
  'ready',
  'page-missing',
  'bundle-invalid',
  'charts',
  'keep-together',
  'overflow',
  'metadata',
  'outline',
  'pages',
  'size',
  'kpi-text',
  'first-page',
] as const;

export type GateCheckName = (typeof GATE_CHECKS)[number];

export interface GateCheck {
  check: GateCheckName;
  ok: boolean;
  detail: string;
}

export interface GateVerdict {
  passed: boolean;
  failedCheck: GateCheckName | null;
  checks: GateCheck[];
  /** The failing checks' details joined, for pdf_exports.error. */
  error: string | null;
}

export function verdictOf(checks: GateCheck[]): GateVerdict {
  const failed = checks.filter((c) => !c.ok);
  return {
    passed: failed.length === 0,
    failedCheck: failed[0]?.check ?? null,
    checks,
    error: failed.length ? failed.map((c) => `${c.check}: ${c.detail}`).join('; ') : null,
  };
}
