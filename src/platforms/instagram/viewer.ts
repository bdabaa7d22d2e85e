import type { Viewer } from '../adapter';
import type { PageRef } from './links';
import type { InstagramPageData } from './page-data';
import { IG, IG_PATHS } from './selectors';

/**
 * Who is logged in: the ds_user_id cookie, else the page's data (PolarisViewer, `viewerId`, the
 * shared config's viewer, an answer's `xdt_viewer`); none → logged out. The username comes from a
 * user object with the viewer's id, else from the profile page the viewer is on, when it shows the
 * "Edit profile" link only the owner sees.
 */
export function instagramViewer(
  doc: Document,
  data: InstagramPageData,
  page: PageRef,
  given: string | undefined,
  /** The ds_user_id cookie's value (the session reads it: reading document.cookie is not free). */
  fromCookie: string | undefined,
): Viewer | null {
  const id = given ?? (fromCookie && IG_PATHS.userId.test(fromCookie) ? fromCookie : data.viewerId);
  if (!id) return null;
  const viewer: Viewer = { id };
  const username = data.usernames.get(id) ?? (page.kind === 'profile' && isOwnProfilePage(doc) ? page.username : undefined);
  if (username) viewer.username = username;
  const name = data.names.get(id);
  if (name) viewer.name = name;
  return viewer;
}

/** The owner's controls in the profile's main column; the navigation's settings links are outside it. */
function isOwnProfilePage(doc: Document): boolean {
  const main = doc.querySelector(IG.main);
  return main !== null && main.querySelector(IG.editProfileLink) !== null;
}

export function isViewerAccount(owner: { id?: string; username?: string }, viewer: Viewer | null): boolean {
  if (!viewer) return false;
  // An id, when known, decides: a username can be taken over by someone else after a rename.
  if (owner.id !== undefined) return owner.id === viewer.id;
  return owner.username !== undefined && owner.username === viewer.username;
}
