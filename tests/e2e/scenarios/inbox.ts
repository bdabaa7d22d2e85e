import type { TestPage } from '../drivers/driver';
import { ask } from './scan';

/**
 * From an extension page: asks the worker a question that reads (the popup's overview), so the
 * batches waiting in its inbox (src/db/inbox.ts) are written into the posts before a test reads the
 * database itself.
 */
export async function settleInbox(extensionPage: TestPage): Promise<void> {
  const reply = await ask<{ ok?: boolean } | undefined>(extensionPage, { type: 'overview/get' });
  if (!reply?.ok) throw new Error('the worker did not answer overview/get');
}
