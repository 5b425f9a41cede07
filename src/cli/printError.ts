import { isAlmanacError } from '../errors/AlmanacError.ts';
import { errorMessage } from '../errors/errorMessage.ts';
import { redactSecretsIn } from '../util/redactUrl.ts';
import { writeJson } from './writeJson.ts';

export interface ErrorOutput {
  stderr: NodeJS.WritableStream;
  stdout: NodeJS.WritableStream;
  json: boolean;
  debug: boolean;
}

/**
 * The single place errors reach the user: `error[Code]: what happened` and `hint: what to do` on stderr
 * (plus a JSON document on stdout with --json). Stack traces only with --debug. Returns the exit code.
 */
export function printError(error: unknown, output: ErrorOutput): number {
  const known = isAlmanacError(error);
  const code = known ? error.code : 'Unexpected';
  const message = redactSecretsIn(known ? error.message : `Unexpected error: ${errorMessage(error)}`);
  const hint = known
    ? error.hint
    : 'This is a bug or an unforeseen situation. Run again with --debug for the stack trace and report it.';
  const lines = [`error[${code}]: ${message}`];
  if (hint) lines.push(`hint: ${redactSecretsIn(hint)}`);
  if (output.debug) lines.push(redactSecretsIn(stackOf(error)));
  output.stderr.write(lines.join('\n') + '\n');
  if (output.json) writeJson(output.stdout, { ok: false, error: { code, message, hint: hint ?? null } });
  return known ? error.exitCode : 1;
}

function stackOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) parts.push('Caused by:');
  }
  return parts.join('\n');
}
