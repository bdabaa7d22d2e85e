import { t } from '../../lib/i18n';
import { scanReasonMessageKey } from '../../core/scan';
import type { DriverState } from './scan-driver';

export const SCAN_PANEL_ATTRIBUTE = 'data-glasshouse-scan';

const PANEL_CSS = `
:host { all: initial; position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; }
.panel { width: 300px; max-width: calc(100vw - 32px); box-sizing: border-box; padding: 12px 14px; border-radius: 10px;
  background: #fff; color: #1c1c1e; box-shadow: 0 4px 18px rgba(0,0,0,.28); border: 1px solid #c0bfc4;
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
h2 { margin: 0 0 6px; font-size: 14px; font-weight: 600; line-height: 1.3; }
p { margin: 0 0 6px; }
.note { color: #5e5c64; font-size: 12px; }
.buttons { display: flex; gap: 8px; margin-top: 8px; }
button { font: inherit; font-weight: 600; line-height: 1.2; padding: 5px 12px; border-radius: 6px; border: 1px solid #5e5c64;
  background: #f6f5f4; color: inherit; cursor: pointer; }
button:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  .panel { background: #242526; color: #e4e6eb; border-color: #5e5c64; }
  .note { color: #b0b3b8; }
  button { background: #3a3b3c; border-color: #b0b3b8; }
}
`;

export interface PanelActions {
  pause(): void;
  resume(): void;
  cancel(): void;
}

function locale(): string {
  try {
    return Intl.getCanonicalLocales(t('localeCode'))[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * The scan's progress on the page: a small fixed panel in a closed shadow root (the page can neither
 * read nor restyle it), its text from _locales, with Pause / Resume / Cancel buttons. The host carries
 * the figures as data attributes, like the badges do, for tests and for assistive tools.
 */
export class ScanPanel {
  readonly host: HTMLElement;
  private readonly heading: HTMLHeadingElement;
  private readonly figures: HTMLParagraphElement;
  private readonly message: HTMLParagraphElement;
  private readonly pauseButton: HTMLButtonElement;
  private readonly resumeButton: HTMLButtonElement;
  private readonly cancelButton: HTMLButtonElement;
  private readonly closeButton: HTMLButtonElement;

  constructor(
    private readonly doc: Document,
    actions: PanelActions,
    private readonly platform: 'facebook' | 'instagram',
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute(SCAN_PANEL_ATTRIBUTE, '');
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = PANEL_CSS;
    const panel = doc.createElement('section');
    panel.className = 'panel';
    panel.setAttribute('role', 'region');
    panel.setAttribute('aria-label', t('scanPanelTitle'));
    this.heading = doc.createElement('h2');
    this.heading.textContent = t('scanPanelTitle');
    this.figures = doc.createElement('p');
    // Announced: the state (paused, done, stopped and why), not every count as it moves.
    this.message = doc.createElement('p');
    this.message.className = 'note';
    this.message.setAttribute('role', 'status');
    const buttons = doc.createElement('div');
    buttons.className = 'buttons';
    this.pauseButton = this.button('scanPanelPause', actions.pause);
    this.resumeButton = this.button('scanPanelResume', actions.resume);
    this.cancelButton = this.button('scanPanelCancel', actions.cancel);
    this.closeButton = this.button('scanPanelClose', () => this.host.remove());
    buttons.append(this.pauseButton, this.resumeButton, this.cancelButton, this.closeButton);
    panel.append(this.heading, this.figures, this.message, buttons);
    root.append(style, panel);
    // The page must not see clicks on the panel (it sits over the site's own click handlers).
    for (const type of ['click', 'mousedown', 'pointerdown', 'pointerup', 'mouseup'])
      this.host.addEventListener(type, (e) => e.stopPropagation());
  }

  private button(key: string, action: () => void): HTMLButtonElement {
    const button = this.doc.createElement('button');
    button.type = 'button';
    button.textContent = t(key);
    button.addEventListener('click', (event) => {
      event.preventDefault();
      action();
    });
    return button;
  }

  show(): void {
    if (!this.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.host);
  }

  update(state: DriverState): void {
    const { progress } = state;
    const numbers = new Intl.NumberFormat(locale());
    const oldest =
      progress.oldestReached !== undefined
        ? new Intl.DateTimeFormat(locale(), { dateStyle: 'medium' }).format(progress.oldestReached)
        : t('scanOldestUnknown');
    this.host.dataset.status = state.status;
    this.host.dataset.found = String(progress.postsFound);
    this.host.dataset.public = String(progress.publicFound);
    this.host.dataset.oldest = progress.oldestReached !== undefined ? new Date(progress.oldestReached).toISOString() : '';
    this.host.dataset.catchingUp = String(state.catchingUp);
    this.host.dataset.elsewhere = String(state.elsewhere);
    if (state.reason) this.host.dataset.reason = state.reason;
    else delete this.host.dataset.reason;
    this.heading.textContent = t(this.platform === 'facebook' ? 'scanPanelTitle' : 'scanPanelTitleInstagram');
    this.figures.textContent = t('scanPanelFigures', [numbers.format(progress.postsFound), numbers.format(progress.publicFound), oldest]);
    this.message.textContent = this.messageFor(state);
    const running = state.status === 'running';
    const paused = state.status === 'paused';
    this.pauseButton.hidden = !running;
    this.resumeButton.hidden = !paused;
    this.cancelButton.hidden = !(running || paused);
    this.closeButton.hidden = running || paused;
  }

  private messageFor(state: DriverState): string {
    switch (state.status) {
      case 'running':
        if (state.elsewhere) return t('scanPanelElsewhere');
        if (state.waiting) return t('scanPanelWaiting');
        return state.catchingUp ? t('scanPanelCatchingUp') : t('scanPanelRunning');
      case 'paused':
        return state.reason && state.reason !== 'paused-by-user'
          ? t('scanPanelStopped', [t(scanReasonMessageKey(state.reason))])
          : t('scanPanelPaused');
      case 'done':
        return t('scanPanelDone');
      case 'stopped':
        return state.reason ? t('scanPanelStopped', [t(scanReasonMessageKey(state.reason))]) : t('scanPanelEnded');
    }
  }
}
