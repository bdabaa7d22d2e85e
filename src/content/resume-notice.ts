/**
 * The one quiet notice after the extension was updated or reloaded under an open tab: reloading the
 * tab resumes. In a closed shadow root (the page's CSS and scripts cannot reach its content), shown
 * once, closable, never focused or modal.
 */
export const NOTICE_ATTRIBUTE = 'data-glasshouse-notice';

export interface ResumeNoticeText {
  message: string;
  close: string;
}

const NOTICE_CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.notice { display: flex; align-items: flex-start; gap: 8px; max-width: 320px; padding: 8px 10px; border-radius: 8px;
  background: #fff; color: #1c1c1e; border: 1px solid #c0bfc4; box-shadow: 0 2px 8px rgba(0,0,0,.2);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.notice p { margin: 0; }
button { all: unset; cursor: pointer; padding: 0 4px; font-size: 16px; line-height: 1; border-radius: 4px; }
button:focus-visible { outline: 3px solid #1a5fb4; }
@media (prefers-color-scheme: dark) { .notice { background: #242526; color: #e4e6eb; border-color: #5e5c64; } }
`;

/**
 * Shows the notice on `doc` unless one is there; returns its shadow root (for tests; the page never
 * gets it). The text is passed in, read while the extension still answered: a cut-off one may not.
 */
export function showResumeNotice(doc: Document, text: ResumeNoticeText): ShadowRoot | null {
  if (!doc.body || doc.querySelector(`[${NOTICE_ATTRIBUTE}]`)) return null;
  const host = doc.createElement('div');
  host.setAttribute(NOTICE_ATTRIBUTE, 'reload-to-resume');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = NOTICE_CSS;
  const box = doc.createElement('div');
  box.className = 'notice';
  box.setAttribute('role', 'status');
  const message = doc.createElement('p');
  message.textContent = text.message;
  const close = doc.createElement('button');
  close.type = 'button';
  close.textContent = '×';
  close.setAttribute('aria-label', text.close);
  close.addEventListener('click', () => host.remove());
  box.append(message, close);
  root.append(style, box);
  doc.body.append(host);
  return root;
}
