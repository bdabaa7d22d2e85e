import { describeIssue, failure, RequestSchema, type Reply, type Request, type RequestType } from '../core';
import {
  clearObjection,
  deleteEverything,
  deleteOlderThan,
  dismissFormPrompt,
  exposureSummary,
  noteFormOpened,
  overview,
  readSettings,
  foldInbox,
  isQuotaError,
  receiveBatch,
  recordObjection,
  viewerState,
  writeSettings,
  type GlasshouseDatabase,
} from '../db';
import { mayAsk, type SenderKind } from './sender';
import { scanHandlers } from './full-scan';
import { fixHandlers } from './guided-fix';
import type { Handlers, RouteContext } from './route-context';

const handlers: Handlers<RequestType> = {
  // Kept in the inbox as it arrives; written into the posts once the page is quiet (src/db/inbox.ts).
  'findings/record': async (request, db) => ({ ok: true, batchId: request.batchId, stored: await receiveBatch(db, request, Date.now()) }),
  'summary/get': async (_request, db) => ({ ok: true, ...(await exposureSummary(db)) }),
  'overview/get': async (_request, db) => ({ ok: true, ...(await overview(db)) }),
  'objection/record': async (request, db) => {
    await recordObjection(db, request.platform, request.objectedAt, Date.now());
    return { ok: true, done: true };
  },
  'objection/clear': async (request, db) => {
    await clearObjection(db, request.platform);
    return { ok: true, done: true };
  },
  'objection/form-opened': async (request, db) => {
    await noteFormOpened(db, request.platform, Date.now());
    return { ok: true, done: true };
  },
  'objection/dismiss-prompt': async (request, db) => {
    await dismissFormPrompt(db, request.platform);
    return { ok: true, done: true };
  },
  'accounts/viewer-state': async (request, db) => ({ ok: true, ...(await viewerState(db, request.platform, request.accountId)) }),
  'settings/get': async (_request, db) => ({ ok: true, ...(await readSettings(db)) }),
  'settings/set': async (request, db) => {
    const settings = await writeSettings(db, request.settings);
    // A shorter keeping time makes posts due now, not at the next start.
    await deleteOlderThan(db, settings.autoDeleteDays, Date.now());
    return { ok: true, ...settings };
  },
  'data/delete-all': async (_request, db) => {
    await deleteEverything(db);
    return { ok: true, deleted: true };
  },
  ...scanHandlers,
  ...fixHandlers,
};

/**
 * Requests that read nothing the batches wrote, so the inbox is not folded before them: a new batch
 * (it joins the inbox), and deleting everything (the inbox is emptied with the rest, in the same
 * transaction; writing its batches into the posts first would only write what is deleted next).
 */
const WITHOUT_FOLD: ReadonlySet<RequestType> = new Set<RequestType>(['findings/record', 'data/delete-all']);

const reasonOf = (error: unknown) => String(error instanceof Error ? error.message : error);

/**
 * Validates then handles one message. Returns undefined for senders that get no answer at all;
 * every other message gets `{ ok: true, … }` or a `Failure` with its code.
 */
export async function route(
  message: unknown,
  sender: SenderKind,
  db: () => Promise<GlasshouseDatabase>,
  context: RouteContext = {},
): Promise<Reply<RequestType> | undefined> {
  if (sender === 'stranger') return undefined;
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return failure('invalid-message', `invalid message: ${describeIssue(parsed.error)}`);
  const request = parsed.data;
  if (!mayAsk(sender, request.type)) return failure('not-allowed', `not allowed from this sender: ${request.type}`);
  let database: GlasshouseDatabase;
  try {
    database = await db();
  } catch (error) {
    return failure('database-unavailable', `could not open the database: ${reasonOf(error)}`);
  }
  try {
    // Every other request may read what the batches wrote: the inbox is folded first. A fold that
    // fails (a full disk) leaves its batches in the inbox; the request is still answered from what is
    // written.
    if (!WITHOUT_FOLD.has(request.type)) await (context.settle ? context.settle() : foldInbox(database)).catch(() => undefined);
    const handler = handlers[request.type] as (r: Request, d: GlasshouseDatabase, c: RouteContext) => Promise<Reply<RequestType>>;
    // Only a content script's own tab counts: an extension page's tab is not a scan's.
    const fromTab = sender === 'content-script';
    return await handler(request, database, { ...context, fromContentScript: fromTab, tabId: fromTab ? context.tabId : undefined });
  } catch (error) {
    // A full disk: the transaction was rolled back, nothing half-written.
    if (isQuotaError(error)) return failure('storage-full', `could not ${request.type}: storage full`);
    return failure('failed', `could not ${request.type}: ${reasonOf(error)}`);
  }
}
