/** A min-heap of tasks by time, ties broken by insertion order so processing order is deterministic. */
export class TaskQueue<T extends { at: number; order: number }> {
  private readonly items: T[] = [];

  get size(): number {
    return this.items.length;
  }

  peekAt(): number {
    return this.items[0]?.at ?? Infinity;
  }

  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, a[parent]!)) break;
      a[i] = a[parent]!;
      i = parent;
    }
    a[i] = item;
  }

  pop(): T | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= a.length) break;
      const right = left + 1;
      const child = right < a.length && before(a[right]!, a[left]!) ? right : left;
      if (!before(a[child]!, last)) break;
      a[i] = a[child]!;
      i = child;
    }
    a[i] = last;
    return top;
  }
}

function before(x: { at: number; order: number }, y: { at: number; order: number }): boolean {
  return x.at < y.at || (x.at === y.at && x.order < y.order);
}
