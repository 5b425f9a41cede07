import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { AlmanacError } from '../errors/AlmanacError.ts';
import type { Logger } from '../log/Logger.ts';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

/**
 * The warehouse's single-writer lock: a `<file>.lock` beside the database naming its holder. DuckDB's own file
 * lock is the real mutex; this file exists so that the refusal can say *who* holds the warehouse (which command,
 * since when), and it is taken over when its process is gone (a killed run leaves a stale lock behind).
 */
export class WarehouseLock {
  readonly file: string;
  private released = false;

  private constructor(file: string) {
    this.file = file;
  }

  static acquire(databaseFile: string, command: string, logger: Logger): WarehouseLock {
    const file = `${databaseFile}.lock`;
    const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx');
        writeSync(fd, JSON.stringify(me));
        closeSync(fd);
        return new WarehouseLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readLockHolder(file);
      if (holder && isAlive(holder)) throw warehouseLockedError(databaseFile, holder);
      logger.warn('removed a stale warehouse lock', { lock: file, pid: holder?.pid, command: holder?.command });
      try {
        unlinkSync(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    throw new AlmanacError('WarehouseLocked', `Another process keeps re-creating the lock ${file}.`, {
      hint: 'Stop the other Almanac processes working on this warehouse and try again.',
    });
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    try {
      const holder = readLockHolder(this.file);
      if (holder?.pid === process.pid) unlinkSync(this.file);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

export function readLockHolder(lockFile: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(lockFile, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number') return null;
    return {
      pid: parsed.pid,
      host: String(parsed.host ?? ''),
      command: String(parsed.command ?? 'unknown'),
      startedAt: String(parsed.startedAt ?? ''),
    };
  } catch {
    return null;
  }
}

export function describeHolder(holder: LockHolder): string {
  return `\`${holder.command}\` (PID ${holder.pid}${holder.host ? ` on ${holder.host}` : ''}, since ${holder.startedAt})`;
}

export function warehouseLockedError(databaseFile: string, holder: LockHolder | null, cause?: unknown): AlmanacError {
  const who = holder ? describeHolder(holder) : 'another process';
  return new AlmanacError('WarehouseLocked', `The warehouse ${databaseFile} is in use by ${who}.`, {
    hint:
      'Only one process may write the warehouse at a time. Wait for it to finish, or stop it ' +
      '(`almanac status` shows the scheduler); if that process is gone, run the command again.',
    cause,
  });
}

function isAlive(holder: LockHolder): boolean {
  // A lock from another host (shared disk) cannot be checked: treat it as held.
  if (holder.host && holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
