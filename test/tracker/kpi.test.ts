import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../src/aircall/types';
import { ActivityIndex } from '../../src/tracker/kpi';
import { answeredInbound, live, missed, missedBy, outbound, waiting } from '../fixtures/board-input';

function kpiOf(calls: Call[], agentId: number, slaSec = 0) {
  return new ActivityIndex(calls).kpi(agentId, slaSec);
}

describe('ActivityIndex', () => {
  it('counts finished calls only: answered inbound as IN, outbound as OUT, for the agent who took them', () => {
    const calls = [answeredInbound(1, 10), answeredInbound(1, 20), live(1, 10, 30), outbound(1, 10), outbound(2, 10)];
    expect(kpiOf(calls, 1)).toMatchObject({ inbound: 2, outbound: 1 });
    expect(kpiOf(calls, 2)).toMatchObject({ inbound: 0, outbound: 1 });
  });

  it('does not count a call still ringing, inbound or outbound', () => {
    expect(kpiOf([waiting(10, 5), outbound(1, 10, 'initial'), outbound(1, 10, 'answered')], 1)).toMatchObject({
      inbound: 0,
      outbound: 0,
      missed: 0,
    });
  });

  it('counts a missed call only for the agent Aircall attributes it to, never for everyone on the line', () => {
    const calls = [missed(10), missed(10), missedBy(2, 10)];
    expect([1, 2, 3].map((id) => kpiOf(calls, id).missed)).toEqual([0, 1, 0]);
    // A missed call is not an answered one, even when Aircall names an agent.
    expect(kpiOf(calls, 2).inbound).toBe(0);
  });

  it('flags an SLA breach when the average answer time exceeds the SLA', () => {
    const calls = [answeredInbound(1, 10, 10), answeredInbound(1, 10, 40)];
    expect(kpiOf(calls, 1, 24)).toMatchObject({ averageAnswerSec: 25, slaBreach: true });
    expect(kpiOf(calls, 1, 25)).toMatchObject({ slaBreach: false });
    expect(kpiOf(calls, 1, 0)).toMatchObject({ slaBreach: false });
  });

  it('counts a call in progress toward the SLA: its caller already waited', () => {
    const kpi = kpiOf([answeredInbound(1, 10, 10), live(1, 10, 60)], 1, 5);
    // live() answers 10 s after the call started.
    expect(kpi).toMatchObject({ inbound: 1, averageAnswerSec: 10, slaBreach: true });
  });

  it('leaves calls with no answer time out of the SLA average instead of breaking it', () => {
    const unanswered = { ...answeredInbound(1, 10), answered_at: null };
    const kpi = kpiOf([answeredInbound(1, 10, 30), unanswered], 1, 20);
    expect(kpi).toMatchObject({ inbound: 1, averageAnswerSec: 30, slaBreach: true });
    expect(kpiOf([unanswered], 1, 20)).toMatchObject({ averageAnswerSec: null, slaBreach: false });
  });

  it('keeps the most recently answered call in progress as the live call', () => {
    const older = live(1, 10, 300);
    const newer = live(1, 20, 60);
    const index = new ActivityIndex([newer, older, answeredInbound(1, 10)]);
    expect(index.liveCall(1)).toBe(newer);
    expect(index.liveCall(2)).toBeNull();
  });
});
