import { fork, type ChildProcess } from 'node:child_process';
import { AlmanacError, isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import type { Logger } from '../log/Logger.ts';
import type { Progress, ProgressFactory } from '../progress/ProgressFactory.ts';
import { silentProgress } from '../progress/createProgress.ts';
import type { BuildSiteResult } from '../site/buildSite.ts';
import type { BuildMessage, BuildRequest, ParentMessage, ProgressCall } from './buildChild.ts';

const children = new Set<ChildProcess>();

/**
 * Runs the site build in a child process (see buildChild.ts). The child is in its own process group, so a Ctrl+C
 * or SIGTERM meant for the scheduler does not reach it: when `signal` is aborted the child is asked to stop at its
 * next safe point (between pages, before Astro), and on a timeout (aborted with RunTimedOut) it is killed. Both are
 * safe because the build publishes by one atomic swap. The child's progress is shown through `progress`.
 */
export function runBuildInChild(
  request: BuildRequest,
  logger: Logger,
  signal: AbortSignal,
  progress: ProgressFactory = silentProgress,
): Promise<BuildSiteResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./buildChild.ts', import.meta.url), [], {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(child);
    let settled: BuildMessage | null = null;
    const onAbort = () => {
      if (isAlmanacError(signal.reason) && signal.reason.code === 'RunTimedOut') child.kill('SIGKILL');
      else if (child.connected)
        child.send({ type: 'stop', reason: errorMessage(signal.reason) } satisfies ParentMessage);
    };
    signal.addEventListener('abort', onAbort);
    const bars = new Map<number, Progress>();
    child.on('message', (message: BuildMessage) => {
      if (message.type === 'log') logger[message.level](message.message, message.fields);
      else if (message.type === 'progress') relayProgress(bars, message.id, message.call, progress);
      else settled = message;
    });
    child.on('error', (error) => reject(error));
    child.on('exit', (code, killedBy) => {
      children.delete(child);
      signal.removeEventListener('abort', onAbort);
      const outcome = settled as BuildMessage | null;
      if (outcome?.type === 'result') resolve(outcome.result as BuildSiteResult);
      else if (outcome?.type === 'error') {
        reject(
          new AlmanacError(outcome.code ?? 'BuildFailed', outcome.message, outcome.hint ? { hint: outcome.hint } : {}),
        );
      } else {
        const why = killedBy ? `was killed by ${killedBy}` : `exited with status ${code}`;
        reject(
          new AlmanacError('BuildFailed', `The site build process ${why} before it finished.`, {
            hint: 'The previous site stays in place; the next build starts over.',
          }),
        );
      }
    });
    child.send({ type: 'build', request } satisfies ParentMessage);
    if (signal.aborted) onAbort();
  });
}

/** Kills running build processes: for a scheduler that must exit at once (second signal). */
export function killBuildChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}

function relayProgress(bars: Map<number, Progress>, id: number, call: ProgressCall, factory: ProgressFactory): void {
  if (call.op === 'start') {
    bars.set(id, factory(call.label, call.total));
    return;
  }
  const bar = bars.get(id);
  if (!bar) return;
  if (call.op === 'advance') bar.advance(call.count, call.detail);
  else if (call.op === 'update') bar.update(call.done, call.detail);
  else if (call.op === 'setTotal') bar.setTotal(call.total);
  else {
    bar.finish(call.message);
    bars.delete(id);
  }
}
