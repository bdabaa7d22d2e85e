/**
 * Runs in the page's own world at document_start. It observes the page's data responses (fetch and
 * XHR) without altering them, and hands their text to the content script. It imports no extension
 * API and sends nothing anywhere but this window.
 */
import { BRIDGE_SOURCE, CONTENT_READY_SOURCE } from '../core/bridge-source';
import { LIMITS } from '../core/limits';
import { platformOfOrigin, SITES } from '../core/sites';

(() => {
  const platform = platformOfOrigin(location.origin);
  if (!platform) return;
  const paths = SITES[platform].dataPaths;
  const observed = (url: string): boolean => {
    try {
      const { pathname, origin } = new URL(url, location.href);
      return origin === location.origin && paths.some((p) => pathname.startsWith(p));
    } catch {
      return false;
    }
  };
  // The content script starts at document_idle, after the page's first responses: keep those
  // (bounded) until it says it listens, then hand them over and stop keeping.
  let kept: { url: string; body: string }[] | null = [];
  let keptBytes = 0;
  const post = (url: string, body: string) => window.postMessage({ source: BRIDGE_SOURCE, kind: 'response', url, body }, location.origin);
  const hand = (href: string, body: string) => {
    if (body.length === 0 || body.length > LIMITS.bridgePayloadBytes) return;
    const url = href.slice(0, LIMITS.urlLength);
    if (kept && keptBytes + body.length <= 2 * LIMITS.bridgePayloadBytes) {
      kept.push({ url, body });
      keptBytes += body.length;
    }
    post(url, body);
  };
  window.addEventListener('message', (event: MessageEvent<{ source?: unknown } | null>) => {
    if (event.source !== window || event.data?.source !== CONTENT_READY_SOURCE || !kept) return;
    const backlog = kept;
    kept = null;
    for (const { url, body } of backlog) post(url, body);
  });

  const pageFetch = window.fetch;
  window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
    const result = pageFetch.apply(this, args);
    const input = args[0];
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (observed(url)) {
      result
        .then((response) => response.clone().text())
        .then((body) => hand(url, body))
        .catch(() => undefined);
    }
    return result;
  } as typeof fetch;

  const open = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    const href = String(url);
    if (observed(href)) {
      this.addEventListener('load', () => {
        if (this.responseType === '' || this.responseType === 'text') hand(href, this.responseText);
      });
    }
    return (open as (...a: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof XMLHttpRequest.prototype.open;
})();
