import { z } from 'zod';
import { BUNDLE_KINDS } from '../BundleKind.ts';

/** An instant, always written in UTC (`2026-11-21T08:00:00.000Z`); local wording lives in labels. */
export const instant = z.iso.datetime();

/** A number that may be missing: no data is `null`, never 0. */
export const maybeNumber = z.number().nullable();

/** A share between 0 and 1, or null when there is nothing to divide by. */
export const maybeFraction = z.number().min(0).max(1).nullable();

export const count = z.number().int().min(0);

export const bundleKind = z.enum(BUNDLE_KINDS);

/** One scale for anomalies, recommendations and data-quality notes. */
export const severity = z.enum(['critical', 'high', 'medium', 'low']);
export type Severity = z.infer<typeof severity>;

export const poolName = z.enum(['fast', 'standard', 'heavy']);
export type PoolName = z.infer<typeof poolName>;
