import { describe, expect, it } from '@jest/globals';
import { MISSED_CALL_REASONS } from '../../src/aircall/types';
import { MISSED_REASON_TEXT, toCallCard } from '../../src/calls/call-card';
import { HOSTILE, sidebarCalls } from '../fixtures/sidebar-calls';

const NOW = 1_700_000_000;
const ctx = { formatTime: (sec: number) => `t${sec - NOW}`, nowSec: NOW };
const byId = (id: number) => {
  const call = sidebarCalls(NOW).find((c) => c.id === id);
  if (!call) throw new Error(`no fixture call ${id}`);
  return toCallCard(call, ctx);
};

describe('toCallCard', () => {
  it('shows an answered call with agent, line, times in the given zone, wait and talk', () => {
    const card = byId(9001);
    expect(card).toMatchObject({
      direction: 'inbound',
      status: 'Answered',
      agent: 'Ana Lopez',
      line: 'Support Hotline',
      lineDigits: '+33 1 77 11 22 33',
      externalNumber: '+33 6 12 34 56 78',
      startedAt: 't-300',
      answeredAt: 't-290',
      endedAt: 't-120',
      waitSec: 10,
      talkSec: 170,
      durationSec: 180,
      tags: ['Connected'],
      comments: ['Asked for a callback (urgent)'],
      missedReasonText: null,
    });
  });

  it('explains a missed call in words and times how long the caller waited', () => {
    const card = byId(9003);
    expect(card.status).toBe('Missed, voicemail left');
    expect(card.missedReasonText).toBe('Caller hung up within seconds');
    expect(card.answeredAt).toBeNull();
    expect(card.waitSec).toBe(4);
    expect(card.talkSec).toBeNull();
  });

  it('times a call still in progress up to now', () => {
    const card = byId(9006);
    expect(card.status).toBe('In progress');
    expect(card.endedAt).toBeNull();
    expect(card.talkSec).toBe(95);
  });

  it('has words for every Aircall missed-call reason', () => {
    const texts = MISSED_CALL_REASONS.map((reason) => MISSED_REASON_TEXT[reason]);
    for (const text of texts) expect(text).toMatch(/^[A-Z][A-Za-z ]+$/);
    expect(new Set(texts).size).toBe(MISSED_CALL_REASONS.length);
  });

  it('keeps hostile text as data, including in the raw JSON', () => {
    const card = byId(9002);
    expect(card.agent).toBe(HOSTILE.agent);
    expect(card.tags).toContain(HOSTILE.tag);
    expect(card.comments).toEqual([HOSTILE.comment]);
    expect(JSON.parse(card.rawJson).id).toBe(9002);
  });
});
