// CSV for the per-table downloads (RFC 4180 quoting). Cells that a spreadsheet would read as a formula
// (leading = + - @ tab or CR) get a leading apostrophe: the text comes from Redis and is untrusted.
export function csvText(columns: string[], rows: (string | number | null)[][]): string {
  return [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
