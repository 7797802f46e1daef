import { describe, expect, it } from '@jest/globals';
import { agentLabels } from '../../src/calls/agents';

describe('agentLabels', () => {
  it('shows a name alone when nobody else has it', () => {
    expect(agentLabels([{ id: 1, name: 'Ana Lopez', email: 'ana@example.com' }])).toEqual([
      { id: 1, name: 'Ana Lopez', label: 'Ana Lopez' },
    ]);
  });

  it('tells namesakes apart by email, or by id when the email is missing or shared', () => {
    const labels = agentLabels([
      { id: 1, name: 'Arthur Dubois', email: 'arthur@paris.example' },
      { id: 2, name: 'arthur dubois ', email: 'a.dubois@lyon.example' },
      { id: 3, name: 'Arthur Dubois' },
      { id: 4, name: 'Chen Wei' },
    ]).map((agent) => agent.label);
    expect(labels).toEqual([
      'Arthur Dubois (arthur@paris.example)',
      'arthur dubois (a.dubois@lyon.example)',
      'Arthur Dubois (id 3)',
      'Chen Wei',
    ]);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
