// No Chromium outlives the command: a signal to Node kills the browser's whole process group and still ends Node.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { processesMentioning } from '../../helpers/chromiumProcesses.ts';

const holder = fileURLToPath(new URL('./holdBrowser.ts', import.meta.url));

function startHolder(): Promise<{ child: ReturnType<typeof spawn>; pid: number; profile: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [holder], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve({ child, ...(JSON.parse(line) as { pid: number; profile: string }) });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`holder exited early with ${code}`)));
  });
}

function isRunning(pid: number): boolean {
  try {
    return !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('BrowserSession and signals', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('%s ends the command and every Chromium process', async (signal) => {
    const { child, pid, profile } = await startHolder();
    child.removeAllListeners('exit');
    expect(processesMentioning(profile).length).toBeGreaterThan(1);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
    child.kill(signal);
    expect(await exited).toBe(signal);
    // Give the kernel a moment to reap the group.
    await new Promise((r) => setTimeout(r, 300));
    expect(processesMentioning(profile)).toEqual([]);
    // The main process is dead (at most a zombie waiting for a reaper, since its parent is gone).
    expect(isRunning(pid)).toBe(false);
  });
});
