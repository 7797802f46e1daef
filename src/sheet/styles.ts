/** The board's visual language, kept from the original tracker (its wallboard layout). */
import type { AgentStatus } from '../tracker/board';
import type { WaitLevel } from '../tracker/queue';

export interface CellStyle {
  background: string;
  fontColor: string;
  bold?: boolean;
  italic?: boolean;
}

const WHITE = '#ffffff';
const ORANGE = '#ff9900';
const GREEN = '#00b388';

export const DEFAULT_STYLE: CellStyle = { background: WHITE, fontColor: '#000000' };
export const HEADER_STYLE: CellStyle = { background: '#006b51', fontColor: WHITE, bold: true };
export const LABEL_STYLE: CellStyle = { background: GREEN, fontColor: WHITE, bold: true };
export const REFRESH_STYLE: CellStyle = { background: WHITE, fontColor: '#595959' };
/** Same look as the adapter's stale header written on a failed refresh. */
export const STALE_STYLE: CellStyle = { background: '#ff7b7b', fontColor: WHITE, bold: true };
export const KPI_STYLE: CellStyle = { background: '#b7b7b7', fontColor: WHITE, italic: true };
export const IN_CALL_STYLE: CellStyle = { background: '#ffeba6', fontColor: ORANGE };
export const SLA_BREACH_FONT = '#ff0000';

export const STATUS_STYLES: Record<AgentStatus, CellStyle> = {
  available: { background: '#d8f3ec', fontColor: GREEN },
  do_not_disturb: { background: '#ff7b7b', fontColor: WHITE },
  offline: { background: '#eeeeee', fontColor: '#595959' },
  after_call_work: { background: '#ffe76d', fontColor: ORANGE },
  in_call: { background: ORANGE, fontColor: WHITE },
  unknown: { background: WHITE, fontColor: '#595959' },
};

export const WAIT_LEVEL_STYLES: Record<WaitLevel, CellStyle> = {
  0: { background: '#d8f3ec', fontColor: GREEN },
  1: { background: '#ffeba6', fontColor: ORANGE },
  2: { background: '#ff7b7b', fontColor: WHITE },
};

export const STATUS_LABELS: Record<Exclude<AgentStatus, 'unknown'>, string> = {
  available: 'Available',
  do_not_disturb: 'Do not disturb',
  offline: 'Offline',
  in_call: 'On a call',
  after_call_work: 'After-call work',
};
