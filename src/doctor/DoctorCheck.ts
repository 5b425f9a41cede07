export interface DoctorCheck {
  name: string;
  ok: boolean;
  /** What was found (never a secret). */
  detail: string;
  /** What to do when not ok. */
  fix?: string;
}
