/**
 * TV mode reads the board from the document cache, never from the sheet: each refresh leaves a
 * compact snapshot of its board model, and every TV page poll answers from it without a single
 * Spreadsheet call. Only what a TV page shows is kept, so 1,000 agents fit in a few cache entries.
 */
import type { BoardModel } from '../tracker/board';
import type { TargetLevel } from '../tracker/targets';

export interface TvAgent {
  id: number;
  name: string;
  status: string;
}

export interface TvTeam {
  /** Team id as a string, or "single-users". */
  key: string;
  name: string;
  agents: TvAgent[];
}

export interface TvLine {
  lineId: number;
  name: string;
  waiting: number;
  longestWaitSec: number | null;
  answered: number;
  missed: number;
  /** Shares 0–1, null when not measured. */
  withinSla: number | null;
  abandoned: number | null;
  /** The Lines panel's verdict against the line's targets; null when no target applies. */
  level: TargetLevel | null;
}

export interface TvWaitingCall {
  lineId: number | null;
  lineName: string;
  caller: string;
  waitingSec: number;
}

export interface TvSnapshot {
  refreshedAtMs: number;
  slaSec: number;
  teams: TvTeam[];
  lines: TvLine[];
  /** Line ids of the lines in trouble, the most severe first (the board's own order). */
  troubleOrder: number[];
  queue: TvWaitingCall[];
}

export function tvSnapshot(model: BoardModel, refreshedAtMs: number): TvSnapshot {
  const levels = new Map(model.linePanel.map((row) => [row.line.lineId, row.level]));
  return {
    refreshedAtMs,
    slaSec: model.slaSec,
    teams: model.teams.map((team) => ({
      key: team.key,
      name: team.name,
      agents: team.agents.map((agent) => ({ id: agent.id, name: agent.name, status: agent.status })),
    })),
    lines: model.lines.map((line) => ({
      lineId: line.lineId,
      name: line.name,
      waiting: line.waiting,
      longestWaitSec: line.longestWaitSec,
      answered: line.answered,
      missed: line.missed,
      withinSla: line.withinSla,
      abandoned: line.abandoned,
      level: levels.get(line.lineId) ?? null,
    })),
    troubleOrder: model.trouble.map((row) => row.line.lineId),
    queue: model.queue.map((entry) => ({
      lineId: entry.lineId,
      lineName: entry.lineName,
      caller: entry.externalNumber,
      waitingSec: entry.waitingSec,
    })),
  };
}
