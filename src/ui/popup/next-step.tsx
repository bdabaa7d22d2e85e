import type { Platform } from '../../core';
import { INSTAGRAM_PRIVACY_SETTING, OWN_PROFILE } from '../../core/meta-addresses';
import { browser } from '../../lib/browser';
import { ExternalLink } from '../shared/links';
import type { NextStep } from './verdict';
import { stepText } from './verdict-text';

/** The Glasshouse page (the report page, the app's home), relative to the popup. */
export const HOME_PAGE = '../report/index.html';

/** The guided fix is its own extension page (issue 18, built beside this one). */
export const fixPageUrl = () => browser.runtime.getURL('src/ui/fix/index.html');

/** The next step as the one thing to press: a site page, a part of the Glasshouse page, or the guided fix. */
export function NextStepAction({ step, platform }: { step: NextStep; platform: Platform }) {
  const text = stepText(step, platform);
  const data = { 'data-step': step.kind };
  switch (step.kind) {
    case 'nothing':
      return (
        <p class="next-step done" {...data}>
          {text}
        </p>
      );
    case 'open-site':
      return (
        <p class="next-step" {...data}>
          <ExternalLink href={OWN_PROFILE[platform]} class="button primary">
            {text}
          </ExternalLink>
        </p>
      );
    case 'make-private':
      return (
        <p class="next-step" {...data}>
          <ExternalLink href={INSTAGRAM_PRIVACY_SETTING} class="button primary">
            {text}
          </ExternalLink>
        </p>
      );
    case 'fix':
      return (
        <p class="next-step" {...data}>
          <ExternalLink href={fixPageUrl()} class="button primary">
            {text}
          </ExternalLink>
        </p>
      );
    case 'object':
    case 'review-unknown':
      return (
        <p class="next-step" {...data}>
          <ExternalLink href={`${HOME_PAGE}#${step.kind === 'object' ? 'object' : 'posts'}`} class="button primary">
            {text}
          </ExternalLink>
        </p>
      );
  }
}
