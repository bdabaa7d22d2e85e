/** The badge's look, inside its shadow root; the page's CSS cannot change it. */
export const BADGE_CSS = `
:host { all: initial; display: inline-block; position: relative; vertical-align: middle; margin: 0 6px; z-index: 1; }
.pill { all: unset; display: inline-flex; align-items: center; gap: 5px; padding: 2px 8px; border-radius: 999px;
  font: 600 12px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; cursor: pointer;
  border: 1px solid currentColor; background: #fff; }
.pill:focus-visible { outline: 3px solid #1a5fb4; outline-offset: 2px; }
.pill[data-eligible="yes"] { color: #a51d2d; background: #fdecec; }
.pill[data-eligible="no"] { color: #1d6b35; background: #e8f5ec; }
.pill[data-eligible="unknown"] { color: #5e5c64; background: #f1f1f3; }
/* The dot is drawn, not an element: a badge's shadow root holds as little as can be styled. */
.pill::before { content: ''; flex: none; width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.details { position: absolute; top: calc(100% + 4px); left: 0; width: 300px; max-width: 80vw; padding: 10px 12px;
  border-radius: 8px; background: #fff; color: #1c1c1e; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.details p { margin: 0 0 6px; }
.details p:last-child { margin: 0; }
.evidence { color: #5e5c64; font-size: 12px; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  .pill { background: #242526; }
  .pill[data-eligible="yes"] { color: #ff8a8a; background: #3a1e1e; }
  .pill[data-eligible="no"] { color: #8fd8a5; background: #1c3324; }
  .pill[data-eligible="unknown"] { color: #c0bfc4; background: #2f2f33; }
  .details { background: #242526; color: #e4e6eb; }
  .evidence { color: #b0b3b8; }
}
`;
