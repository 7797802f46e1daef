/**
 * Configure › Save with a newly typed key: Aircall is asked first (as Test connection does), so a
 * key it rejects is never stored, and the board's users, teams and user↔number map are dropped only
 * when the new key opens another Aircall account, with a message saying so — never silently.
 */
import { AircallError } from '../aircall/client';
import { describeFailure, openAircall, WAIT_IN_SIDEBAR_MS } from './aircall';
import { storedDirectory } from './directory';
import type { Credentials } from './settings-store';

export type TypedKeyCheck =
  /** Aircall refused the key: nothing is saved. */
  | { verdict: 'refused'; message: string }
  /** Aircall accepted it; `otherAccount`: it sees none of the board's agents. */
  | { verdict: 'accepted'; otherAccount: boolean }
  /** Aircall could not be asked (network, rate limit, outage): saved, with a word of warning. */
  | { verdict: 'unchecked'; message: string };

export function checkTypedKey(credentials: Credentials, previousApiId: string | null): TypedKeyCheck {
  const client = openAircall(credentials, WAIT_IN_SIDEBAR_MS);
  try {
    client.company();
  } catch (error) {
    const message = describeFailure(error);
    return error instanceof AircallError && error.kind === 'auth'
      ? { verdict: 'refused', message }
      : { verdict: 'unchecked', message };
  }
  const known = storedDirectory()?.users ?? [];
  if (previousApiId === credentials.apiId || known.length === 0) return { verdict: 'accepted', otherAccount: false };
  // A new key of the same account (rotated, or another admin's) sees the same agents: user ids are Aircall-wide.
  try {
    const ids = new Set(known.map((user) => user.id));
    return { verdict: 'accepted', otherAccount: !client.listUsers().some((user) => ids.has(user.id)) };
  } catch {
    return { verdict: 'accepted', otherAccount: true };
  }
}

export const KEY_REFUSED = (message: string) => `Aircall refused this key, so it was not saved: ${message}`;
export const KEY_UNCHECKED = (message: string) =>
  `Settings saved, but Aircall could not check the key just now (${message}). Use Test connection in a moment.`;
export const OTHER_ACCOUNT =
  "This key opens another Aircall account: the previous account's users, teams and user↔number map were cleared. Run Activity Tracker › Map Users to Numbers for this account.";
