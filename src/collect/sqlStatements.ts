/** The statements of a multi-statement `.sql` file: comments dropped first, then split at each `;`. */
export function sqlStatements(text: string): string[] {
  return text
    .replace(/--.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
