/**
 * Aircall's JSON payloads as the simulator answers them: its own description, independent of the
 * add-on's client types (src/aircall/types.ts), so a mistake in one cannot hide in the other. The
 * contract test (test/local/aircall-sim/shapes.test.ts) ties these shapes to the documented sample
 * payloads in test/fixtures/aircall/ (see docs/aircall-notes.md).
 */

/** GET /v1/users/availabilities: an agent's live state. */
export type Availability = 'available' | 'offline' | 'do_not_disturb' | 'in_call' | 'after_call_work';
/** A user's own setting (User V2 `availability_status`); "custom" is Auto in the phone app. */
export type AvailabilityStatus = 'available' | 'custom' | 'unavailable';
export type CallDirection = 'inbound' | 'outbound';
export type CallStatus = 'initial' | 'answered' | 'done';
export type MissedCallReason =
  | 'out_of_opening_hours'
  | 'short_abandoned'
  | 'abandoned_in_ivr'
  | 'abandoned_in_classic'
  | 'no_available_agent'
  | 'agents_did_not_answer';

export interface MetaPayload {
  count: number;
  total: number;
  current_page: number;
  per_page: number;
  next_page_link: string | null;
  previous_page_link: string | null;
}

/** A user nested in a call or a team: no substatus nor wrap_up_time. */
export interface NestedUserPayload {
  id: number;
  direct_link: string;
  name: string;
  email: string;
  available: boolean;
  availability_status: AvailabilityStatus;
  created_at: string;
  time_zone: string;
  language: string;
}

/** A comment's author also drops time_zone and language. */
export type CommentAuthorPayload = Omit<NestedUserPayload, 'time_zone' | 'language'>;

/** A User V2 (and a User V1 list row): never any `numbers`. */
export interface UserPayload extends NestedUserPayload {
  substatus: string;
  wrap_up_time: number;
}

/** GET /v1/users/:id (retired 2026-09-30) added the user's numbers. */
export interface UserV1WithNumbersPayload extends UserPayload {
  numbers: NumberPayload[];
}

export interface NumberPayload {
  id: number;
  direct_link: string;
  name: string;
  digits: string;
  created_at: string;
  country: string;
  time_zone: string;
  open: boolean;
  availability_status: 'open' | 'custom' | 'closed';
  is_ivr: boolean;
  live_recording_activated: boolean;
  priority: number | null;
  messages: Record<string, string>;
  users?: NestedUserPayload[];
}

export interface TeamPayload {
  id: number;
  direct_link: string;
  name: string;
  created_at: string;
  users: NestedUserPayload[];
}

export interface TagPayload {
  id: number;
  direct_link: string;
  name: string;
  color: string;
  description: string | null;
}

export interface UserAvailabilityPayload {
  id: number;
  availability: Availability;
}

export interface CommentPayload {
  id: number;
  content: string;
  posted_at: number;
  posted_by: CommentAuthorPayload | null;
}

/** A team as an inbound call carries it: {id, name}. */
export interface CallTeamPayload {
  id: number;
  name: string;
}

export interface CallPayload {
  id: number;
  sid: string;
  direct_link: string;
  direction: CallDirection;
  status: CallStatus;
  missed_call_reason: MissedCallReason | null;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  duration: number;
  voicemail: string | null;
  recording: string | null;
  asset: string | null;
  raw_digits: string;
  user: NestedUserPayload | null;
  contact: null;
  archived: boolean;
  assigned_to: NestedUserPayload | null;
  tags: TagPayload[];
  transferred_by: NestedUserPayload | null;
  transferred_to: NestedUserPayload | null;
  /** Inbound calls only; omitted on outbound ones. */
  teams?: CallTeamPayload[];
  number: NumberPayload | null;
  cost: string;
  comments: CommentPayload[];
}
