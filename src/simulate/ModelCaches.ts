import type { SimMachine } from './buildFleet.ts';
import type { ModelCatalog } from './modelCatalog.ts';
import type { Prng } from './Prng.ts';
import type { SimDownload } from './SimJob.ts';

const DOWNLOAD_ERRORS = [
  'HTTP 404: Not Found',
  'Connection reset by peer',
  'No space left on device',
  'SHA256 checksum mismatch',
  'Read timed out',
];
const DOWNLOAD_FAIL_RATE = 0.025;

/**
 * Which models each machine holds. A machine downloads a model on first use in an online session (a restart or a
 * new rental starts with an empty disk); a failed download leaves it missing and fails the attempt.
 */
export class ModelCaches {
  /** When the last `fetch` finished (the job can start running then). */
  readyAt = 0;
  private readonly catalog: ModelCatalog;
  private readonly session: Int32Array;
  private readonly held: Uint8Array[];

  constructor(catalog: ModelCatalog, machines: number) {
    this.catalog = catalog;
    this.session = new Int32Array(machines).fill(-1);
    this.held = Array.from({ length: machines }, () => new Uint8Array(catalog.models.length));
  }

  /**
   * Downloads the models the machine lacks, one after another from `t`, recording each download; returns the
   * model whose download failed, or -1. `readyAt` is set to when the downloads ended.
   */
  fetch(
    rng: Prng,
    machine: SimMachine,
    sessionIndex: number,
    models: readonly number[],
    t: number,
    slow: number,
    intensity: number,
    downloads: SimDownload[],
  ): number {
    const held = this.held[machine.index]!;
    if (this.session[machine.index] !== sessionIndex) {
      this.session[machine.index] = sessionIndex;
      held.fill(0);
    }
    this.readyAt = t;
    for (const m of models) {
      if (held[m] === 1) continue;
      const bytes = this.catalog.models[m]?.bytes ?? 0;
      const duration = (bytes / machine.downloadRate) * slow * rng.logNormal(1, 0.25);
      const ok = !rng.chance(DOWNLOAD_FAIL_RATE * (1 + 3 * intensity));
      const endedAt = Math.floor(this.readyAt + (ok ? duration : duration * rng.range(0.05, 0.8)));
      downloads.push({
        machine: machine.index,
        model: m,
        startedAt: Math.floor(this.readyAt),
        endedAt,
        ok,
        error: ok ? '' : (DOWNLOAD_ERRORS[rng.int(DOWNLOAD_ERRORS.length)] ?? ''),
      });
      this.readyAt = endedAt;
      if (!ok) return m;
      held[m] = 1;
    }
    return -1;
  }
}
