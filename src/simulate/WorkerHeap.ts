/**
 * A binary min-heap of (time, worker, version) entries in typed arrays: the engine's index of when each worker
 * can next take a step. Entries go stale when a worker's version moves on; readers skip those lazily.
 */
export class WorkerHeap {
  private keys = new Float64Array(64);
  private workers = new Int32Array(64);
  private versions = new Int32Array(64);
  size = 0;

  push(key: number, worker: number, version: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.move(parent, i);
      i = parent;
    }
    this.keys[i] = key;
    this.workers[i] = worker;
    this.versions[i] = version;
  }

  topKey(): number {
    return this.size > 0 ? this.keys[0]! : Infinity;
  }

  topWorker(): number {
    return this.workers[0]!;
  }

  topVersion(): number {
    return this.versions[0]!;
  }

  pop(): void {
    const last = --this.size;
    if (last <= 0) return;
    const key = this.keys[last]!;
    const worker = this.workers[last]!;
    const version = this.versions[last]!;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.keys[right]! < this.keys[left]! ? right : left;
      if (this.keys[child]! >= key) break;
      this.move(child, i);
      i = child;
    }
    this.keys[i] = key;
    this.workers[i] = worker;
    this.versions[i] = version;
  }

  private move(from: number, to: number): void {
    this.keys[to] = this.keys[from]!;
    this.workers[to] = this.workers[from]!;
    this.versions[to] = this.versions[from]!;
  }

  private grow(): void {
    const n = this.keys.length * 2;
    const keys = new Float64Array(n);
    keys.set(this.keys);
    const workers = new Int32Array(n);
    workers.set(this.workers);
    const versions = new Int32Array(n);
    versions.set(this.versions);
    this.keys = keys;
    this.workers = workers;
    this.versions = versions;
  }
}
