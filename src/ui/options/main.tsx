import '../../core/zod-setup';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { textLocale } from '../shared/format';
import { Options } from './options';

document.documentElement.lang = textLocale();
document.title = t('optionsTitle');
render(<Options />, document.getElementById('app')!);
