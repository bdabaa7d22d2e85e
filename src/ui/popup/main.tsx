import '../../core/zod-setup';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { textLocale } from '../shared/format';
import { Popup } from './popup';

document.documentElement.lang = textLocale();
document.title = t('extensionName');
render(<Popup />, document.getElementById('app')!);
