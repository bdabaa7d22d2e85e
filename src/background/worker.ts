/**
 * The background worker. Listeners are registered synchronously at the top level, as MV3 requires
 * for a worker woken by an event; the database opens lazily, once per worker life. No state lives in
 * globals that the worker's stop would lose: everything is in IndexedDB.
 */
import '../core/zod-setup';
import { browser, type Runtime } from '../lib/browser';
import { openDatabase, type GlasshouseDatabase } from '../db';
import { classifySender } from './sender';
import { route } from './router';

let database: Promise<GlasshouseDatabase> | undefined;
const ready = () =>
  (database ??= openDatabase()
    .open()
    .then((db) => db as GlasshouseDatabase));

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  const kind = classifySender(sender, browser.runtime.id, browser.runtime.getURL(''));
  if (kind === 'stranger') return undefined;
  return route(message, kind, ready);
});
