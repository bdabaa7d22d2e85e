import '../../core/zod-setup';
import { render } from 'preact';
import { t } from '../../lib/i18n';
import { textLocale } from '../shared/format';
import { FixPage } from './fix-page';

document.documentElement.lang = textLocale();
document.title = t('fixTitle');
render(<FixPage />, document.getElementById('app')!);
