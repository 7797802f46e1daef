/**
 * Aircall Public API shapes used by the product (see docs/aircall-notes.md).
 * Only the fields the product reads are typed; everything else passes through untouched.
 * Timestamps on calls are UNIX seconds; created_at on users/teams/numbers is ISO 8601.
 */

/** Agent state from GET /v1/users/availabilities: the only source of live agent status. */
export type Availability = 'available' | 'offline' | 'do_not_disturb' | 'in_call' | 'after_call_work';

/** The user's own setting, from GET/PUT /v2/users/:id. "custom" is "Auto" in the phone app. */
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

export const MISSED_CALL_REASONS: readonly MissedCallReason[] = [
  'out_of_opening_hours',
  'short_abandoned',
  'abandoned_in_ivr',
  'abandoned_in_classic',
  'no_available_agent',
  'agents_did_not_answer',
];

export interface Meta {
  count: number;
  total: number;
  current_page: number;
  per_page: number;
  next_page_link: string | null;
  previous_page_link: string | null;
}

/** A User V2 (/v2/users): unlike User V1 it carries no `numbers` (GET /v2/users/:id/numbers lists them). */
export interface User {
  id: number;
  direct_link?: string;
  name: string;
  email?: string;
  available?: boolean;
  availability_status?: AvailabilityStatus;
  substatus?: string;
  created_at?: string;
  time_zone?: string;
  language?: string;
  wrap_up_time?: number;
}

export interface UserAvailability {
  id: number;
  availability: Availability | string;
}

export interface Team {
  id: number;
  direct_link?: string;
  name: string;
  created_at?: string;
  users: User[];
}

/** An Aircall phone number ("line"). Named AircallNumber to avoid shadowing the JS Number. */
export interface AircallNumber {
  id: number;
  direct_link?: string;
  name: string;
  digits: string;
  country?: string;
  time_zone?: string;
  created_at?: string;
  availability_status?: 'open' | 'custom' | 'closed';
  /** Present on GET /v1/numbers/:id; uncertain on list rows. */
  users?: User[];
}

export interface Tag {
  id: number;
  direct_link?: string;
  name: string;
  color?: string;
  description?: string | null;
}

export interface CallComment {
  id: number;
  content: string;
  posted_at: number;
  posted_by: User | null;
}

export interface Call {
  id: number;
  sid?: string;
  direct_link?: string;
  direction: CallDirection;
  status: CallStatus;
  missed_call_reason: MissedCallReason | null;
  started_at: number;
  answered_at: number | null;
  ended_at: number | null;
  duration: number;
  raw_digits: string;
  voicemail: string | null;
  recording: string | null;
  asset: string | null;
  user: User | null;
  number: AircallNumber | null;
  assigned_to?: User | null;
  transferred_by?: User | null;
  transferred_to?: User | null;
  archived?: boolean;
  tags: Tag[];
  comments: CallComment[];
  /** Inbound calls only: the teams the call was routed to. */
  teams?: { id: number; name: string }[];
}

/** Error bodies: app tier {error, troubleshoot}; edge tier {message}. */
export interface ErrorBody {
  error?: string;
  troubleshoot?: string;
  message?: string;
}
