/** A span of time the metric queries aggregate over: a run of whole hour buckets `[h0, h1)`. */
export interface SpanRef {
  key: string;
  /** Its number in the plan: the SQL groups by this integer rather than by the key text (cheaper to hash). */
  id: number;
  start: number;
  end: number;
  h0: number;
  h1: number;
}

/**
 * Collects the spans one analysis run needs (periods, comparison spans, chart buckets, anomaly baselines), each
 * once, so the SQL aggregates every span in one set-based pass. Spans are clipped to the scanned range: the part
 * of a span before the range has no data by construction.
 */
export class SpanPlan {
  readonly boundaries: readonly number[];
  /**
   * The largest length that divides every bucket (an hour, or 30 or 15 minutes where a DST shift or a zone's offset
   * is not a whole hour): the SQL places a row in its bucket with an equi-join on `(t − first boundary) // slotMs`
   * against a small slot → bucket table, which is many times cheaper than an ASOF join over millions of rows.
   */
  readonly slotMs: number;
  private readonly index = new Map<number, number>();
  private readonly spans = new Map<string, SpanRef>();
  private readonly byId: SpanRef[] = [];

  constructor(boundaries: readonly number[]) {
    if (boundaries.length === 0) throw new RangeError('a span plan needs at least one boundary');
    this.boundaries = boundaries;
    boundaries.forEach((t, i) => this.index.set(t, i));
    this.slotMs = boundaries.reduce((g, t) => gcd(g, t - boundaries[0]!), 0) || 3_600_000;
  }

  get rangeStart(): number {
    return this.boundaries[0]!;
  }

  get rangeEnd(): number {
    return this.boundaries[this.boundaries.length - 1]!;
  }

  /** Registers `[start, end)` and returns its reference; ends are expected on hour boundaries (see boundaryIndex). */
  span(start: number, end: number): SpanRef {
    const key = `${start}_${end}`;
    const existing = this.spans.get(key);
    if (existing) return existing;
    const h0 = this.boundaryIndex(start);
    const h1 = Math.max(h0, this.boundaryIndex(end));
    const ref = { key, id: this.byId.length, start, end, h0, h1 };
    this.spans.set(key, ref);
    this.byId.push(ref);
    return ref;
  }

  all(): SpanRef[] {
    return [...this.byId];
  }

  /** The key of the span the SQL calls `k = id`. */
  keyOf(id: number): string {
    const ref = this.byId[id];
    if (!ref) throw new RangeError(`no span ${id} in this plan`);
    return ref.key;
  }

  /** The parameters every span query takes: hour boundaries and spans as JSON text, and the slot length. */
  params(spans: readonly SpanRef[] = this.all()): { hours: string; spans: string; slot_ms: number } {
    return {
      hours: JSON.stringify(this.boundaries),
      slot_ms: this.slotMs,
      spans: JSON.stringify(
        spans.filter((s) => s.h1 > s.h0).map((s) => ({ k: s.id, h0: s.h0, h1: s.h1, s: s.start, e: s.end })),
      ),
    };
  }

  private boundaryIndex(t: number): number {
    if (t <= this.rangeStart) return 0;
    if (t >= this.rangeEnd) return this.boundaries.length - 1;
    const exact = this.index.get(t);
    if (exact !== undefined) return exact;
    // Not on a boundary (only in zones whose DST shift is not a whole hour): snap to the next boundary.
    let lo = 0;
    let hi = this.boundaries.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.boundaries[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return Math.abs(a);
}
