/**
 * Runs in the page's own world at document_start. It observes the page's data responses (fetch and
 * XHR) without altering them, and hands their text to the content script. It imports no extension
 * API and sends nothing anywhere but this window.
 */
import { BRIDGE_SOURCE } from '../core/bridge-source';
import { LIMITS } from '../core/limits';
import { OBSERVED_RESPONSE_PATHS } from '../platforms/network-paths';

(() => {
  const paths = OBSERVED_RESPONSE_PATHS[location.hostname] ?? [];
  if (paths.length === 0) return;
  const observed = (url: string): boolean => {
    try {
      const { pathname, origin } = new URL(url, location.href);
      return origin === location.origin && paths.some((p) => pathname.startsWith(p));
    } catch {
      return false;
    }
  };
  const hand = (url: string, body: string) => {
    if (body.length === 0 || body.length > LIMITS.bridgePayloadBytes) return;
    window.postMessage({ source: BRIDGE_SOURCE, kind: 'response', url: url.slice(0, LIMITS.urlLength), body }, location.origin);
  };

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
