// One build at a time per dist/: a second build would delete the first one's staging folder.
import { open, readFile, rm } from 'node:fs/promises';
import { AlmanacError } from '../errors/AlmanacError.ts';

export async function acquireBuildLock(distDir: string): Promise<() => Promise<void>> {
  const file = `${distDir}.build-lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => rm(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (holder && holder !== process.pid && isAlive(holder)) {
        throw new AlmanacError('BuildRunning', `another build (process ${holder}) is writing ${distDir}`, {
          hint: 'Wait for it to finish; if no build is running, delete ' + file,
        });
      }
      // The holder died: its lock is stale.
      await rm(file, { force: true });
    }
  }
  throw new AlmanacError('BuildRunning', `could not take the build lock ${file}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
