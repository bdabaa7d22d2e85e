import type { ComponentChildren } from 'preact';
import { t } from '../../lib/i18n';

const META_SITES = ['facebook.com', 'instagram.com'];

/**
 * A post address the UI may turn into a link: http(s) on facebook.com or instagram.com (or a
 * subdomain) only. Stored addresses came from web pages: anything else (javascript:, data:, other
 * hosts) is shown as text, never followed.
 */
export function metaPostHref(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  if (parsed.username || parsed.password) return null;
  const host = parsed.hostname.toLowerCase();
  if (!META_SITES.some((site) => host === site || host.endsWith(`.${site}`))) return null;
  return parsed.href;
}

/** A link that opens in a new tab and says so to screen readers. */
export function ExternalLink(props: { href: string; class?: string; onClick?: () => void; children: ComponentChildren }) {
  return (
    <a href={props.href} target="_blank" rel="noreferrer noopener" class={props.class} onClick={props.onClick}>
      {props.children}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
