/**
 * What each rule sees in this refresh's board model: one observation per rule and line (or team),
 * firing or not, with the figure that decided it. Lines are every Aircall number, filtered or not;
 * teams are those on the board (the team filter applies).
 */
import type { BoardModel } from '../tracker/board';
import type { LineStats } from '../tracker/totals';
import { type AlertRule, EVERY, ruleId } from './rules';

export interface Observation {
  /** Rule and line (or team): the unit of firing, clearing and cooldown. */
  key: string;
  rule: AlertRule;
  scope: 'line' | 'team';
  /** The line's or team's name as Aircall gives it: hostile text, kept literal. */
  name: string;
  firing: boolean;
  /** The figure compared with the threshold (waiting callers for noAgentAvailable). */
  value: number;
}

/** The line's figure for a line rule, or null when there is nothing to measure (then it does not fire). */
function lineValue(rule: AlertRule, line: LineStats): { value: number; firing: boolean } | null {
  switch (rule.kind) {
    case 'longestWait': {
      const value = line.waiting > 0 ? (line.longestWaitSec ?? 0) : 0;
      return { value, firing: value > rule.threshold };
    }
    case 'waiting':
      return { value: line.waiting, firing: line.waiting > rule.threshold };
    case 'slaBelow': {
      if (line.withinSla === null) return null;
      const value = Math.round(line.withinSla * 100);
      return { value, firing: value < rule.threshold };
    }
    case 'noAgentAvailable':
      // Who can answer a line is only known once users are mapped to numbers.
      if (!line.agents) return null;
      return { value: line.waiting, firing: line.waiting > 0 && line.agents.available === 0 };
    default:
      return null;
  }
}

export function observe(model: BoardModel, rules: readonly AlertRule[]): Observation[] {
  const observations: Observation[] = [];
  for (const rule of rules) {
    const id = ruleId(rule);
    if (rule.kind === 'availableBelow') {
      for (const team of model.teams) {
        if (rule.target !== EVERY && rule.target !== team.key) continue;
        const value = team.agents.filter((agent) => agent.status === 'available').length;
        observations.push({
          key: `${id}|team:${team.key}`,
          rule,
          scope: 'team',
          name: team.name,
          firing: value < rule.threshold,
          value,
        });
      }
      continue;
    }
    for (const line of model.lines) {
      if (rule.target !== EVERY && rule.target !== String(line.lineId)) continue;
      const seen = lineValue(rule, line);
      observations.push({
        key: `${id}|line:${line.lineId}`,
        rule,
        scope: 'line',
        name: line.name,
        firing: seen?.firing ?? false,
        value: seen?.value ?? 0,
      });
    }
  }
  return observations;
}
