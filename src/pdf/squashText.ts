/** Text for comparison without spacing or line breaks: PDF text extraction splits and joins runs differently. */
export function squashText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\u2212/g, '-');
}
