// Zod-free, so the page-world script can share it without pulling zod into the page's world.
export const BRIDGE_SOURCE = 'glasshouse:page-world';
