import { describe, expect, it } from '@jest/globals';
import { DEFAULT_ALERT_SETTINGS, describeRule, ruleId, validateAlertSettings } from '../../src/alerts/rules';

const validate = (form: Record<string, unknown>) => validateAlertSettings(form, DEFAULT_ALERT_SETTINGS);

describe('alert settings from Configure', () => {
  it('accepts rules as typed in the form, dropping duplicates', () => {
    const result = validate({
      rules: [
        { kind: 'longestWait', target: 'all', threshold: '60' },
        { kind: 'longestWait', target: 'all', threshold: 60 },
        { kind: 'slaBelow', target: 100, threshold: '80' },
        { kind: 'noAgentAvailable', target: 'all', threshold: 'ignored' },
        { kind: 'availableBelow', target: '10', threshold: 2 },
      ],
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        ...DEFAULT_ALERT_SETTINGS,
        rules: [
          { kind: 'longestWait', target: 'all', threshold: 60 },
          { kind: 'slaBelow', target: '100', threshold: 80 },
          { kind: 'noAgentAvailable', target: 'all', threshold: 0 },
          { kind: 'availableBelow', target: '10', threshold: 2 },
        ],
      },
    });
  });

  it('says which rule is wrong', () => {
    expect(validate({ rules: [{ kind: 'longestWait', target: 'all', threshold: 5 }, { kind: 'nope' }] })).toEqual({
      ok: false,
      errors: { rules: 'Rule 2: choose what it watches.' },
    });
    expect(validate({ rules: [{ kind: 'slaBelow', target: 'all', threshold: 101 }] })).toEqual({
      ok: false,
      errors: { rules: 'Rule 1 (SLA below): the threshold must be a whole number from 0 to 100.' },
    });
    expect(validate({ rules: [{ kind: 'waiting', target: '=1+1', threshold: 1 }] })).toEqual({
      ok: false,
      errors: { rules: 'Rule 1: choose a line or all lines.' },
    });
  });

  it('reads recipients separated by commas, spaces or semicolons, and refuses what is not an address', () => {
    expect(validate({ emailTo: ' a@x.com, b@y.org;a@x.com ' })).toMatchObject({
      ok: true,
      settings: { emailTo: ['a@x.com', 'b@y.org'] },
    });
    expect(validate({ emailTo: 'a@x.com, =HYPERLINK("x")' })).toEqual({
      ok: false,
      errors: { emailTo: '"=HYPERLINK("x")" is not an email address.' },
    });
  });

  it('keeps quiet hours whole, or none', () => {
    expect(validate({ quietFromHour: '19', quietToHour: '8' })).toMatchObject({
      ok: true,
      settings: { quietHours: { fromHour: 19, toHour: 8 } },
    });
    expect(validate({ quietFromHour: '19', quietToHour: '' })).toMatchObject({ ok: false });
    expect(validate({ quietFromHour: '', quietToHour: '' })).toMatchObject({
      ok: true,
      settings: { quietHours: null },
    });
    expect(validate({ quietDays: [6, '7', 6] })).toMatchObject({ ok: true, settings: { quietDays: [6, 7] } });
    expect(validate({ quietDays: [0] })).toMatchObject({ ok: false });
  });

  it('keeps the daily cap inside MailApp’s consumer quota of 100 recipients', () => {
    // 20 alerts × 2 messages × 2 recipients = 80 ≤ 100.
    expect(validate({ emailTo: 'a@x.com, b@x.com', dailyCap: 20 })).toMatchObject({ ok: true });
    // 20 × 2 × 3 = 120 > 100: at most 16.
    expect(validate({ emailTo: 'a@x.com, b@x.com, c@x.com', dailyCap: 20 })).toEqual({
      ok: false,
      errors: {
        dailyCap:
          "With 3 email recipients, at most 16 alerts a day keep within MailApp's quota of 100 recipients a day (each alert may be followed by the message that clears it).",
      },
    });
  });

  it('names rules in the user’s words, and ids them by what they say', () => {
    expect(describeRule({ kind: 'longestWait', target: 'all', threshold: 60 })).toBe('Longest wait above 60 s');
    expect(describeRule({ kind: 'noAgentAvailable', target: '7', threshold: 0 })).toBe(
      'No agent available while a caller waits',
    );
    expect(describeRule({ kind: 'availableBelow', target: 'all', threshold: 2 })).toBe('Agents available below 2');
    expect(describeRule({ kind: 'slaBelow', target: 'all', threshold: 80 })).toBe('SLA below 80 %');
    expect(ruleId({ kind: 'slaBelow', target: '7', threshold: 80 })).toBe('slaBelow:7:80');
  });
});
