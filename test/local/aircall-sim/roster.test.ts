import { describe, expect, it } from '@jest/globals';
import { Rng } from '../../../local/aircall-sim/rng.js';
import { buildRoster, DUPLICATE_NAME, HOSTILE, PRESET_SIZES, TAG_NAMES } from '../../../local/aircall-sim/roster.js';
import type { Preset } from '../../../local/aircall-sim/types.js';

const PRESETS: Preset[] = ['small', 'medium', 'large'];

describe.each(PRESETS)('the %s call center', (preset) => {
  const roster = buildRoster(preset, new Rng(7));
  const names = roster.agents.map((agent) => agent.name);

  it('has the preset’s numbers of agents, teams and lines', () => {
    expect({
      agents: roster.agents.length,
      teams: roster.teams.length,
      numbers: roster.lines.length,
    }).toEqual(PRESET_SIZES[preset]);
  });

  it('has agents in no team and agents in several teams, consistent with the team member lists', () => {
    expect(roster.agents.some((agent) => agent.teamIds.length === 0)).toBe(true);
    expect(roster.agents.some((agent) => agent.teamIds.length > 1)).toBe(true);
    for (const team of roster.teams) {
      const members = roster.agents.filter((agent) => agent.teamIds.includes(team.id)).map((agent) => agent.id);
      expect(team.userIds).toEqual(members);
    }
  });

  it('has a line nobody answers, while every other line has agents', () => {
    const staffed = roster.lines.filter((line) => line.userIds.length > 0);
    expect(staffed.length).toBe(roster.lines.length - 1);
    for (const line of roster.lines) {
      const assigned = roster.agents.filter((agent) => agent.numberIds.includes(line.id)).map((agent) => agent.id);
      expect(line.userIds).toEqual(assigned);
    }
  });

  it('has two agents with the same name and hostile text in names, teams, lines and tags', () => {
    expect(names.filter((name) => name === DUPLICATE_NAME)).toHaveLength(2);
    for (const hostile of [HOSTILE.formula, HOSTILE.phoneLike, HOSTILE.leadingZeros, HOSTILE.imgTag, HOSTILE.long]) {
      expect(names).toContain(hostile);
    }
    expect(HOSTILE.long.length).toBeGreaterThan(100);
    expect(roster.teams.map((team) => team.name)).toContain(HOSTILE.scriptTag);
    expect(roster.lines.map((line) => line.name)).toContain(HOSTILE.formula);
    expect(roster.tags.map((tag) => tag.name)).toEqual(TAG_NAMES);
    expect(TAG_NAMES).toContain(HOSTILE.formula);
  });

  it('has names in several scripts, at a realistic share', () => {
    const share = (pattern: RegExp) => names.filter((name) => pattern.test(name)).length / names.length;
    expect(share(/[\u0400-\u04FF]/)).toBeGreaterThanOrEqual(0.05); // Cyrillic
    expect(share(/[\u0600-\u06FF]/)).toBeGreaterThanOrEqual(0.05); // Arabic
    expect(share(/[\u3040-\u30FF\u4E00-\u9FFF\uAC00-\uD7AF]/)).toBeGreaterThanOrEqual(0.05); // CJK
    expect(share(/[À-ž]/)).toBeGreaterThanOrEqual(0.1); // Latin with accents
    expect(share(/^[A-Za-z ]+$/)).toBeGreaterThanOrEqual(0.15);
  });

  it('has agents set to custom (Auto) and unique ids', () => {
    expect(roster.agents.some((agent) => agent.availabilityStatus === 'custom')).toBe(true);
    expect(new Set(roster.agents.map((agent) => agent.id)).size).toBe(roster.agents.length);
  });
});

it('draws the same roster from the same seed and a different one from another seed', () => {
  const names = (seed: number) => buildRoster('medium', new Rng(seed)).agents.map((agent) => agent.name);
  expect(names(3)).toEqual(names(3));
  expect(names(3)).not.toEqual(names(4));
});
