import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../src/aircall/types';
import { ActivityIndex, agentsByLine, hasActivity } from '../../src/tracker/kpi';
import { answeredInbound, live, missed, outbound, waiting } from '../fixtures/board-input';

const MAP = { 1: [10], 2: [10, 20], 3: [10] };

function kpiOf(calls: Call[], agentId: number, userNumbers: Record<number, number[]> | null = MAP, slaSec = 0) {
  return new ActivityIndex(calls, agentsByLine(userNumbers)).kpi(agentId, slaSec);
}

describe('ActivityIndex', () => {
  it('counts answered inbound and outbound calls for the agent who took them', () => {
    const calls = [answeredInbound(1, 10), answeredInbound(1, 20), live(1, 10, 30), outbound(1, 10), outbound(2, 10)];
    expect(kpiOf(calls, 1)).toMatchObject({ inbound: 3, outbound: 1 });
    expect(kpiOf(calls, 2)).toMatchObject({ inbound: 0, outbound: 1 });
  });

  it('does not count a ringing inbound call as answered', () => {
    expect(kpiOf([waiting(10, 5)], 1)).toMatchObject({ inbound: 0, outbound: 0, missed: 0 });
  });

  it('counts one missed call on a line shared by 3 agents once for each of them (the documented inference)', () => {
    const calls = [missed(10)];
    expect([1, 2, 3, 4].map((id) => kpiOf(calls, id).missed)).toEqual([1, 1, 1, 0]);
    expect([1, 2, 3, 4].map((id) => kpiOf([missed(20)], id).missed)).toEqual([0, 1, 0, 0]);
  });

  it('counts no missed call at all without a user↔number map', () => {
    const kpi = kpiOf([missed(10), answeredInbound(1, 10)], 1, null);
    expect(kpi.missed).toBeNull();
    expect(hasActivity(kpiOf([missed(10)], 1, null))).toBe(false);
  });

  it('flags an SLA breach when the average answer time exceeds the SLA', () => {
    const calls = [answeredInbound(1, 10, 10), answeredInbound(1, 10, 40)];
    expect(kpiOf(calls, 1, MAP, 24)).toMatchObject({ averageAnswerSec: 25, slaBreach: true });
    expect(kpiOf(calls, 1, MAP, 25)).toMatchObject({ slaBreach: false });
    expect(kpiOf(calls, 1, MAP, 0)).toMatchObject({ slaBreach: false });
  });

  it('leaves calls with no answer time out of the SLA average instead of breaking it', () => {
    const unanswered = { ...answeredInbound(1, 10), answered_at: null };
    const kpi = kpiOf([answeredInbound(1, 10, 30), unanswered], 1, MAP, 20);
    expect(kpi).toMatchObject({ inbound: 1, averageAnswerSec: 30, slaBreach: true });
    expect(kpiOf([unanswered], 1, MAP, 20)).toMatchObject({ averageAnswerSec: null, slaBreach: false });
  });

  it('keeps the most recently answered call in progress as the live call', () => {
    const older = live(1, 10, 300);
    const newer = live(1, 20, 60);
    const index = new ActivityIndex([newer, older, answeredInbound(1, 10)], null);
    expect(index.liveCall(1)).toBe(newer);
    expect(index.liveCall(2)).toBeNull();
  });
});
