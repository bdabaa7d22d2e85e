// Fixture pages served at real site addresses, for the browser tests and `npm start` (demo).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const fixtures = fileURLToPath(new URL('../tests/fixtures/', import.meta.url));

/**
 * @typedef {{ url: string, file: string, cookies?: string[], contentType?: string, demo?: boolean }} FixtureRoute
 * @typedef {{ status: number, headers: Record<string, string>, body: string }} FixtureResponse
 */

/** @type {{ routes: FixtureRoute[] }} */
const table = JSON.parse(readFileSync(`${fixtures}routes.json`, 'utf8'));

/** Pages a test adds for itself (a scrolled feed, a changed page), served beside the table's. @type {Map<string, FixtureResponse>} */
const extra = new Map();

/** The Set-Cookie lines of a fixture's response, one per cookie (the drivers split them at \n). @param {string[]} cookies */
const setCookie = (cookies) => cookies.map((c) => `${c}; Path=/; Secure; SameSite=None`).join('\n');

/**
 * @param {string} url @param {string} body @param {string} [contentType]
 * @param {string[]} [cookies] cookies the response sets, as `name=value` (a page saved logged in: its c_user)
 */
export function serveExtra(url, body, contentType = 'text/html; charset=utf-8', cookies = []) {
  /** @type {Record<string, string>} */
  const headers = { 'content-type': contentType };
  if (cookies.length > 0) headers['set-cookie'] = setCookie(cookies);
  extra.set(url, { status: 200, headers, body });
}

/** @param {string} url @returns {FixtureResponse | null} */
export function fixtureFor(url) {
  const clean = url.split('#')[0];
  const added = extra.get(clean);
  if (added) return added;
  const route = table.routes.find((r) => r.url === clean) ?? table.routes.find((r) => r.url === clean.split('?')[0]);
  if (!route) return null;
  /** @type {Record<string, string>} */
  const headers = { 'content-type': route.contentType ?? 'text/html; charset=utf-8' };
  if (route.cookies?.length) headers['set-cookie'] = setCookie(route.cookies);
  return { status: 200, headers, body: readFileSync(`${fixtures}${route.file}`, 'utf8') };
}

/** The demo's start pages, one per site. */
export const DEMO_PAGES = table.routes.filter((r) => r.contentType === undefined && r.demo !== false).map((r) => r.url);
