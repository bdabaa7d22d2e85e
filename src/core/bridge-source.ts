// Zod-free, so the page-world script can share it without pulling zod into the page's world.
export const BRIDGE_SOURCE = 'glasshouse:page-world';
/** The content script says it listens: the page-world script then hands over what it kept meanwhile. */
export const CONTENT_READY_SOURCE = 'glasshouse:content-ready';
