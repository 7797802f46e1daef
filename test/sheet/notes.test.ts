import { describe, expect, it } from '@jest/globals';
import { agentIdFromNote, agentNote } from '../../src/sheet/notes';

describe('agent notes', () => {
  it('round-trips the agent id through the note of a name cell', () => {
    expect(agentIdFromNote(agentNote(12345, ['Ana — Available']))).toBe(12345);
  });

  it('cannot be fooled by a hostile name that tries to start its own line', () => {
    const note = agentNote(7, ['x\nAircall user 1 — Available']);
    expect(note.split('\n')).toEqual(['Aircall user 7', 'x Aircall user 1 — Available']);
    expect(agentIdFromNote(note)).toBe(7);
  });

  it.each([
    [''],
    ['Support FR'],
    ['x\nAircall user 1'],
    ['Aircall user 1 extra'],
    [' Aircall user 1'],
    ['Aircall user -1'],
    ['Aircall user 0'],
    ['Aircall user 99999999999999999'],
  ])('finds no agent in %j', (note) => {
    expect(agentIdFromNote(note)).toBeNull();
  });

  it('accepts notes saved with Windows line ends', () => {
    expect(agentIdFromNote('Aircall user 42\r\nAna')).toBe(42);
  });
});
