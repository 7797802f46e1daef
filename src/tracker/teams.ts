/**
 * The team filter's one rule, for the board and the call-history sidebars alike: the chosen teams
 * in name order, then "Single Users" (agents in no team) when chosen or when nothing is filtered.
 */
import { byNameThenId } from './names';
import { SINGLE_USERS } from './settings';

export interface TeamGroup {
  /** Team id as a string, or SINGLE_USERS. */
  key: string;
  name: string;
  userIds: number[];
}

export const SINGLE_USERS_NAME = 'Single Users';

export function visibleTeams(
  teams: readonly { id: number; name: string; userIds: readonly number[] }[],
  everyone: Iterable<number>,
  filter: readonly string[] | null,
): TeamGroup[] {
  const chosen = filter ? new Set(filter) : null;
  const inSomeTeam = new Set(teams.flatMap((t) => t.userIds));
  const groups = [...teams]
    .sort(byNameThenId)
    .filter((team) => !chosen || chosen.has(String(team.id)))
    .map((team) => ({ key: String(team.id), name: team.name, userIds: [...new Set(team.userIds)] }));
  const singles = [...new Set(everyone)].filter((id) => !inSomeTeam.has(id));
  if ((!chosen || chosen.has(SINGLE_USERS)) && singles.length > 0) {
    groups.push({ key: SINGLE_USERS, name: SINGLE_USERS_NAME, userIds: singles });
  }
  return groups;
}

/** Every agent a team filter lets through, each once: the chosen teams' members, and agents in no team when "Single Users" is chosen. */
export function agentsInVisibleTeams(
  teams: readonly { id: number; userIds: readonly number[] }[],
  everyone: Iterable<number>,
  filter: readonly string[],
): Set<number> {
  const chosen = new Set(filter);
  const inSomeTeam = new Set(teams.flatMap((t) => t.userIds));
  const agents = new Set<number>();
  for (const team of teams) if (chosen.has(String(team.id))) for (const id of team.userIds) agents.add(id);
  if (chosen.has(SINGLE_USERS)) for (const id of everyone) if (!inSomeTeam.has(id)) agents.add(id);
  return agents;
}
