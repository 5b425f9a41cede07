import { fork, type ChildProcess } from 'node:child_process';
import { AlmanacError, isAlmanacError } from '../errors/AlmanacError.ts';
import type { Logger } from '../log/Logger.ts';
import type { BuildSiteResult } from '../site/buildSite.ts';
import type { BuildMessage, BuildRequest } from './buildChild.ts';

const children = new Set<ChildProcess>();

/**
 * Runs the site build in a child process (see buildChild.ts). The child is in its own process group, so a Ctrl+C
 * or SIGTERM meant for the scheduler lets the build finish; on a timeout (`signal` aborted with RunTimedOut) it is
 * killed, which is safe because the build publishes by one atomic swap.
 */
export function runBuildInChild(request: BuildRequest, logger: Logger, signal: AbortSignal): Promise<BuildSiteResult> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL('./buildChild.ts', import.meta.url), [], {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    children.add(child);
    let settled: BuildMessage | null = null;
    const onAbort = () => {
      if (isAlmanacError(signal.reason) && signal.reason.code === 'RunTimedOut') child.kill('SIGKILL');
    };
    signal.addEventListener('abort', onAbort);
    child.on('message', (message: BuildMessage) => {
      if (message.type === 'log') logger[message.level](message.message, message.fields);
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
    child.send(request);
  });
}

/** Kills running build processes: for a scheduler that must exit at once (second signal). */
export function killBuildChildren(): void {
  for (const child of children) child.kill('SIGKILL');
}
