/**
 * The board's visual language: one meaning per colour, every text at least WCAG AA contrast
 * (4.5:1, test/sheet/styles.test.ts computes each pair).
 *
 *   green   ready / on target      (available agents, a short wait, a line on target)
 *   blue    on a call
 *   brown   after-call work
 *   purple  do not disturb         (a personal state, never the alarm)
 *   grey    offline, and the whole board when it is stale
 *   yellow  warning                (a wait or a line past its first threshold)
 *   red     alarm                  (a wait or a line past its second threshold, an SLA breach)
 */

import type { WaitLevel } from '../tracker/queue';
import type { AgentStatus } from '../tracker/status-since';
import type { TargetLevel } from '../tracker/targets';

export interface CellStyle {
  background: string;
  fontColor: string;
  bold?: boolean;
}

const WHITE = '#ffffff';

export const DEFAULT_STYLE: CellStyle = { background: WHITE, fontColor: '#000000' };
export const HEADER_STYLE: CellStyle = { background: '#0b5345', fontColor: WHITE, bold: true };
export const LABEL_STYLE: CellStyle = { background: '#1e6f5c', fontColor: WHITE, bold: true };
export const REFRESH_STYLE: CellStyle = { background: WHITE, fontColor: '#3c4043' };
export const NEUTRAL_STYLE: CellStyle = { background: '#f1f3f4', fontColor: '#202124' };
/** The stale banner: unmistakable but not the alarm red, which belongs to callers and lines. */
export const STALE_STYLE: CellStyle = { background: '#3c4043', fontColor: WHITE, bold: true };
export const WARNING_STYLE: CellStyle = { background: '#fde293', fontColor: '#4d3800' };
/** Not bold by itself: weight follows a cell's place on the board, so it never has to be rewritten as levels change. */
export const ALARM_STYLE: CellStyle = { background: '#c5221f', fontColor: WHITE };
export const OK_STYLE: CellStyle = { background: '#ceead6', fontColor: '#0d652d' };
/** SLA breach on an agent: the name in the alarm red on the status colour. */
export const SLA_BREACH_FONT = '#a50e0e';

export const STATUS_STYLES: Record<AgentStatus, CellStyle> = {
  available: OK_STYLE,
  in_call: { background: '#d2e3fc', fontColor: '#174ea6' },
  after_call_work: { background: '#f4e1d2', fontColor: '#6d3b0a' },
  do_not_disturb: { background: '#e9def8', fontColor: '#4a1a8c' },
  offline: { background: '#e8eaed', fontColor: '#4a4e52' },
  unknown: { background: WHITE, fontColor: '#3c4043' },
};

export const WAIT_LEVEL_STYLES: Record<WaitLevel, CellStyle> = { 0: OK_STYLE, 1: WARNING_STYLE, 2: ALARM_STYLE };
export const TARGET_STYLES: Record<TargetLevel, CellStyle> = {
  green: OK_STYLE,
  yellow: WARNING_STYLE,
  red: ALARM_STYLE,
};

/** Short enough for a 140 px agent cell. */
export const STATUS_LABELS: Record<Exclude<AgentStatus, 'unknown'>, string> = {
  available: 'Available',
  do_not_disturb: 'Do not disturb',
  offline: 'Offline',
  in_call: 'On a call',
  after_call_work: 'After-call',
};

/** A stale board keeps its layout but every colour fades to grey, so nobody acts on old alarms. */
export const MUTED_BACKGROUND = '#eeeeee';
export const MUTED_FONT = '#5f6368';

/** Every style the board writes, for the contrast test. */
export const ALL_STYLES: readonly CellStyle[] = [
  DEFAULT_STYLE,
  HEADER_STYLE,
  LABEL_STYLE,
  REFRESH_STYLE,
  NEUTRAL_STYLE,
  STALE_STYLE,
  WARNING_STYLE,
  ALARM_STYLE,
  OK_STYLE,
  ...Object.values(STATUS_STYLES),
  ...Object.values(STATUS_STYLES).map((style) => ({ ...style, fontColor: SLA_BREACH_FONT })),
  { background: MUTED_BACKGROUND, fontColor: MUTED_FONT },
];
