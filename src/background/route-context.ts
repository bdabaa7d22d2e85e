import type { Reply, Request, RequestType } from '../core';
import type { GlasshouseDatabase } from '../db';

/** The few tab operations a scan needs; none of them needs the "tabs" permission. */
export interface ScanTabs {
  /** Opens `url` in a new tab in front and returns the tab's id. */
  open(url: string): Promise<number>;
  exists(tabId: number): Promise<boolean>;
  focus(tabId: number): Promise<void>;
}

/** The guided fix's one tab: a scan's operations, and moving it to another address or nudging its content script. */
export interface FixTabs extends ScanTabs {
  /** Loads `url` in tab `tabId` and brings it to the front. */
  navigate(tabId: number, url: string): Promise<void>;
  /** Tells the tab's content script that its target changed; a tab with no content script yet is fine. */
  notify(tabId: number): Promise<void>;
}

/** What the router knows of a message besides its body: the sender's tab, and the browser's tabs. */
export interface RouteContext {
  /** Set by the router: a content script acts on its own tab's scan only, never on a platform's. */
  fromContentScript?: boolean;
  /** The sender's tab (`sender.tab.id`): a content script's scan is always its own tab's. */
  tabId?: number | undefined;
  tabs?: ScanTabs | undefined;
  fixTabs?: FixTabs | undefined;
  now?: () => number;
  /**
   * Folds the inbox before a request reads (src/background/inbox-folding.ts). The worker gives its
   * own, which redraws the toolbar badge after; without one the router folds directly.
   */
  settle?: () => Promise<void>;
}

/** The handler of one message of the table: the parsed request in, its reply out. */
export type Handler<T extends RequestType> = (
  request: Extract<Request, { type: T }>,
  db: GlasshouseDatabase,
  context: RouteContext,
) => Promise<Reply<T>>;

/** A handler for each of `Types`: the type checker refuses a message without one. */
export type Handlers<Types extends RequestType> = { [T in Types]: Handler<T> };
