/**
 * The one duration format of the product — board, sidebars, TV mode, exports: "m:ss" under an hour,
 * "h:mm:ss" from an hour on. Negative, non-finite or missing input shows as 0:00.
 */
export function formatDuration(seconds: number | null | undefined): string {
  const total = typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? Math.floor(seconds) : 0;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const ss = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A duration that may be unknown (a call still ringing, a board never refreshed) shows as "—", never as 0:00. */
export function formatKnownDuration(seconds: number | null): string {
  return seconds === null ? '—' : formatDuration(seconds);
}

/** "≥2:00" when only a lower bound is known (the status was already on when first seen). */
export function formatAtLeast(seconds: number, atLeast: boolean): string {
  return `${atLeast ? '≥' : ''}${formatDuration(seconds)}`;
}

/** "45 s", "3 min", "2 h 05 min": how old a board is, in a stale banner or a TV screen's notice. */
export function formatAge(ms: number): string {
  const sec = Math.max(0, Math.floor(ms / 1000));
  if (sec < 120) return `${sec} s`;
  const min = Math.floor(sec / 60);
  return min < 60 ? `${min} min` : `${Math.floor(min / 60)} h ${String(min % 60).padStart(2, '0')} min`;
}
