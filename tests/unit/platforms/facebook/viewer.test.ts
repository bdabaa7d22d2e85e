import { describe, expect, it } from 'vitest';
import { facebookAdapter } from '../../../../src/platforms/facebook';
import { loadPage } from './load-fixture';

const page = (cookies: string[], data = '') =>
  loadPage(`<!DOCTYPE html><html lang="en"><head>${data}</head><body></body></html>`, 'https://www.facebook.com/', cookies);
const userIdData = (id: string) =>
  `<script type="application/json" data-sjs>{"require":[["CurrentUserInitialData",[],{"USER_ID":"${id}"},270]]}</script>`;

describe('who is logged in on Facebook', () => {
  it('is the c_user cookie', () => {
    expect(facebookAdapter.viewer(page(['c_user=100001']))?.id).toBe('100001');
  });

  it('is USER_ID in the page data without the cookie; "0" is nobody', () => {
    expect(facebookAdapter.viewer(page([], userIdData('100002')))?.id).toBe('100002');
    expect(facebookAdapter.viewer(page([], userIdData('0')))).toBeNull();
  });

  it('regression: a malformed c_user cookie no longer throws (it switched the extension off on that page)', () => {
    const doc = page(['c_user=%E0%A4%A'], userIdData('100003'));
    expect(() => facebookAdapter.openSession(doc)).not.toThrow();
    expect(facebookAdapter.viewer(doc)?.id).toBe('100003');
  });

  it("is the id the caller gives (the command line's --viewer) over everything the page says", () => {
    const doc = page(['c_user=100001'], userIdData('100001'));
    expect(facebookAdapter.openSession(doc, { viewerId: '200002' }).viewer?.id).toBe('200002');
  });
});
