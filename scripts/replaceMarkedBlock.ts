/** Replaces the text between `<!-- NAME:start -->` and `<!-- NAME:end -->` (generated README sections). */
export function replaceMarkedBlock(text: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the markers ${start} … ${end} are missing`);
  return `${text.slice(0, from + start.length)}\n${content}\n${text.slice(to)}`;
}

export function markedBlock(text: string, name: string): string | null {
  const start = `<!-- ${name}:start -->`;
  const from = text.indexOf(start);
  const to = text.indexOf(`<!-- ${name}:end -->`);
  if (from < 0 || to < from) return null;
  return text.slice(from + start.length, to).trim();
}
