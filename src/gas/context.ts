/**
 * The directory the Calls sidebars' server functions need: users, teams and numbers, each refreshed
 * when its interval has passed, with the user↔number map.
 */
import type { AircallClient } from '../aircall/client';
import { openAircall } from './aircall';
import { ensureDirectory, loadUserNumberMap } from './directory';
import { loadSettings } from './settings-store';

export interface DirectoryView {
  users: { id: number; name: string; email?: string }[];
  teams: { id: number; name: string; userIds: number[] }[];
  numbers: { id: number; name: string; digits: string }[];
  userNumbers: Record<number, number[]> | null;
}

/** The cached directory, fetching only the parts whose refresh interval has passed. */
export function refreshedDirectory(client: AircallClient = openAircall()): DirectoryView {
  const directory = ensureDirectory(client, loadSettings(), Date.now());
  const map = loadUserNumberMap();
  return {
    users: directory.users,
    teams: directory.teams,
    numbers: directory.numbers,
    userNumbers: map ? map.byUser : null,
  };
}
