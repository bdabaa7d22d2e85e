import { CONTENT_SCRIPT_REQUESTS, platformOfOrigin, type RequestType } from '../core';

/** Who sent a message, as far as the worker trusts it. */
export type SenderKind = 'extension-page' | 'content-script' | 'stranger';

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: unknown;
}

export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId || !sender.url) return 'stranger';
  let origin: string;
  try {
    origin = new URL(sender.url).origin;
  } catch {
    return 'stranger';
  }
  if (origin === new URL(extensionOrigin).origin) return 'extension-page';
  // A tab on one of the sites' hosts (the table's, exactly): where the content script runs, and nowhere else.
  if (sender.tab && platformOfOrigin(origin)) return 'content-script';
  return 'stranger';
}

/** Content scripts live on pages we do not control: they may only report findings and read settings. */
export function mayAsk(kind: SenderKind, type: RequestType): boolean {
  if (kind === 'extension-page') return true;
  if (kind === 'content-script') return CONTENT_SCRIPT_REQUESTS.has(type);
  return false;
}
