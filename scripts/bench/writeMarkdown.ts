import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';

export const BEGIN =
  '<!-- bench:begin (written by `npm run bench -- --markdown FILE`; edits between the markers are lost) -->';
export const END = '<!-- bench:end -->';

/**
 * Puts the harness's Markdown into `file`: between the bench markers when the file has them (so
 * docs/performance.md keeps its prose around a regenerated table), else appended to it (never over prose), or as a
 * new file. Written to a temp file and renamed, so an interrupted run leaves the previous version.
 */
export function writeMarkdown(file: string, markdown: string): void {
  const block = `${BEGIN}\n${markdown.trimEnd()}\n${END}`;
  let text = `${block}\n`;
  if (existsSync(file)) {
    const current = readFileSync(file, 'utf8');
    const begin = current.indexOf('<!-- bench:begin');
    const end = current.indexOf(END);
    text =
      begin >= 0 && end > begin
        ? current.slice(0, begin) + block + current.slice(end + END.length)
        : `${current.trimEnd()}\n\n${block}\n`;
  }
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}
