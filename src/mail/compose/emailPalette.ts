import type { Tone } from './formatKpi.ts';

/**
 * Email colours. Light values go inline (the only styling every client keeps); the dark values go into a
 * `prefers-color-scheme` block with classes, which Apple Mail, Outlook for Mac/iOS and others honour. Both sets
 * keep body text above 7:1 and the tone colours above 4.5:1 against their background.
 */
export const LIGHT = {
  page: '#eef0f3',
  card: '#ffffff',
  text: '#1b2430',
  muted: '#4a5563',
  rule: '#d5dae1',
  accent: '#1d4f9c',
  accentText: '#ffffff',
  good: '#0b6b36',
  bad: '#a4231a',
  warn: '#8a5300',
  neutral: '#4a5563',
  noticeBg: '#fff4d6',
  noticeText: '#5c3d00',
} as const;

export const DARK = {
  page: '#0f1216',
  card: '#1a1f26',
  text: '#e7eaee',
  muted: '#aab3be',
  rule: '#333c47',
  accent: '#8fb4ff',
  accentText: '#0f1216',
  good: '#6fd99a',
  bad: '#ff9a8f',
  warn: '#f5c26b',
  neutral: '#aab3be',
  noticeBg: '#3a2f12',
  noticeText: '#ffe3a3',
} as const;

export function toneColor(tone: Tone, palette: typeof LIGHT | typeof DARK): string {
  return tone === 'good'
    ? palette.good
    : tone === 'bad'
      ? palette.bad
      : tone === 'warn'
        ? palette.warn
        : palette.neutral;
}
