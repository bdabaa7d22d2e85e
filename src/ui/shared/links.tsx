import type { ComponentChildren } from 'preact';
import { linkablePostUrl } from '../../core/site-url';
import { t } from '../../lib/i18n';

/** A post address the UI may turn into a link (see `linkablePostUrl`). */
export const metaPostHref = linkablePostUrl;

/** A link that opens in a new tab and says so to screen readers. */
export function ExternalLink(props: { href: string; class?: string; onClick?: () => void; children: ComponentChildren }) {
  return (
    <a href={props.href} target="_blank" rel="noreferrer noopener" class={props.class} onClick={props.onClick}>
      {props.children}
      <span class="visually-hidden"> {t('opensInNewTab')}</span>
    </a>
  );
}
