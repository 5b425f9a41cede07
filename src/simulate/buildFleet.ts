import { GPU_MODELS, SERVICES_OF, type GpuModel, type WorkerType } from './catalog.ts';
import { cumulative, Prng } from './Prng.ts';

export interface SimWorker {
  index: number;
  id: string;
  machine: number;
  type: WorkerType;
  gpuId: number;
  services: readonly string[];
}

export interface SimMachine {
  index: number;
  id: string;
  gpu: GpuModel;
  gpuCount: number;
  role: WorkerType | 'mixed';
  /** Run-time factor from contention (1 for most machines, about 2 for the slow ones). */
  contention: number;
  /** Failure-rate factor (a few machines are flaky). */
  flakiness: number;
  /** Download throughput, bytes per ms. */
  downloadRate: number;
  /** Online sessions [start, end) in epoch ms, sorted, non-overlapping. */
  sessions: Array<[number, number]>;
  workers: SimWorker[];
}

export interface Fleet {
  machines: SimMachine[];
  workers: SimWorker[];
  /** Worker indices able to run each service. */
  byService: Map<string, number[]>;
}

const PROVIDERS = ['vast', 'salad', 'runpod', 'lambda'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Role of the i-th machine: the first few guarantee every service a permanent home. */
function roleOf(i: number, rng: Prng): WorkerType | 'mixed' {
  const fixed: Array<WorkerType | 'mixed'> = ['comfyui', 'openai', 'ollama', 'mixed', 'simulation', 'comfyui'];
  const r = fixed[i];
  if (r !== undefined) return r;
  const x = rng.float();
  if (x < 0.62) return 'comfyui';
  if (x < 0.76) return 'mixed';
  if (x < 0.85) return 'openai';
  if (x < 0.93) return 'ollama';
  return 'simulation';
}

function sessionsOf(core: boolean, from: number, to: number, rng: Prng): Array<[number, number]> {
  const sessions: Array<[number, number]> = [];
  if (core) {
    // Long-lived machines, restarted every week or two (a restart empties the model cache).
    let t = from - DAY;
    while (t < to) {
      const end = t + rng.logNormal(12 * DAY, 0.5);
      sessions.push([t, end]);
      t = end + rng.range(2, 15) * 60_000;
    }
    return sessions;
  }
  // Ephemeral cloud machines: rented for a day or two, released, rented again later.
  let t = from + rng.float() * Math.min(10 * DAY, Math.max(DAY, to - from));
  while (t < to) {
    const end = t + rng.logNormal(30 * HOUR, 0.6);
    sessions.push([t, end]);
    t = end + rng.logNormal(20 * HOUR, 0.8);
  }
  return sessions;
}

/**
 * The fleet over the whole simulated range: machines with their GPUs, workers, online sessions and the quirks
 * (contention, flakiness) the reports should find. Deterministic in the seed.
 */
export function buildFleet(seed: number, machineCount: number, from: number, to: number): Fleet {
  const rng = Prng.derive(seed, 0xf1ee7);
  const gpuCdf = cumulative(GPU_MODELS.map((g) => g.weight));
  const machines: SimMachine[] = [];
  const workers: SimWorker[] = [];
  const slowCount = Math.max(1, Math.round(machineCount * 0.08));
  for (let i = 0; i < machineCount; i++) {
    // Slow machines are contended consumer GPUs running ComfyUI (picked after the fixed service homes).
    const slow = i >= 6 && i < 6 + slowCount;
    const drawnRole = roleOf(i, rng);
    const role = slow ? 'comfyui' : drawnRole;
    let gpu = GPU_MODELS[rng.pickCumulative(gpuCdf)] ?? GPU_MODELS[0]!;
    // The permanent comfyui homes include big GPUs so flux and video always have somewhere to run.
    if (i === 0 || i === 5 || (role === 'ollama' && i < 6)) gpu = GPU_MODELS[3]!;
    if (slow && gpu.memoryGb > 24) gpu = GPU_MODELS[0]!;
    const drawnCount =
      role === 'openai' || role === 'simulation' ? 1 + rng.int(2) : (gpu.counts[rng.int(gpu.counts.length)] ?? 1);
    // A mixed machine splits its GPUs between ComfyUI and A1111, so it needs at least two.
    const gpuCount = role === 'mixed' ? Math.max(2, drawnCount) : drawnCount;
    const provider = PROVIDERS[rng.int(PROVIDERS.length)] ?? 'vast';
    const id = `${provider}-${gpu.name.toLowerCase().replace(/\s+/g, '')}-${rng.hex(6)}`;
    const core = i < 6 || rng.chance(0.5);
    const machine: SimMachine = {
      index: i,
      id,
      gpu,
      gpuCount,
      role,
      contention: slow ? rng.range(1.8, 2.3) : rng.range(0.95, 1.08),
      flakiness: !slow && rng.chance(0.1) ? rng.range(2.5, 4) : 1,
      downloadRate: (rng.logNormal(150, 0.5) * 1024 * 1024) / 1000,
      sessions: sessionsOf(core, from, to, rng),
      workers: [],
    };
    const openaiSlots = role === 'openai' ? 4 : 0;
    const slots = Math.max(gpuCount, openaiSlots);
    for (let g = 0; g < slots; g++) {
      const type: WorkerType = role === 'mixed' ? (g % 2 === 0 ? 'comfyui' : 'a1111') : role;
      const typeIndex = machine.workers.filter((w) => w.type === type).length;
      const worker: SimWorker = {
        index: workers.length,
        id: `${id}-worker-${type}-${typeIndex}`,
        machine: i,
        type,
        gpuId: g % gpuCount,
        services: SERVICES_OF[type],
      };
      machine.workers.push(worker);
      workers.push(worker);
    }
    machines.push(machine);
  }
  const byService = new Map<string, number[]>();
  for (const w of workers) {
    for (const s of w.services) {
      const list = byService.get(s) ?? [];
      list.push(w.index);
      byService.set(s, list);
    }
  }
  return { machines, workers, byService };
}
