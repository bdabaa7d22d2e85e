import { DetectionDiagnostics, type PageSession, type PlatformAdapter } from '../adapter';

// Placeholder until the Instagram issue lands: recognises the site, reports nothing.
class InstagramPageSession implements PageSession {
  readonly diagnostics = new DetectionDiagnostics();
  readonly viewer = null;
  readScripts(): void {}
  readNetworkPayload(): void {}
  scan() {
    return [];
  }
  itemContaining() {
    return null;
  }
  dataOnlyPosts() {
    return [];
  }
  accounts() {
    return [];
  }
}

export const instagramAdapter: PlatformAdapter = {
  id: 'instagram',
  matches: (url) => /(^|\.)instagram\.com$/.test(url.hostname),
  viewer: () => null,
  openSession: () => new InstagramPageSession(),
};
