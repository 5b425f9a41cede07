// The engine writes each page's view model as JSON into a work folder; the Astro templates read them.
// Keeping the views on disk (not in the Vite module graph) keeps Astro's memory flat for a large archive.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ArchiveView, HomeView, ReportKind, ReportPageView } from './PageView.ts';

export function reportViewFile(workDir: string, kind: ReportKind, id: string): string {
  return path.join(workDir, `report-${kind}-${id}.json`);
}

export function homeViewFile(workDir: string): string {
  return path.join(workDir, 'home.json');
}

export function archiveViewFile(workDir: string): string {
  return path.join(workDir, 'archive.json');
}

export function readReportView(workDir: string, kind: ReportKind, id: string): ReportPageView {
  return JSON.parse(readFileSync(reportViewFile(workDir, kind, id), 'utf8')) as ReportPageView;
}

export function readHomeView(workDir: string): HomeView {
  return JSON.parse(readFileSync(homeViewFile(workDir), 'utf8')) as HomeView;
}

export function readArchiveView(workDir: string): ArchiveView {
  return JSON.parse(readFileSync(archiveViewFile(workDir), 'utf8')) as ArchiveView;
}
