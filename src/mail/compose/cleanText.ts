// C0/C1 control characters (but tab and newline) and the bidi overrides that can disguise a subject line.
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Removes control and bidi-override characters from a bundle string before it goes into an email. Bundles carry
 * machine ids and error messages that came from Redis; escaping handles HTML, this handles everything else
 * (terminal escapes in the text part, line breaks smuggled into the subject).
 */
export function cleanText(text: string): string {
  return text.replace(UNWANTED, '');
}

/** cleanText for a one-line field (subject, table cell): any run of whitespace becomes one space. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}
