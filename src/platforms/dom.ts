// Platform code also runs outside a browser (the command line's linkedom, jsdom in tests), where DOM classes are not globals:
// test node kinds by nodeType, never with instanceof.
export const isElement = (node: unknown): node is Element => (node as Node | null)?.nodeType === 1;

const DOCUMENT_POSITION_FOLLOWING = 4;
/** Does `a` come before `b` in document order? */
export const precedes = (a: Node, b: Node): boolean => (a.compareDocumentPosition(b) & DOCUMENT_POSITION_FOLLOWING) !== 0;
