import { t } from '../../lib/i18n';

export const FIX_OVERLAY_ATTRIBUTE = 'data-glasshouse-fix';

export type OverlayState = 'pointing' | 'fixed';

/** Everything lets clicks through: the overlay only shows, the user presses the site's own control. */
const OVERLAY_CSS = `
:host { all: initial; position: fixed; inset: 0; z-index: 2147483646; pointer-events: none; }
.ring { position: fixed; box-sizing: border-box; border: 3px solid #c01c28; border-radius: 8px; pointer-events: none;
  box-shadow: 0 0 0 4px rgba(255,255,255,.85), 0 0 0 9999px rgba(0,0,0,.18); transition: none; }
.ring.fixed { border-color: #1d6b35; box-shadow: 0 0 0 4px rgba(255,255,255,.85); }
.tip { position: fixed; max-width: min(320px, calc(100vw - 24px)); box-sizing: border-box; padding: 8px 12px; border-radius: 8px;
  background: #a51d2d; color: #fff; font: 600 14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  box-shadow: 0 4px 14px rgba(0,0,0,.3); pointer-events: none; }
.tip.fixed { background: #1d6b35; }
`;

const MARGIN = 6;

/**
 * The guided fix's pointer on the site: a ring around the audience control and a short instruction
 * beside it, in a closed shadow root (the page can neither read nor restyle it). It never clicks,
 * focuses or changes anything of the page; it follows the control as the page scrolls or reflows.
 * The host carries the state as data attributes, like the badges, for tests.
 */
export class FixOverlay {
  readonly host: HTMLElement;
  private readonly ring: HTMLDivElement;
  private readonly tip: HTMLDivElement;
  private target: Element | null = null;
  private frame = 0;
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly follow = () => this.schedule();

  constructor(
    private readonly doc: Document,
    targetId: string,
  ) {
    this.host = doc.createElement('div');
    this.host.setAttribute(FIX_OVERLAY_ATTRIBUTE, '');
    this.host.setAttribute('data-target', targetId);
    const root = this.host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = OVERLAY_CSS;
    this.ring = doc.createElement('div');
    this.ring.className = 'ring';
    this.tip = doc.createElement('div');
    this.tip.className = 'tip';
    // Announced once when it changes: what to do, then that it is done.
    this.tip.setAttribute('role', 'status');
    root.append(style, this.ring, this.tip);
    const win = doc.defaultView;
    win?.addEventListener('scroll', this.follow, { passive: true, capture: true });
    win?.addEventListener('resize', this.follow, { passive: true });
    // The site reflows without scrolling (images load, comments open): measure again now and then.
    this.timer = setInterval(this.follow, 500);
  }

  /**
   * Points at `target` with `message`; the state says whether the step is done, `pointsAt` whether
   * the target is the control itself or, when that could not be told, the whole post.
   */
  show(target: Element, pointsAt: 'control' | 'post', state: OverlayState, message: string): void {
    this.target = target;
    this.host.setAttribute('data-state', state);
    this.host.setAttribute('data-points-at', pointsAt);
    this.ring.classList.toggle('fixed', state === 'fixed');
    this.tip.classList.toggle('fixed', state === 'fixed');
    if (this.tip.textContent !== message) this.tip.textContent = message;
    if (!this.host.isConnected) (this.doc.body ?? this.doc.documentElement).append(this.host);
    this.place();
  }

  remove(): void {
    clearInterval(this.timer);
    this.doc.defaultView?.removeEventListener('scroll', this.follow, { capture: true });
    this.doc.defaultView?.removeEventListener('resize', this.follow);
    if (this.frame) this.doc.defaultView?.cancelAnimationFrame(this.frame);
    this.host.remove();
  }

  private schedule(): void {
    const win = this.doc.defaultView;
    if (!win || this.frame) return;
    this.frame = win.requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  }

  private place(): void {
    const target = this.target;
    if (!target?.isConnected) {
      this.ring.style.display = 'none';
      return;
    }
    const box = target.getBoundingClientRect();
    const viewportWidth = this.doc.documentElement.clientWidth || 1024;
    this.ring.style.display = 'block';
    this.ring.style.left = `${box.left - MARGIN}px`;
    this.ring.style.top = `${box.top - MARGIN}px`;
    this.ring.style.width = `${box.width + 2 * MARGIN}px`;
    this.ring.style.height = `${box.height + 2 * MARGIN}px`;
    // Below the control, or above it when it sits low in the view.
    const tipHeight = this.tip.offsetHeight || 40;
    const below = box.bottom + MARGIN + 8;
    const viewportHeight = this.doc.defaultView?.innerHeight ?? 768;
    this.tip.style.top = `${below + tipHeight > viewportHeight ? Math.max(8, box.top - MARGIN - 8 - tipHeight) : below}px`;
    this.tip.style.left = `${Math.max(8, Math.min(box.left, viewportWidth - (this.tip.offsetWidth || 320) - 8))}px`;
  }
}

/** The instruction for a step, in the user's language. */
export function overlayMessage(kind: 'post' | 'account', state: OverlayState): string {
  if (state === 'fixed') return t('fixOverlayFixed');
  return kind === 'post' ? t('fixOverlayPost') : t('fixOverlayAccount');
}
