/** Session: who runs the execution, and the script's time zone (appsscript.json). */
import { createHash } from 'node:crypto';
import type { Implements } from './gas-types.js';

type GasUser = GoogleAppsScript.Base.User;

export class User implements Implements<GasUser, 'getEmail'> {
  static readonly gasName = 'User';

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }
}

type GasSession = GoogleAppsScript.Base.Session;

export class Session
  implements
    Implements<
      GasSession,
      'getActiveUser' | 'getEffectiveUser' | 'getScriptTimeZone' | 'getTemporaryActiveUserKey' | 'getActiveUserLocale'
    >
{
  static readonly gasName = 'Session';

  constructor(
    private readonly user: string,
    private readonly timeZone: string,
    /** Consumer accounts: the active user of someone else's script is not disclosed. */
    private readonly activeUserHidden = false,
  ) {}

  /**
   * "If security policies do not allow access to the user's identity, User.getEmail() returns a
   * blank string … these restrictions generally do not apply if the developer runs the script
   * themselves or belongs to the same Google Workspace domain as the user"
   * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()).
   */
  getActiveUser(): User {
    return new User(this.activeUserHidden ? '' : this.user);
  }

  /** Executions here always run as the user who started them (triggers: their creator). */
  getEffectiveUser(): User {
    return new User(this.user);
  }

  getScriptTimeZone(): string {
    return this.timeZone;
  }

  /** Stable per user and script, opaque. */
  getTemporaryActiveUserKey(): string {
    return createHash('sha256').update(`temporary-key:${this.user}`).digest('base64url').slice(0, 43);
  }

  getActiveUserLocale(): string {
    return 'en';
  }
}
