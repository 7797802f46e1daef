/**
 * Alert rules and where alerts go, as a supervisor sets them in Configure. Pure: validated here,
 * stored by src/gas/alerts-store.ts. The Chat webhook URL is a secret and is not part of these
 * settings: it is stored like the Aircall key.
 */

/** What a rule watches. Line rules apply to one line or all lines; team rules to one team or all teams. */
export const ALERT_KINDS = {
  longestWait: { label: 'Longest wait above', unit: 's', valueUnit: 's', scope: 'line', max: 86_400 },
  waiting: { label: 'Calls waiting above', unit: 'calls', valueUnit: 'waiting', scope: 'line', max: 10_000 },
  slaBelow: { label: 'SLA below', unit: '%', valueUnit: '%', scope: 'line', max: 100 },
  noAgentAvailable: {
    label: 'No agent available while a caller waits',
    unit: null,
    valueUnit: 'waiting',
    scope: 'line',
    max: 0,
  },
  availableBelow: {
    label: 'Agents available below',
    unit: 'agents',
    valueUnit: 'available',
    scope: 'team',
    max: 10_000,
  },
} as const satisfies Record<
  string,
  /** unit: the threshold's (null = no threshold); valueUnit: the observed figure's, in messages. */
  { label: string; unit: string | null; valueUnit: string; scope: 'line' | 'team'; max: number }
>;

export type AlertKind = keyof typeof ALERT_KINDS;
export const ALERT_KIND_NAMES = Object.keys(ALERT_KINDS) as AlertKind[];
/** A rule's target: a line or team id as a string, or every line/team. */
export const EVERY = 'all';

export interface AlertRule {
  kind: AlertKind;
  target: string;
  /** Ignored (0) for noAgentAvailable. */
  threshold: number;
}

export interface AlertSettings {
  rules: AlertRule[];
  emailTo: string[];
  /** After a rule starts firing on a line, it is not announced again for that line for this long. */
  cooldownMin: number;
  /** Quiet from this hour to that one (spreadsheet time zone, may wrap midnight); null = never quiet by the hour. */
  quietHours: { fromHour: number; toHour: number } | null;
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are quiet all day. */
  quietDays: number[];
  /** Alerts that may start per day; what clears an announced alert is always sent. */
  dailyCap: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  rules: [],
  emailTo: [],
  cooldownMin: 15,
  quietHours: null,
  quietDays: [],
  dailyCap: 20,
};

export const MAX_RULES = 20;
export const MAX_RECIPIENTS = 10;
/**
 * MailApp's daily quota is counted in recipients: 100 a day on a consumer account, 1,500 on Google
 * Workspace (developers.google.com/apps-script/guides/services/quotas). Each alert that starts may
 * be followed by the message that clears it, so cap × 2 × recipients stays within the smaller one.
 */
export const MAIL_RECIPIENTS_PER_DAY = 100;
export const MAX_DAILY_CAP = 50;
const MAX_COOLDOWN_MIN = 1_440;
const TARGET = /^\d{1,15}$/;
/** Deliberately loose: MailApp itself refuses what it cannot deliver, with "Invalid email: …". */
const EMAIL = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** A stable id from what the rule says: changing a rule's threshold starts its history afresh. */
export function ruleId(rule: AlertRule): string {
  return `${rule.kind}:${rule.target}:${rule.threshold}`;
}

/** "Longest wait above 60 s", "SLA below 80 %", "Agents available below 2", "No agent available while a caller waits". */
export function describeRule(rule: AlertRule): string {
  const { label, unit } = ALERT_KINDS[rule.kind];
  if (unit === null) return label;
  return unit === 's' || unit === '%' ? `${label} ${rule.threshold} ${unit}` : `${label} ${rule.threshold}`;
}

export type AlertErrors = Partial<
  Record<'rules' | 'emailTo' | 'cooldownMin' | 'quietHours' | 'quietDays' | 'dailyCap', string>
>;

function wholeNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\d{1,9}$/.test(value.trim())) return Number(value.trim());
  return null;
}

const isEmpty = (value: unknown) => value === undefined || value === null || String(value).trim() === '';

function validateRules(raw: unknown): AlertRule[] | string {
  if (!Array.isArray(raw)) return 'Rules must be a list.';
  if (raw.length > MAX_RULES) return `At most ${MAX_RULES} alert rules.`;
  const rules: AlertRule[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of raw.entries()) {
    const fields = (entry ?? {}) as Record<string, unknown>;
    const kind = fields.kind as AlertKind;
    const where = `Rule ${index + 1}`;
    if (typeof kind !== 'string' || !(kind in ALERT_KINDS)) return `${where}: choose what it watches.`;
    const target = typeof fields.target === 'number' ? String(fields.target) : fields.target;
    if (typeof target !== 'string' || (target !== EVERY && !TARGET.test(target)))
      return `${where}: choose a ${ALERT_KINDS[kind].scope} or all ${ALERT_KINDS[kind].scope}s.`;
    const { max, unit, label } = ALERT_KINDS[kind];
    let threshold = 0;
    if (unit !== null) {
      const value = wholeNumber(fields.threshold);
      if (value === null || value > max)
        return `${where} (${label}): the threshold must be a whole number from 0 to ${max}.`;
      threshold = value;
    }
    const rule = { kind, target, threshold };
    if (seen.has(ruleId(rule))) continue;
    seen.add(ruleId(rule));
    rules.push(rule);
  }
  return rules;
}

/** "a@x.com, b@y.org" or a list; duplicates dropped, case kept. */
function validateRecipients(raw: unknown): string[] | string {
  const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[\s,;]+/) : null;
  if (!parts) return 'Email recipients must be addresses separated by commas.';
  const list = [...new Set(parts.map((p) => String(p).trim()).filter(Boolean))];
  const bad = list.find((address) => !EMAIL.test(address) || address.length > 254);
  if (bad !== undefined) return `"${bad}" is not an email address.`;
  if (list.length > MAX_RECIPIENTS) return `At most ${MAX_RECIPIENTS} email recipients.`;
  return list;
}

function validateHour(value: unknown): number | null | 'bad' {
  if (isEmpty(value)) return null;
  const hour = wholeNumber(value);
  return hour === null || hour > 23 ? 'bad' : hour;
}

/** Checks the Alerts section of Configure. Omitted fields keep their current value; nothing applies unless all is valid. */
export function validateAlertSettings(
  form: Record<string, unknown>,
  current: AlertSettings,
): { ok: true; settings: AlertSettings } | { ok: false; errors: AlertErrors } {
  const errors: AlertErrors = {};
  const settings: AlertSettings = { ...current };
  if (form.rules !== undefined) {
    const rules = validateRules(form.rules);
    if (typeof rules === 'string') errors.rules = rules;
    else settings.rules = rules;
  }
  if (form.emailTo !== undefined) {
    const emailTo = validateRecipients(form.emailTo);
    if (typeof emailTo === 'string') errors.emailTo = emailTo;
    else settings.emailTo = emailTo;
  }
  if (!isEmpty(form.cooldownMin)) {
    const cooldown = wholeNumber(form.cooldownMin);
    if (cooldown === null || cooldown > MAX_COOLDOWN_MIN)
      errors.cooldownMin = `Cooldown must be a whole number of minutes from 0 to ${MAX_COOLDOWN_MIN}.`;
    else settings.cooldownMin = cooldown;
  }
  if (form.quietFromHour !== undefined || form.quietToHour !== undefined) {
    const from = validateHour(form.quietFromHour);
    const to = validateHour(form.quietToHour);
    if (from === 'bad' || to === 'bad' || (from === null) !== (to === null))
      errors.quietHours = 'Quiet hours need both hours, each from 0 to 23, or neither.';
    else settings.quietHours = from === null || to === null || from === to ? null : { fromHour: from, toHour: to };
  }
  if (form.quietDays !== undefined) {
    const days = Array.isArray(form.quietDays) ? form.quietDays.map(wholeNumber) : [null];
    if (days.some((d) => d === null || d < 1 || d > 7)) errors.quietDays = 'Quiet days must be days of the week.';
    else settings.quietDays = [...new Set(days as number[])].sort();
  }
  if (!isEmpty(form.dailyCap)) {
    const cap = wholeNumber(form.dailyCap);
    if (cap === null || cap < 1 || cap > MAX_DAILY_CAP)
      errors.dailyCap = `Daily cap must be a whole number from 1 to ${MAX_DAILY_CAP}.`;
    else settings.dailyCap = cap;
  }
  const recipients = settings.emailTo.length;
  if (!errors.dailyCap && !errors.emailTo && settings.dailyCap * 2 * recipients > MAIL_RECIPIENTS_PER_DAY) {
    const most = Math.floor(MAIL_RECIPIENTS_PER_DAY / (2 * recipients));
    errors.dailyCap = `With ${recipients} email recipients, at most ${most} alerts a day keep within MailApp's quota of ${MAIL_RECIPIENTS_PER_DAY} recipients a day (each alert may be followed by the message that clears it).`;
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, settings };
}
