/**
 * Turns the model into Aircall's JSON shapes, matching the contract fixtures in test/fixtures/aircall (key sets and
 * value types): full users on /users, abridged users inside calls and teams, numbers with their users.
 */
import type { Agent, CallCenter, CallRecord, Line, TagRecord, TeamRecord } from './model.js';
import type {
  CallPayload,
  CommentAuthorPayload,
  NestedUserPayload,
  NumberPayload,
  TagPayload,
  TeamPayload,
  UserPayload,
  UserV1WithNumbersPayload,
} from './payloads.js';

export const API_ORIGIN = 'https://api.aircall.io';

const seconds = (ms: number) => Math.floor(ms / 1000);
const MEDIA = 'https://example.com';
/** Aircall's direct media links stay valid for an hour after they are served (docs/aircall-notes.md). */
const MEDIA_VALID_SEC = 3_600;

/** A media URL as served at `nowMs`: signed, and expiring an hour later. */
function signed(url: string | null, nowMs: number): string | null {
  if (url === null) return null;
  const expires = seconds(nowMs) + MEDIA_VALID_SEC;
  return `${url}?Expires=${expires}&Signature=${(expires * 2_654_435_761).toString(36)}`;
}

/** A user as nested in calls and teams: no substatus nor wrap_up_time. */
export function toNestedUser(agent: Agent): NestedUserPayload {
  return {
    id: agent.id,
    direct_link: `${API_ORIGIN}/v1/users/${agent.id}`,
    name: agent.name,
    email: agent.email,
    available: agent.availabilityStatus !== 'unavailable',
    availability_status: agent.availabilityStatus,
    created_at: agent.createdAt,
    time_zone: agent.timeZone,
    language: agent.language,
  };
}

/** A user as /v2/users and /v2/users/:id give it (and /v1/users listed it): no numbers. */
export function toUser(agent: Agent): UserPayload {
  return {
    ...toNestedUser(agent),
    substatus: agent.availabilityStatus === 'unavailable' ? 'always_closed' : 'always_opened',
    wrap_up_time: agent.wrapUpTime,
  };
}

/** A number ("line"); `users` is given on /v1/numbers rows and /v1/numbers/:id, omitted when nested. */
export function toNumber(line: Line, users?: NestedUserPayload[]): NumberPayload {
  const number: NumberPayload = {
    id: line.id,
    direct_link: `${API_ORIGIN}/v1/numbers/${line.id}`,
    name: line.name,
    digits: line.digits,
    created_at: line.createdAt,
    country: line.country,
    time_zone: line.timeZone,
    open: line.availabilityStatus !== 'closed',
    availability_status: line.availabilityStatus,
    is_ivr: line.isIvr,
    live_recording_activated: true,
    priority: null,
    messages: {
      welcome: `${MEDIA}/welcome.mp3`,
      waiting: `${MEDIA}/waiting_music.mp3`,
      ivr: `${MEDIA}/ivr_message.mp3`,
      voicemail: `${MEDIA}/voicemail.mp3`,
      closed: `${MEDIA}/closed_message.mp3`,
      callback_later: `${MEDIA}/callback_later.mp3`,
      unanswered_call: `${MEDIA}/unanswered_call.mp3`,
      after_hours: `${MEDIA}/closed_message.mp3`,
      ringing_tone: `${MEDIA}/waiting_music.mp3`,
    },
  };
  return users ? { ...number, users } : number;
}

export function numberWithUsers(center: CallCenter, line: Line): NumberPayload {
  return toNumber(
    line,
    line.userIds.map((id) => toNestedUser(center.agent(id)!)),
  );
}

export function toTeam(center: CallCenter, team: TeamRecord): TeamPayload {
  return {
    id: team.id,
    name: team.name,
    direct_link: `${API_ORIGIN}/v1/teams/${team.id}`,
    created_at: team.createdAt,
    users: team.userIds.map((id) => toNestedUser(center.agent(id)!)),
  };
}

export function toTag(tag: TagRecord): TagPayload {
  return {
    id: tag.id,
    direct_link: `${API_ORIGIN}/v1/tags/${tag.id}`,
    name: tag.name,
    color: tag.color,
    description: tag.description,
  };
}

/** GET /v1/users/:id before its retirement: the user with the numbers they answer. */
export function toUserV1WithNumbers(center: CallCenter, agent: Agent): UserV1WithNumbersPayload {
  return { ...toUser(agent), numbers: agent.numberIds.map((id) => toNumber(center.line(id)!)) };
}

export function toCall(center: CallCenter, call: CallRecord): CallPayload {
  const agent = call.userId === null ? undefined : center.agent(call.userId);
  const line = center.line(call.numberId);
  const endedAt = call.endedMs === null ? null : seconds(call.endedMs);
  return {
    id: call.id,
    sid: `CA${call.id}`,
    direct_link: `${API_ORIGIN}/v1/calls/${call.id}`,
    direction: call.direction,
    status: call.status,
    missed_call_reason: call.missedCallReason,
    started_at: seconds(call.startedMs),
    answered_at: call.answeredMs === null ? null : seconds(call.answeredMs),
    ended_at: endedAt,
    // In-progress calls report 0, as in the documented sample.
    duration: endedAt === null ? 0 : endedAt - seconds(call.startedMs),
    voicemail: signed(call.voicemail, center.nowMs),
    recording: signed(call.recording, center.nowMs),
    asset: call.asset,
    raw_digits: call.rawDigits,
    user: agent ? toNestedUser(agent) : null,
    contact: null,
    archived: false,
    assigned_to: null,
    tags: call.tagIds.map((id) => toTag(center.tags.find((tag) => tag.id === id)!)),
    transferred_by: nestedOrNull(center, call.transferredById),
    transferred_to: nestedOrNull(center, call.transferredToId),
    // Aircall gives teams on inbound calls only: outbound ones omit the field.
    ...(call.direction === 'inbound'
      ? {
          teams: call.teamIds
            .map((id) => center.teams.find((team) => team.id === id)!)
            .map(({ id, name }) => ({ id, name })),
        }
      : {}),
    number: line ? toNumber(line) : null,
    cost: '0.0',
    comments: call.comments.map((comment) => {
      const author = comment.byUserId === null ? undefined : center.agent(comment.byUserId);
      return {
        id: comment.id,
        content: comment.content,
        posted_at: seconds(comment.postedMs),
        posted_by: author ? postedBy(author) : null,
      };
    }),
  };
}

function nestedOrNull(center: CallCenter, agentId: number | null): NestedUserPayload | null {
  const agent = agentId === null ? undefined : center.agent(agentId);
  return agent ? toNestedUser(agent) : null;
}

/** Comment authors also drop time_zone and language. */
function postedBy(agent: Agent): CommentAuthorPayload {
  const { time_zone: _zone, language: _language, ...user } = toNestedUser(agent);
  return user;
}
