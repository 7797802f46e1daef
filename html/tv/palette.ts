/**
 * TV colours: one meaning each, and every text on its background at WCAG AA contrast (4.5:1 or more,
 * checked by test/html/tv-palette.test.ts) so a screen reads from across the room.
 */
export const TV_PAGE = { background: '#0f1419', text: '#f5f7fa', muted: '#b8c1cc', panel: '#1c2430' };

/** Agent status → chip colours. Unknown statuses use `unknown`. */
export const STATUS_COLOURS: Record<string, { background: string; text: string; label: string }> = {
  available: { background: '#4ade80', text: '#0b1f12', label: 'Available' },
  in_call: { background: '#fb923c', text: '#1f1206', label: 'On a call' },
  after_call_work: { background: '#5eead4', text: '#042f2a', label: 'After-call work' },
  do_not_disturb: { background: '#a78bfa', text: '#160d2e', label: 'Do not disturb' },
  offline: { background: '#3f4753', text: '#f5f7fa', label: 'Offline' },
  unknown: { background: '#9ca3af', text: '#111827', label: 'Unknown' },
};

/** A line in trouble: red and yellow are the line's own targets; blue is "callers waiting". */
export const TROUBLE_COLOURS = {
  red: { background: '#f87171', text: '#1f0505' },
  yellow: { background: '#facc15', text: '#1f1a04' },
  waiting: { background: '#93c5fd', text: '#081a33' },
} as const;

/** The stale banner: amber, distinct from every status and trouble colour. */
export const STALE_COLOURS = { background: '#fbbf24', text: '#1f1400' };
