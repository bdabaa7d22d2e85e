import { z } from './zod-setup';
import { FindingSchema } from './post';
import { AccountObservationSchema } from './account';
import { DiagnosticsSchema } from './diagnostics';
import { SettingsSchema } from './settings';
import { ExposureSummarySchema } from './summary';
import { LIMITS } from './limits';

/**
 * The message table: every message a content script or an extension page sends to the worker.
 * The worker parses each with `RequestSchema`; who may send which is decided by `SENDER_RULES`.
 */
export const RecordFindingsRequest = z.object({
  type: z.literal('findings/record'),
  /** Lets the content script match an acknowledgement to the batch it sent. */
  batchId: z.string().min(1).max(64),
  findings: z.array(FindingSchema).max(LIMITS.findingsPerBatch),
  accounts: z.array(AccountObservationSchema).max(20).optional(),
  diagnostics: DiagnosticsSchema.optional(),
});

export const GetSummaryRequest = z.object({ type: z.literal('summary/get') });
export const GetSettingsRequest = z.object({ type: z.literal('settings/get') });
export const SetSettingsRequest = z.object({ type: z.literal('settings/set'), settings: SettingsSchema.partial() });
export const DeleteEverythingRequest = z.object({ type: z.literal('data/delete-all'), confirm: z.literal(true) });

export const RequestSchema = z.discriminatedUnion('type', [
  RecordFindingsRequest,
  GetSummaryRequest,
  GetSettingsRequest,
  SetSettingsRequest,
  DeleteEverythingRequest,
]);
export type Request = z.infer<typeof RequestSchema>;
export type RequestType = Request['type'];

/** Content scripts run on facebook.com and instagram.com pages: they may only report what they saw. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<RequestType> = new Set<RequestType>(['findings/record', 'settings/get']);

export const ReplyPayloads = {
  'findings/record': z.object({ batchId: z.string(), stored: z.number().int(), changed: z.number().int() }),
  'summary/get': ExposureSummarySchema,
  'settings/get': SettingsSchema,
  'settings/set': SettingsSchema,
  'data/delete-all': z.object({ deleted: z.literal(true) }),
} satisfies Record<RequestType, z.ZodType>;

export type ReplyPayload<T extends RequestType> = z.infer<(typeof ReplyPayloads)[T]>;
export type Reply<T extends RequestType> = ({ ok: true } & ReplyPayload<T>) | { ok: false; error: string };
