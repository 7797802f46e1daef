/**
 * What a TV page shows, computed from the last board snapshot: big tiles, the lines in trouble, the
 * callers waiting and the agents as a grid of status colours. Pure, so the rules are tested in Node.
 */
import { overallShares } from '../tracker/targets';
import type { TvSnapshot, TvTeam, TvWaitingCall } from './snapshot';

/** Which part of the call center a TV shows, from the page's URL (?teams=1,2&lines=10&mask=1). */
export interface TvOptions {
  /** A board tab named in Configure whose teams and lines this screen shows (?board=); null = none. */
  board?: string | null;
  /** Team ids (and "single-users"); null = every team. */
  teams: string[] | null;
  /** Aircall number ids; null = every line. */
  lines: number[] | null;
  /** Hide callers' numbers but their last two digits (a TV in an open-plan office). */
  maskCallers: boolean;
}

export const TV_DEFAULT_OPTIONS: TvOptions = { board: null, teams: null, lines: null, maskCallers: false };
const MAX_IDS = 200;
const TEAM_ID = /^(\d{1,15}|single-users)$/;
const LINE_ID = /^\d{1,15}$/;
/** Lines in trouble shown at once: more would not be readable from across the room. */
export const MAX_TROUBLE_LINES = 6;
export const MAX_QUEUE_SHOWN = 8;

function idList(raw: unknown, pattern: RegExp, what: string): { ids: string[] | null; problem: string | null } {
  if (raw === undefined || raw === null || raw === '') return { ids: null, problem: null };
  const text = String(raw);
  const ids = [
    ...new Set(
      text
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
  const bad = ids.filter((id) => !pattern.test(id));
  if (bad.length > 0 || ids.length > MAX_IDS || text.length > 4_000) {
    return {
      ids: null,
      problem: `The "${what}" parameter must list ${what === 'teams' ? 'team' : 'line'} ids separated by commas; showing every ${what === 'teams' ? 'team' : 'line'}.`,
    };
  }
  return { ids: ids.length > 0 ? ids : null, problem: null };
}

/** Reads the URL parameters (Apps Script's e.parameter), refusing anything that is not a list of ids. */
export function parseTvOptions(parameter: unknown): { options: TvOptions; problems: string[] } {
  const fields = parameter && typeof parameter === 'object' ? (parameter as Record<string, unknown>) : {};
  const teams = idList(fields.teams, TEAM_ID, 'teams');
  const lines = idList(fields.lines, LINE_ID, 'lines');
  const mask = String(fields.mask ?? '').toLowerCase();
  const board =
    typeof fields.board === 'string' && fields.board.trim() !== '' ? fields.board.trim().slice(0, 100) : null;
  return {
    options: {
      board,
      teams: teams.ids,
      lines: lines.ids ? lines.ids.map(Number) : null,
      maskCallers: mask === '1' || mask === 'true' || mask === 'yes',
    },
    problems: [teams.problem, lines.problem].filter((p): p is string => p !== null),
  };
}

/**
 * ?board=Floor 2: the teams and lines of that board tab as Configure keeps them, so a screen follows
 * its floor's board without copying ids into its URL. Ids given in the URL win; an unknown name is
 * said on the page and the screen shows everything.
 */
export function withBoard(
  options: TvOptions,
  boards: readonly { name: string; teamFilter: string[] | null; lineFilter: string[] | null }[],
): { options: TvOptions; problem: string | null } {
  if (!options.board) return { options, problem: null };
  const wanted = options.board.toLowerCase();
  const board = boards.find((b) => b.name.toLowerCase() === wanted);
  if (!board)
    return { options, problem: `No board is named "${options.board}" in Configure; showing every team and line.` };
  return {
    options: {
      ...options,
      teams: options.teams ?? board.teamFilter,
      lines: options.lines ?? (board.lineFilter ? board.lineFilter.map(Number) : null),
    },
    problem: null,
  };
}

export interface TvTiles {
  available: number;
  onCall: number;
  waiting: number;
  longestWaitSec: number | null;
  /** Percentages 0–100, rounded; null when nothing was measured. */
  slaPct: number | null;
  abandonPct: number | null;
}

export interface TvTroubleLine {
  name: string;
  level: 'red' | 'yellow' | 'waiting';
  waiting: number;
  longestWaitSec: number | null;
  slaPct: number | null;
  abandonPct: number | null;
}

export interface TvView {
  refreshedAtMs: number | null;
  /** Seconds since that refresh, by the server's clock (a TV's own clock may be wrong). */
  ageSec: number | null;
  /** Why the board is not fresh, or null. */
  stale: string | null;
  /** When the page should ask again. */
  nextPollSec: number;
  tiles: TvTiles;
  troubleLines: TvTroubleLine[];
  /** More lines in trouble than shown. */
  moreTroubleLines: number;
  queue: { lineName: string; caller: string; waitingSec: number }[];
  moreWaiting: number;
  teams: { name: string; agents: { name: string; status: string }[] }[];
  /** Problems with the page's URL, said on the page. */
  notices: string[];
}

const percent = (share: number | null) => (share === null ? null : Math.round(share * 100));

/** "+33 6 12 34 56 78" → "+•• • •• •• •• 78": the line and wait stay readable, the caller does not. */
export function maskCaller(caller: string): string {
  const digits = caller.replace(/\D/g, '').length;
  let seen = 0;
  return caller.replace(/\d/g, (digit) => (++seen > digits - 2 ? digit : '•'));
}

export function buildTvView(
  snapshot: TvSnapshot | null,
  options: TvOptions,
  context: { nowMs: number; nextPollSec: number; stale: string | null; notices: string[] },
): TvView {
  const empty: TvTiles = { available: 0, onCall: 0, waiting: 0, longestWaitSec: null, slaPct: null, abandonPct: null };
  if (!snapshot) {
    return {
      refreshedAtMs: null,
      ageSec: null,
      stale: context.stale ?? 'The board has not been refreshed yet.',
      nextPollSec: context.nextPollSec,
      tiles: empty,
      troubleLines: [],
      moreTroubleLines: 0,
      queue: [],
      moreWaiting: 0,
      teams: [],
      notices: context.notices,
    };
  }
  const notices = [...context.notices];
  const teamFilter = options.teams ? new Set(options.teams) : null;
  const lineFilter = options.lines ? new Set(options.lines) : null;
  const teams: TvTeam[] = teamFilter ? snapshot.teams.filter((t) => teamFilter.has(t.key)) : snapshot.teams;
  const lines = lineFilter ? snapshot.lines.filter((l) => lineFilter.has(l.lineId)) : snapshot.lines;
  if (teamFilter && teams.length < teamFilter.size) notices.push('Some teams in the URL are not on the board.');
  if (lineFilter && lines.length < lineFilter.size)
    notices.push('Some lines in the URL have no activity or do not exist.');

  // An agent in two teams is one person: count each once.
  const statusById = new Map<number, string>();
  for (const team of teams) for (const agent of team.agents) statusById.set(agent.id, agent.status);
  const statuses = [...statusById.values()];
  const queue: TvWaitingCall[] = snapshot.queue
    .filter((call) => !lineFilter || (call.lineId !== null && lineFilter.has(call.lineId)))
    .sort((a, b) => b.waitingSec - a.waitingSec);
  const shares = overallShares(lines);

  const lineById = new Map(lines.map((line) => [line.lineId, line]));
  const troubled = snapshot.troubleOrder.flatMap((lineId): TvTroubleLine[] => {
    const line = lineById.get(lineId);
    if (!line) return [];
    return [
      {
        name: line.name,
        level: line.level === 'red' || line.level === 'yellow' ? line.level : 'waiting',
        waiting: line.waiting,
        longestWaitSec: line.longestWaitSec,
        slaPct: percent(line.withinSla),
        abandonPct: percent(line.abandoned),
      },
    ];
  });

  return {
    refreshedAtMs: snapshot.refreshedAtMs,
    ageSec: Math.max(0, Math.round((context.nowMs - snapshot.refreshedAtMs) / 1000)),
    stale: context.stale,
    nextPollSec: context.nextPollSec,
    tiles: {
      available: statuses.filter((s) => s === 'available').length,
      onCall: statuses.filter((s) => s === 'in_call').length,
      waiting: queue.length,
      longestWaitSec: queue.length > 0 ? queue[0].waitingSec : null,
      slaPct: percent(shares.withinSla),
      abandonPct: percent(shares.abandoned),
    },
    troubleLines: troubled.slice(0, MAX_TROUBLE_LINES),
    moreTroubleLines: Math.max(0, troubled.length - MAX_TROUBLE_LINES),
    queue: queue.slice(0, MAX_QUEUE_SHOWN).map((call) => ({
      lineName: call.lineName,
      caller: options.maskCallers ? maskCaller(call.caller) : call.caller,
      waitingSec: call.waitingSec,
    })),
    moreWaiting: Math.max(0, queue.length - MAX_QUEUE_SHOWN),
    teams: teams.map((team) => ({
      name: team.name,
      agents: team.agents.map((agent) => ({ name: agent.name, status: agent.status })),
    })),
    notices,
  };
}
