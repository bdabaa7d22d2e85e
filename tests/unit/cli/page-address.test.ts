import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { absoluteHttpUrl, declaredAddresses, savedFromComment } from '../../../src/cli/page-address';
import { auditPage } from '../../../src/cli/audit';

const doc = (html: string) => new JSDOM(html).window.document;

describe('where a saved page came from', { timeout: 30_000 }, () => {
  it("reads Chrome's saved-from comment and SingleFile's", () => {
    expect(savedFromComment('<!DOCTYPE html>\n<!-- saved from url=(0025)https://www.facebook.com/ -->\n<html>')).toBe(
      'https://www.facebook.com/',
    );
    expect(savedFromComment('<!--\n Page saved with SingleFile \n url: https://www.instagram.com/alice/ \n saved date: Mon -->')).toBe(
      'https://www.instagram.com/alice/',
    );
    expect(savedFromComment('<html><!-- nothing here -->')).toBeUndefined();
  });

  it('reads the canonical link, og:url and the x-default alternate, in that order', () => {
    const page = doc(
      '<head><link rel="alternate" hreflang="x-default" href="https://c.example/"><meta property="og:url" content="https://b.example/"><link rel="Canonical" href=" https://a.example/ "></head>',
    );
    expect(declaredAddresses(page)).toEqual(['https://a.example/', 'https://b.example/', 'https://c.example/']);
  });

  it('takes only absolute http(s) addresses', () => {
    expect(absoluteHttpUrl('https://www.facebook.com/x')?.hostname).toBe('www.facebook.com');
    expect(absoluteHttpUrl('/relative')).toBeUndefined();
    expect(absoluteHttpUrl('javascript:alert(1)')).toBeUndefined();
  });

  it('recognises a page by the first address that belongs to a platform', async () => {
    const html =
      '<!-- saved from url=(0024)https://www.example.org/ --><html><head><link rel="canonical" href="https://www.facebook.com/alice"></head></html>';
    expect(await auditPage(html)).toMatchObject({ recognised: true, platform: 'facebook', url: 'https://www.facebook.com/alice' });
    expect(await auditPage('<html><head><link rel="canonical" href="https://www.example.org/"></head></html>')).toEqual({
      recognised: false,
    });
    expect(await auditPage('<p>hi</p>', 'https://www.instagram.com/')).toMatchObject({
      recognised: true,
      platform: 'instagram',
      posts: [],
    });
  });
});
