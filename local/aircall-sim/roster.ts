/**
 * Builds the people and lines of a random call center for a preset, with the edge cases the board must survive in
 * every preset: agents in no team or in several teams, a line with no agents, two agents with the same name, and
 * hostile text (formula, phone-looking, leading-zero, HTML, very long) in names, team names, line names and tags.
 */

import type { Agent, Line, Roster, TagRecord, TeamRecord } from './model.js';
import type { Rng } from './rng.js';
import type { Preset } from './types.js';

export const PRESET_SIZES: Record<Preset, { agents: number; teams: number; numbers: number }> = {
  small: { agents: 20, teams: 3, numbers: 4 },
  medium: { agents: 200, teams: 12, numbers: 20 },
  large: { agents: 1000, teams: 60, numbers: 80 },
};

/** Text that breaks naive sheet writes (formula injection, number coercion) or HTML sidebars (XSS). */
export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example","click")',
  phoneLike: '+33 6 11 11 33 33',
  leadingZeros: '00123',
  imgTag: '<img src=x onerror=alert(1)>',
  scriptTag: '<script>alert(1)</script>',
  long: `Maria-Fernanda Alexandrina ${'Montgomery-Villanueva '.repeat(8)}de la Cruz`.trim(),
} as const;

export const DUPLICATE_NAME = 'Alex Martin';

const FIRST = ['Emma', 'Louis', 'Jade', 'Hugo', 'Chloé', 'Noah', 'Léa', 'Arthur', 'Manon', 'Jules', 'Sofia', 'Omar'];
const LAST = ['Bernard', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel', 'Garcia', 'Nguyen', 'Okafor', 'Rossi'];
/** Latin names with the accents a European call center has: Polish, Czech, Portuguese, German, Nordic. */
const FIRST_ACCENTED = ['Zoë', 'Jiří', 'Łukasz', 'Ångström', 'João', 'Søren', 'Björn', 'Małgorzata', 'Dvořák', 'Ñusta'];
const LAST_ACCENTED = ['Müller', 'Nuñez', 'Kowalczyk-Wójcik', 'Gonçalves', 'Østergaard', 'Šimková', 'Le Bœuf'];
/** Names in other scripts, each given to one agent in ten. */
const OTHER_SCRIPTS: string[][] = [
  ['Анна Петрова', 'Дмитрий Соколов', 'Ольга Иванова', 'Сергей Кузнецов', 'Мария Смирнова'],
  ['محمد العلي', 'فاطمة الزهراء', 'يوسف حداد', 'ليلى منصور', 'عمر الخطيب'],
  ['王伟', '李娜', '佐藤 花子', '田中 太郎', '김민준', '이서연'],
];
const ZONES: [string, string][] = [
  ['Europe/Paris', 'fr-FR'],
  ['Europe/London', 'en-GB'],
  ['America/New_York', 'en-US'],
  ['Etc/UTC', 'en-US'],
];
const LINE_COUNTRIES: [string, string, string][] = [
  ['FR', 'Europe/Paris', '+33 1 76'],
  ['GB', 'Europe/London', '+44 20 7946'],
  ['US', 'America/New_York', '+1 212-555'],
];
const TEAM_WORDS = ['Sales', 'Support', 'Billing', 'Onboarding', 'Retention', 'Partners'];
const CITIES = ['Paris', 'London', 'New York', 'Lyon', 'Berlin', 'Madrid'];

/** Special agent names by index; every preset has at least this many agents. */
const SPECIAL_AGENT_NAMES = [
  HOSTILE.formula,
  HOSTILE.phoneLike,
  HOSTILE.leadingZeros,
  HOSTILE.imgTag,
  HOSTILE.long,
  DUPLICATE_NAME,
  DUPLICATE_NAME,
];
const SPECIAL_TEAM_NAMES = ['Global Sales', HOSTILE.scriptTag, HOSTILE.formula];
const SPECIAL_LINE_NAMES = ['Support Hotline', HOSTILE.formula, HOSTILE.leadingZeros];
/** The last line of every preset has no agents. */
const UNSTAFFED_LINE_NAME = 'Overflow (no agents)';

export const TAG_NAMES = ['VIP', 'Callback', 'Billing', 'Complaint', HOSTILE.formula, HOSTILE.scriptTag];

function isoDate(rng: Rng, fromYear: number, toYear: number): string {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear, 11, 31);
  const ms = start + Math.floor((rng.next() * (end - start)) / 1000) * 1000;
  return new Date(ms).toISOString();
}

/**
 * About 70 % Latin names (a third of them with accents), and 10 % each in Cyrillic, Arabic and CJK scripts: a
 * multinational call center, whose names must show as written in cells, notes and sidebars.
 */
function agentName(rng: Rng, index: number): string {
  const special = SPECIAL_AGENT_NAMES[index];
  if (special) return special;
  const script = index % 10;
  if (script >= 7) return rng.pick(OTHER_SCRIPTS[script - 7]);
  if (script % 3 === 0) return `${rng.pick(FIRST_ACCENTED)} ${rng.pick(LAST_ACCENTED)}`;
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

function emailFor(name: string, id: number): string {
  const local = name
    .normalize('NFD')
    .replace(/[^A-Za-z]+/g, '.')
    .replace(/^\.|\.$/g, '')
    .toLowerCase();
  return `${local || 'agent'}.${id}@callcenter.example`;
}

export function buildRoster(preset: Preset, rng: Rng): Roster {
  const size = PRESET_SIZES[preset];
  const staffedLines = size.numbers - 1;
  const teamless = Math.max(2, Math.floor(size.agents / 10));
  const agents: Agent[] = [];
  for (let i = 0; i < size.agents; i++) {
    const id = 1001 + i;
    const name = agentName(rng, i);
    const [timeZone, language] = rng.pick(ZONES);
    const draw = rng.next();
    agents.push({
      id,
      name,
      email: emailFor(name, id),
      createdAt: isoDate(rng, 2019, 2025),
      timeZone,
      language,
      wrapUpTime: rng.pick([0, 0, 10, 30, 60]),
      availabilityStatus: draw < 0.1 ? 'custom' : draw < 0.2 ? 'unavailable' : 'available',
      connected: rng.chance(0.85),
      callId: null,
      wrapUntilMs: 0,
      freeSinceMs: 0,
      forced: null,
      // The last agents belong to no team; every 7th agent also joins the next team.
      teamIds:
        i >= size.agents - teamless ? [] : i % 7 === 3 ? [i % size.teams, (i + 1) % size.teams] : [i % size.teams],
      // Every 3rd agent answers two lines; nobody answers the last line.
      numberIds: i % 3 === 0 ? [i % staffedLines, (i + 1) % staffedLines] : [i % staffedLines],
    });
  }
  const teams: TeamRecord[] = [];
  for (let t = 0; t < size.teams; t++) {
    teams.push({
      id: 501 + t,
      name: SPECIAL_TEAM_NAMES[t] ?? `${TEAM_WORDS[t % TEAM_WORDS.length]} ${Math.floor(t / TEAM_WORDS.length) + 1}`,
      createdAt: isoDate(rng, 2020, 2024),
      userIds: agents.filter((agent) => agent.teamIds.includes(t)).map((agent) => agent.id),
    });
  }
  const lines: Line[] = [];
  for (let n = 0; n < size.numbers; n++) {
    const [country, timeZone, prefix] = LINE_COUNTRIES[n % LINE_COUNTRIES.length];
    const unstaffed = n === size.numbers - 1;
    lines.push({
      id: 9001 + n,
      name: unstaffed ? UNSTAFFED_LINE_NAME : (SPECIAL_LINE_NAMES[n] ?? `${CITIES[n % CITIES.length]} line ${n + 1}`),
      digits: `${prefix} ${String(1000 + n).slice(-4)}`,
      country,
      timeZone,
      createdAt: isoDate(rng, 2018, 2023),
      // 'custom' lines follow opening hours (some calls land outside them); 'open' lines never close.
      availabilityStatus: n % 5 === 4 ? 'open' : 'custom',
      isIvr: n % 2 === 0,
      userIds: unstaffed ? [] : agents.filter((agent) => agent.numberIds.includes(n)).map((agent) => agent.id),
    });
  }
  // teamIds/numberIds were indexes while building; store ids from here on.
  for (const agent of agents) {
    agent.teamIds = agent.teamIds.map((t) => teams[t].id);
    agent.numberIds = agent.numberIds.map((n) => lines[n].id);
  }
  const tags: TagRecord[] = TAG_NAMES.map((name, i) => ({
    id: 301 + i,
    name,
    color: ['#0033CC', '#00B388', '#FF7B7B'][i % 3],
    description: i === 0 ? 'High-value customer' : null,
  }));
  return { agents, teams, lines, tags };
}
