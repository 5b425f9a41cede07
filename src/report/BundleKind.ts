/** The three report cadences. A bundle's kind is also its folder under `paths.reports`. */
export const BUNDLE_KINDS = ['daily', 'weekly', 'monthly'] as const;

export type BundleKind = (typeof BUNDLE_KINDS)[number];

export function isBundleKind(value: unknown): value is BundleKind {
  return typeof value === 'string' && (BUNDLE_KINDS as readonly string[]).includes(value);
}
