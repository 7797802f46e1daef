/**
 * Agents as pickers show them: the name alone, unless another agent has the same name (Aircall
 * allows it), in which case each carries its email, or its Aircall id when there is no email.
 */
export interface PickerAgent {
  id: number;
  name: string;
  /** The name, plus what tells it apart from a namesake. */
  label: string;
}

const sameName = (name: string) => name.trim().toLocaleLowerCase();

export function agentLabels(users: readonly { id: number; name: string; email?: string }[]): PickerAgent[] {
  const seen = new Map<string, number>();
  for (const user of users) seen.set(sameName(user.name), (seen.get(sameName(user.name)) ?? 0) + 1);
  const emails = new Map<string, number>();
  for (const user of users) if (user.email) emails.set(user.email, (emails.get(user.email) ?? 0) + 1);
  return users.map((user) => {
    if ((seen.get(sameName(user.name)) ?? 0) < 2) return { id: user.id, name: user.name, label: user.name };
    const detail = user.email && emails.get(user.email) === 1 ? user.email : `id ${user.id}`;
    return { id: user.id, name: user.name, label: `${user.name.trim()} (${detail})` };
  });
}
