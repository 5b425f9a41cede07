import { createHash } from 'node:crypto';
import { empKeys } from '../../../src/sources/emp/empKeys.ts';
import type { EmpSink } from '../../../src/simulate/EmpSink.ts';
import { encodeDownloadSpans } from '../../../src/simulate/encodeDownloadSpans.ts';
import { encodeJobHash } from '../../../src/simulate/encodeJobHash.ts';
import { FleetEngine } from '../../../src/simulate/FleetEngine.ts';
import type { SimOptions } from '../../../src/simulate/SimOptions.ts';
import { writeFleetState, type BusyWorkers } from '../../../src/simulate/writeFleetState.ts';
import { writeJobKeys } from '../../../src/simulate/writeJobKeys.ts';

/** An in-memory EmpSink: the keyspace the Redis writer would produce, without Redis. */
export class MemorySink implements EmpSink {
  readonly hashes = new Map<string, Map<string, string>>();
  readonly strings = new Map<string, string>();
  readonly zsets = new Map<string, Map<string, number>>();
  readonly ttls = new Map<string, number>();
  readonly streams = new Map<string, Array<[string, Record<string, string>]>>();

  hset(key: string, fields: Record<string, string>): void {
    const h = this.hashes.get(key) ?? new Map<string, string>();
    for (const [f, v] of Object.entries(fields)) h.set(f, v);
    this.hashes.set(key, h);
  }
  hsetField(key: string, field: string, value: string): void {
    this.hset(key, { [field]: value });
  }
  set(key: string, value: string): void {
    this.strings.set(key, value);
  }
  zadd(key: string, score: number, member: string): void {
    const z = this.zsets.get(key) ?? new Map<string, number>();
    z.set(member, score);
    this.zsets.set(key, z);
  }
  expire(key: string, seconds: number): void {
    this.ttls.set(key, seconds);
  }
  zrem(key: string, member: string): void {
    this.zsets.get(key)?.delete(member);
  }
  hdel(key: string, field: string): void {
    this.hashes.get(key)?.delete(field);
  }
  xadd(key: string, id: string, fields: Record<string, string>): void {
    const s = this.streams.get(key) ?? [];
    s.push([id, fields]);
    this.streams.set(key, s);
  }

  digest(): string {
    const hash = createHash('sha256');
    const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [k, h] of sorted(this.hashes)) hash.update(`H ${k} ${JSON.stringify(sorted(h))}\n`);
    for (const [k, v] of sorted(this.strings)) hash.update(`S ${k} ${v}\n`);
    for (const [k, z] of sorted(this.zsets)) hash.update(`Z ${k} ${JSON.stringify(sorted(z))}\n`);
    for (const [k, t] of sorted(this.ttls)) hash.update(`T ${k} ${t}\n`);
    for (const [k, s] of sorted(this.streams)) hash.update(`X ${k} ${JSON.stringify(s)}\n`);
    return hash.digest('hex');
  }
}

/** Runs the engine and both encoders into a MemorySink, as simulateToRedis does into Redis. */
export function captureKeyspace(options: SimOptions, prefix = ''): { sink: MemorySink; engine: FleetEngine } {
  const engine = new FleetEngine(options);
  const keys = empKeys(prefix);
  const sink = new MemorySink();
  const busy: BusyWorkers = new Map();
  const downloads = [];
  for (const batch of engine.days()) {
    for (const job of batch.jobs) {
      const view = encodeJobHash(job, options.end, engine.fleet);
      writeJobKeys(job, view, options.end, engine.fleet, keys, sink);
      const last = job.attempts[view.visible - 1];
      if ((view.status === 'assigned' || view.status === 'in_progress') && last) {
        busy.set(last.worker, { jobId: job.id, assignedUs: last.assignedUs });
      }
    }
    downloads.push(...batch.downloads);
  }
  writeFleetState(engine.fleet, engine.incidents, busy, options.end, keys, sink);
  for (const e of encodeDownloadSpans(downloads, options.end, engine.fleet, engine.catalog)) {
    sink.xadd(keys.telemetryEvents, e.id, e.fields);
  }
  return { sink, engine };
}
