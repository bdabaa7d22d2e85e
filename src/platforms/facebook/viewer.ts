import { SITES } from '../../core';
import type { Viewer } from '../adapter';
import { readCookie } from '../cookies';
import type { FacebookPageData } from './page-data';
import { FB_DATA } from './data-shapes';
import { FB } from './selectors';
import { profileOf } from './links';

/** Profile links are read against the site's home page. */
const FACEBOOK_HOME = `${SITES.facebook.origin}/`;

/**
 * Who is logged in: the id the caller was given (the CLI's --viewer), the c_user cookie, else USER_ID in the page's data ("0" = logged out). The
 * username, which most people's author links use, comes from a User object in the data with the
 * viewer's id, or from the navigation's link to the viewer's own profile (it carries their name).
 */
export function facebookViewer(doc: Document, data: FacebookPageData, given?: string): Viewer | null {
  const fromCookie = readCookie(doc, FB_DATA.viewerCookie);
  const fromData = data.viewer.userId;
  const id = given ?? (fromCookie && /^\d+$/.test(fromCookie) ? fromCookie : fromData);
  if (!id || id === FB_DATA.loggedOutUserId || !/^\d+$/.test(id)) return null;
  const viewer: Viewer = { id };
  if (data.viewer.name) viewer.name = data.viewer.name;
  const ownUrl = data.viewer.profileUrls.get(id);
  const fromUrl = ownUrl ? profileOf(ownUrl, FACEBOOK_HOME)?.username : undefined;
  if (fromUrl) viewer.username = fromUrl;
  else if (viewer.name) {
    for (const link of doc.querySelectorAll<HTMLAnchorElement>(FB.navigation)) {
      if (link.textContent?.trim() !== viewer.name) continue;
      const profile = profileOf(link.getAttribute('href') ?? '', FACEBOOK_HOME);
      if (profile?.username) {
        viewer.username = profile.username;
        break;
      }
    }
  }
  return viewer;
}

export function isViewer(profile: { id?: string; username?: string } | null | undefined, viewer: Viewer | null): boolean {
  if (!profile || !viewer) return false;
  return (profile.id !== undefined && profile.id === viewer.id) || (profile.username !== undefined && profile.username === viewer.username);
}
