import { AlmanacError } from '../errors/AlmanacError.ts';

/** What a registered command whose issue has not landed yet says, plainly, with exit code 2. */
export function notYetAvailable(command: string, issue: string): never {
  throw new AlmanacError(
    'NotYetAvailable',
    `\`almanac ${command}\` is not available in this version: it arrives with ${issue}.`,
    {
      hint: '`almanac --help` lists the commands; `almanac doctor` and `almanac sql` work now.',
      exitCode: 2,
    },
  );
}
