import type { Tone } from './formatKpi.ts';

/**
 * Everything one report email says, already worded and cleaned but not yet escaped. The HTML and the plain-text
 * renderers both draw from this one object, so the two parts cannot disagree.
 */
export interface EmailContent {
  siteTitle: string;
  /** "Daily report". */
  kindLabel: string;
  periodLabel: string;
  timezone: string;
  status: { key: 'healthy' | 'watch' | 'act' | 'unknown'; label: string; tone: Tone };
  /** "improving", "steady", ... as a phrase: "Trend: improving". */
  trendLabel: string;
  headline: string;
  topAction: string | null;
  /** Warnings shown above everything else: partial data, restatement. */
  notices: string[];
  summary: string[];
  kpis: { label: string; value: string; change: string; tone: Tone }[];
  readiness: {
    production: ReadinessLine;
    pools: ReadinessLine[];
  };
  recommendations: { rank: number; severity: string; title: string; action: string; status: string }[];
  reportUrl: string | null;
  /** File name of the attached PDF, or null when none is attached. */
  pdfFileName: string | null;
  /** "22 Nov 2026, 01:15 (America/New_York)". */
  generatedAt: string;
}

export interface ReadinessLine {
  label: string;
  /** "78 of 100" or "not scored". */
  score: string;
  /** "progressing". */
  grade: string;
  /** "up 4 points from 74", "unchanged", "no previous score". */
  change: string;
  tone: Tone;
}
