import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  canonicalSiteUrl,
  linkablePostUrl,
  platformOfDomain,
  platformOfHost,
  platformOfOrigin,
  SITE_ADDRESS,
  SITE_MATCH_PATTERNS,
  SITES,
  SiteUrlSchema,
} from '../../../src/core';
import { ADAPTERS, pickAdapter } from '../../../src/platforms';
import { browserManifest } from '../../../scripts/manifest-target';

const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8'));

describe('the table of sites', () => {
  it('lists the three Facebook hosts and Instagram, each site with its canonical origin among its hosts', () => {
    expect(SITES.facebook.hosts).toEqual(['www.facebook.com', 'web.facebook.com', 'm.facebook.com']);
    expect(SITES.instagram.hosts).toEqual(['www.instagram.com']);
    for (const site of Object.values(SITES)) {
      expect(site.hosts.map((host) => `https://${host}`)).toContain(site.origin);
      for (const host of site.hosts) expect(host.endsWith(`.${site.domain}`)).toBe(true);
      for (const path of site.dataPaths) expect(path).toMatch(/^\//);
    }
  });

  it('is what manifest.json grants and runs its scripts on, for both browsers', () => {
    expect(SITE_MATCH_PATTERNS).toEqual([
      'https://www.facebook.com/*',
      'https://web.facebook.com/*',
      'https://m.facebook.com/*',
      'https://www.instagram.com/*',
    ]);
    for (const target of [manifest, browserManifest('chrome'), browserManifest('firefox')]) {
      expect(target.host_permissions).toEqual(SITE_MATCH_PATTERNS);
      expect(target.optional_host_permissions ?? []).toEqual([]);
      expect(target.content_scripts).toHaveLength(2);
      for (const script of target.content_scripts) expect(script.matches).toEqual(SITE_MATCH_PATTERNS);
    }
  });

  it('names the site of a host exactly, never a look-alike', () => {
    expect(platformOfHost('www.facebook.com')).toBe('facebook');
    expect(platformOfHost('web.facebook.com')).toBe('facebook');
    expect(platformOfHost('M.Facebook.com')).toBe('facebook');
    expect(platformOfHost('www.instagram.com')).toBe('instagram');
    for (const host of ['facebook.com', 'business.facebook.com', 'evil-facebook.com', 'facebook.com.evil.example', 'wwwfacebook.com', '']) {
      expect(platformOfHost(host)).toBeUndefined();
    }
  });

  it('names the site of an origin only over https on the default port', () => {
    expect(platformOfOrigin('https://m.facebook.com')).toBe('facebook');
    expect(platformOfOrigin('https://www.instagram.com')).toBe('instagram');
    expect(platformOfOrigin('http://m.facebook.com')).toBeUndefined();
    expect(platformOfOrigin('https://m.facebook.com:8443')).toBeUndefined();
    expect(platformOfOrigin('https://facebook.com.evil.example')).toBeUndefined();
  });

  it("counts any host on a site's domain as the site's address, and no look-alike", () => {
    expect(platformOfDomain('facebook.com')).toBe('facebook');
    expect(platformOfDomain('l.facebook.com')).toBe('facebook');
    expect(platformOfDomain('help.instagram.com')).toBe('instagram');
    expect(platformOfDomain('evil-facebook.com')).toBeUndefined();
    expect(platformOfDomain('facebook.com.evil.example')).toBeUndefined();
    expect(SITE_ADDRESS.test('https://m.facebook.com/story.php?story_fbid=1')).toBe(true);
    expect(SITE_ADDRESS.test('https://facebook.com.evil.example/')).toBe(false);
    expect(SITE_ADDRESS.test('https://www.facebook.com@evil.example/')).toBe(false);
    expect(SITE_ADDRESS.test('http://www.facebook.com/')).toBe(false);
    expect(SiteUrlSchema.safeParse('https://evil-facebook.com/x').error?.issues[0]?.message).toBe(
      'not a facebook.com or instagram.com address',
    );
    expect(linkablePostUrl('https://web.facebook.com/x')).toBe('https://web.facebook.com/x');
    expect(linkablePostUrl('https://evil-instagram.com/x')).toBeNull();
  });

  it('puts an address read on web., m. or the bare domain on www., and leaves any other as it was', () => {
    expect(canonicalSiteUrl('https://web.facebook.com/alice.martin/posts/pfbid0x?a=1#c')).toBe(
      'https://www.facebook.com/alice.martin/posts/pfbid0x?a=1#c',
    );
    expect(canonicalSiteUrl('https://m.facebook.com/story.php?story_fbid=1&id=2')).toBe(
      'https://www.facebook.com/story.php?story_fbid=1&id=2',
    );
    expect(canonicalSiteUrl('https://facebook.com/alice.martin')).toBe('https://www.facebook.com/alice.martin');
    expect(canonicalSiteUrl('https://www.instagram.com/p/C7aLago0001/')).toBe('https://www.instagram.com/p/C7aLago0001/');
    expect(canonicalSiteUrl('https://business.facebook.com/x')).toBe('https://business.facebook.com/x');
    expect(canonicalSiteUrl('about:blank')).toBe('about:blank');
  });

  it("picks each site's reader on every one of its hosts and its bare domain, and on no look-alike", () => {
    for (const [platform, site] of Object.entries(SITES)) {
      for (const host of [...site.hosts, site.domain]) expect(pickAdapter(new URL(`https://${host}/`))?.id).toBe(platform);
    }
    expect(Object.keys(ADAPTERS).sort()).toEqual(Object.keys(SITES).sort());
    expect(pickAdapter(new URL('https://facebook.com.evil.example/'))).toBeUndefined();
    expect(pickAdapter(new URL('https://evil-facebook.com/'))).toBeUndefined();
    expect(pickAdapter(new URL('https://example.org/'))).toBeUndefined();
  });
});
