/** Prints a JSON document on stdout (the --json contract): one document, newline-terminated. */
export function writeJson(stdout: NodeJS.WritableStream, value: unknown): void {
  stdout.write(
    JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2) + '\n',
  );
}
