import { RequestSchema, type Reply, type Request, type RequestType } from '../core';
import {
  clearObjection,
  deleteEverything,
  deleteOlderThan,
  dismissFormPrompt,
  exposureSummary,
  noteFormOpened,
  overview,
  readSettings,
  recordAccounts,
  recordDiagnostics,
  recordFindings,
  recordObjection,
  viewerState,
  writeSettings,
  type GlasshouseDatabase,
} from '../db';
import { mayAsk, type SenderKind } from './sender';
import { scanHandlers } from './full-scan';
import type { Handlers, RouteContext } from './route-context';

const handlers: Handlers<RequestType> = {
  'findings/record': async (request, db) => {
    const settings = await readSettings(db);
    const result = await recordFindings(db, request.findings, settings.keepExcerpts);
    if (request.accounts?.length) await recordAccounts(db, request.accounts);
    if (request.diagnostics) await recordDiagnostics(db, request.diagnostics, Date.now());
    // Each write batch is a moment deletion may have fallen due (the other: the worker's start, worker-database.ts).
    await deleteOlderThan(db, settings.autoDeleteDays, Date.now());
    return { ok: true, batchId: request.batchId, ...result };
  },
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
};

/** A readable one-line reason from a zod failure: where and what. */
function describeIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid message';
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'message';
  return `invalid message: ${where}: ${issue.message}`.slice(0, 300);
}

/**
 * Validates then handles one message. Returns undefined for senders that get no answer at all;
 * every other message gets `{ ok: true, … }` or `{ ok: false, error }`.
 */
export async function route(
  message: unknown,
  sender: SenderKind,
  db: () => Promise<GlasshouseDatabase>,
  context: RouteContext = {},
): Promise<Reply<RequestType> | undefined> {
  if (sender === 'stranger') return undefined;
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: describeIssue(parsed.error) };
  const request = parsed.data;
  if (!mayAsk(sender, request.type)) return { ok: false, error: `not allowed from this sender: ${request.type}` };
  try {
    const handler = handlers[request.type] as (r: Request, d: GlasshouseDatabase, c: RouteContext) => Promise<Reply<RequestType>>;
    // Only a content script's own tab counts: an extension page's tab is not a scan's.
    const fromTab = sender === 'content-script';
    return await handler(request, await db(), { ...context, fromContentScript: fromTab, tabId: fromTab ? context.tabId : undefined });
  } catch (error) {
    const name = error instanceof Error ? error.name : '';
    // A full disk shows as QuotaExceededError; the transaction was rolled back, nothing half-written.
    const reason =
      name === 'QuotaExceededError' || /quota/i.test(String(error))
        ? 'storage full'
        : String(error instanceof Error ? error.message : error);
    return { ok: false, error: `could not ${request.type}: ${reason}`.slice(0, 300) };
  }
}
