import type { WorkerSnapshotRow } from '../../collect/CollectUnit.ts';

/**
 * Workers from CLIENT LIST (redis-bullmq.md §1.4): each Worker's blocking connection is named
 * `<prefix>:<base64(queue)>` plus `:w:<workerName>` when it has a name. One row per connection, i.e. per
 * Worker instance; the machine is the client's host address.
 */
export function parseClientList(text: string, prefix: string, queues: ReadonlySet<string>): WorkerSnapshotRow[] {
  const rows: WorkerSnapshotRow[] = [];
  for (const line of text.split('\n')) {
    const fields = new Map<string, string>();
    for (const part of line.trim().split(' ')) {
      const eq = part.indexOf('=');
      if (eq > 0) fields.set(part.slice(0, eq), part.slice(eq + 1));
    }
    const name = fields.get('name') ?? '';
    if (!name.startsWith(`${prefix}:`)) continue;
    const rest = name.slice(prefix.length + 1);
    const [encoded = '', marker, ...workerName] = rest.split(':');
    if (marker !== undefined && marker !== 'w') continue; // ':qe' and other connections are not workers
    const queue = Buffer.from(encoded, 'base64').toString('utf8');
    if (!queues.has(queue)) continue;
    const addr = fields.get('addr') ?? '';
    const host = addr.includes(':') ? addr.slice(0, addr.lastIndexOf(':')) : addr;
    const label = workerName.length > 0 ? workerName.join(':') : 'worker';
    rows.push({
      worker_id: `${queue}/${label}#${fields.get('id') ?? '?'}`.slice(0, 300),
      machine_id: host === '' ? null : host,
      status: fields.get('cmd')?.startsWith('bz') || fields.get('cmd') === 'blmove' ? 'idle' : 'busy',
      current_job_id: null,
    });
  }
  return rows;
}
