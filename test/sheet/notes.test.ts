import { describe, expect, it } from '@jest/globals';
import { agentIdFromNote, agentInCell, agentNote } from '../../src/sheet/notes';

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

  it("reads the agent of a cell only when the note's name is the cell's first line", () => {
    const note = agentNote(12, ['Ana Diaz', 'Available']);
    expect(agentInCell('Ana Diaz\nAvailable ≥1:00', note)).toEqual({ id: 12, name: 'Ana Diaz' });
    // A refresh caught between writing the notes and the values: another agent's name over this note.
    expect(agentInCell('Bruno Silva\nOffline', note)).toBe('refreshing');
    expect(agentInCell('Live Queue', '')).toBeNull();
  });
});
