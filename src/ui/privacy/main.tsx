import '../../core/zod-setup';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { textLocale } from '../shared/format';
import { policyFor } from './policy-text';
import { PrivacyPolicy } from './privacy';

const locale = textLocale();
const markdown = policyFor(locale);
// The page's language is the policy's: English where no translation exists.
document.documentElement.lang = markdown === policyFor('en') ? 'en' : locale;
document.title = t('privacyTitle');
render(<PrivacyPolicy markdown={markdown} />, document.getElementById('app')!);
