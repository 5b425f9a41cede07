import type { ReadinessScore } from '../../report/ReportBundle.ts';
import type { ReadinessLine } from './EmailContent.ts';

const GRADES: Record<ReadinessScore['grade'], string> = {
  ready: 'ready',
  progressing: 'progressing',
  not_ready: 'not ready',
  unknown: 'unknown',
};

/** One readiness score as a line of the email: "Production readiness 78 of 100, progressing, up 4 points from 74". */
export function describeReadiness(label: string, score: ReadinessScore): ReadinessLine {
  const grade = GRADES[score.grade];
  if (score.score === null) return { label, score: 'not scored', grade, change: 'no data to score', tone: 'neutral' };
  const base = { label, score: `${score.score} of 100`, grade };
  if (score.previous === null) return { ...base, change: 'no previous score', tone: 'neutral' };
  const delta = score.score - score.previous;
  if (delta === 0) return { ...base, change: `unchanged from ${score.previous}`, tone: 'neutral' };
  const points = Math.abs(delta) === 1 ? 'point' : 'points';
  return {
    ...base,
    change: `${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)} ${points} from ${score.previous}`,
    tone: delta > 0 ? 'good' : 'bad',
  };
}

/** The short form used in subjects: "78 (up 4)", "78 (unchanged)", "78", "not scored". */
export function readinessBrief(score: ReadinessScore): string {
  if (score.score === null) return 'not scored';
  if (score.previous === null) return String(score.score);
  const delta = score.score - score.previous;
  if (delta === 0) return `${score.score} (unchanged)`;
  return `${score.score} (${delta > 0 ? 'up' : 'down'} ${Math.abs(delta)})`;
}
