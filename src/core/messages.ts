import { z } from './zod-setup';
import { OwnFindingSchema } from './post';
import { OwnAccountObservationSchema } from './account';
import { DiagnosticsSchema } from './diagnostics';
import { SettingsSchema } from './settings';
import { ExposureSummarySchema } from './summary';
import { OverviewSchema, ViewerStateSchema } from './overview';
import { PlatformSchema } from './platform';
import { LIMITS } from './limits';
import { SCAN_CONTENT_SCRIPT_REQUESTS, SCAN_REQUESTS, ScanReplyPayloads } from './scan';
import { FIX_CONTENT_SCRIPT_REQUESTS, FIX_REQUESTS, FixReplyPayloads } from './fix-queue';

/**
 * The message table: every message a content script or an extension page sends to the worker.
 * The worker parses each with `RequestSchema`; who may send which is decided by `CONTENT_SCRIPT_REQUESTS`
 * (content scripts) — extension pages may send all. Requests are strict: an unknown field is refused.
 */
export const RecordFindingsRequest = z.strictObject({
  type: z.literal('findings/record'),
  /** Lets the content script match an acknowledgement to the batch it sent. */
  batchId: z.string().check(z.minLength(1), z.maxLength(64)),
  // Only the user's own posts are ever stored: the worker refuses anyone else's.
  findings: z.array(OwnFindingSchema).check(z.maxLength(LIMITS.findingsPerBatch)),
  // Only the user's own accounts are stored, like their own posts.
  accounts: z.optional(z.array(OwnAccountObservationSchema).check(z.maxLength(20))),
  diagnostics: z.optional(DiagnosticsSchema),
});

export const GetSummaryRequest = z.strictObject({ type: z.literal('summary/get') });
export const GetSettingsRequest = z.strictObject({ type: z.literal('settings/get') });
export const SetSettingsRequest = z.strictObject({ type: z.literal('settings/set'), settings: z.partial(SettingsSchema) });
export const DeleteEverythingRequest = z.strictObject({ type: z.literal('data/delete-all'), confirm: z.literal(true) });

export const GetOverviewRequest = z.strictObject({ type: z.literal('overview/get') });
/** "I have objected": the date the user sent Meta's form (not in the future). */
export const RecordObjectionRequest = z.strictObject({
  type: z.literal('objection/record'),
  platform: PlatformSchema,
  objectedAt: z.int().check(z.nonnegative()),
});
export const ClearObjectionRequest = z.strictObject({ type: z.literal('objection/clear'), platform: PlatformSchema });
/** The user opened the objection form from the popup: next time the popup asks whether they sent it. */
export const FormOpenedRequest = z.strictObject({ type: z.literal('objection/form-opened'), platform: PlatformSchema });
export const DismissFormPromptRequest = z.strictObject({ type: z.literal('objection/dismiss-prompt'), platform: PlatformSchema });
/** The stored privacy of the viewer's own account, so a content script can badge without the profile. */
export const GetViewerStateRequest = z.strictObject({
  type: z.literal('accounts/viewer-state'),
  platform: PlatformSchema,
  accountId: z.string().check(z.minLength(1), z.maxLength(LIMITS.idLength)),
});

export const RequestSchema = z.discriminatedUnion('type', [
  GetOverviewRequest,
  RecordObjectionRequest,
  ClearObjectionRequest,
  FormOpenedRequest,
  DismissFormPromptRequest,
  GetViewerStateRequest,
  RecordFindingsRequest,
  GetSummaryRequest,
  GetSettingsRequest,
  SetSettingsRequest,
  DeleteEverythingRequest,
  ...SCAN_REQUESTS,
  ...FIX_REQUESTS,
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Content scripts run on facebook.com and instagram.com pages: they may only report what they saw. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>([
  'findings/record',
  'settings/get',
  'accounts/viewer-state',
  ...SCAN_CONTENT_SCRIPT_REQUESTS,
  ...FIX_CONTENT_SCRIPT_REQUESTS,
]);

export const ReplyPayloads = {
  'findings/record': z.object({ batchId: z.string(), stored: z.int() }),
  'summary/get': ExposureSummarySchema,
  'settings/get': SettingsSchema,
  'settings/set': SettingsSchema,
  'data/delete-all': z.object({ deleted: z.literal(true) }),
  'overview/get': OverviewSchema,
  'objection/record': z.object({ done: z.literal(true) }),
  'objection/clear': z.object({ done: z.literal(true) }),
  'objection/form-opened': z.object({ done: z.literal(true) }),
  'objection/dismiss-prompt': z.object({ done: z.literal(true) }),
  'accounts/viewer-state': ViewerStateSchema,
  ...ScanReplyPayloads,
  ...FixReplyPayloads,
} satisfies Record<RequestType, z.ZodMiniType>;

export type ReplyPayload<T extends RequestType> = z.infer<(typeof ReplyPayloads)[T]>;

/** Why a message got no payload: what senders act on. The English `detail` is for people, never matched. */
export const ErrorCodeSchema = z.enum([
  // The worker refused it: not a message of the table (or malformed), or not one this sender may send.
  'invalid-message',
  'not-allowed',
  // The worker could not do it: the database would not open (the next message tries again), the disk is full, anything else.
  'database-unavailable',
  'storage-full',
  'failed',
  // The full scan's refusals (src/background/full-scan.ts).
  'scan-no-tabs',
  'scan-instagram-username-unknown',
  'scan-not-this-tab',
  'scan-no-platform',
  // The guided fix's refusals (src/background/guided-fix.ts): no tab could be opened; the step is not (or no longer) in the queue.
  'fix-no-tabs',
  'fix-step-unknown',
  // The sender's side (src/lib/worker-client.ts): no worker answered, or the answer was not a reply to the message.
  'worker-unreachable',
  'malformed-reply',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const FailureSchema = z.object({ ok: z.literal(false), code: ErrorCodeSchema, detail: z.string().check(z.maxLength(300)) });
export type Failure = z.infer<typeof FailureSchema>;

export const failure = (code: ErrorCode, detail: string): Failure => ({ ok: false, code, detail: detail.slice(0, 300) });

/** The sender's own failures: the message reached no worker, or the answer was not a reply. Worth a retry, unlike a refusal. */
export const isUnanswered = (reply: { ok: boolean; code?: ErrorCode }): boolean =>
  !reply.ok && (reply.code === 'worker-unreachable' || reply.code === 'malformed-reply');

export type Reply<T extends RequestType> = ({ ok: true } & ReplyPayload<T>) | Failure;

const buildReplySchema = <T extends RequestType>(type: T) =>
  z.union([z.intersection(z.object({ ok: z.literal(true) }), ReplyPayloads[type]), FailureSchema]);
const replySchemas = new Map<RequestType, ReturnType<typeof buildReplySchema>>();

/**
 * The whole reply to a message of `type`, as its sender parses it: its payload, or a failure. Built
 * once per type: making a zod schema costs more than parsing a reply with it, and a content script
 * asks this at every batch it sends (a quarter of its messaging time on a heavy feed).
 */
export function replySchema<T extends RequestType>(type: T): ReturnType<typeof buildReplySchema<T>> {
  let schema = replySchemas.get(type);
  if (!schema) replySchemas.set(type, (schema = buildReplySchema(type)));
  return schema as ReturnType<typeof buildReplySchema<T>>;
}

/**
 * The worker's answer to a message of `type`, parsed as its reply, whichever way it came (a one-shot
 * message, src/lib/worker-client.ts, or the worker line, src/lib/worker-line.ts): none at all is
 * `worker-unreachable`, one that is not a reply to this message is `malformed-reply`.
 */
export function readReply<T extends RequestType>(type: T, answer: unknown): Reply<T> {
  if (answer === undefined) return failure('worker-unreachable', 'no reply from the worker');
  const parsed = replySchema(type).safeParse(answer);
  if (parsed.success) return parsed.data as Reply<T>;
  return failure('malformed-reply', `malformed reply to ${type}: ${describeIssue(parsed.error)}`);
}

/** A zod failure in one line, where and what: for a refused message's or a malformed reply's `detail`. */
export function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'message';
  return `${where}: ${issue.message}`;
}
