import { t } from '../../lib/i18n';

/** Nothing stored yet: say so plainly, and what to do. */
export function EmptyState() {
  return (
    <section class="card empty" data-empty aria-labelledby="empty-heading">
      <h2 id="empty-heading">{t('emptyHeading')}</h2>
      <p>{t('emptyExplain')}</p>
      <ul>
        <li>{t('emptyStepProfile')}</li>
        <li>{t('emptyStepScan')}</li>
      </ul>
    </section>
  );
}
