import { PLATFORMS, PlatformSchema, type FixFilter } from '../../core';
import { t } from '../../lib/i18n';

/** Platform and year: the queue, its progress and Next all follow them. */
export function FixFilters(props: { filter: FixFilter; years: readonly number[]; onChange: (filter: FixFilter) => void }) {
  const { filter, years, onChange } = props;
  const without = (key: keyof FixFilter): FixFilter => {
    const next = { ...filter };
    delete next[key];
    return next;
  };
  return (
    <div class="fix-filters">
      <label>
        {t('fixFilterPlatform')}{' '}
        <select
          data-filter="platform"
          value={filter.platform ?? ''}
          onChange={(event) => {
            const parsed = PlatformSchema.safeParse(event.currentTarget.value);
            onChange(parsed.success ? { ...filter, platform: parsed.data } : without('platform'));
          }}
        >
          <option value="">{t('fixFilterAll')}</option>
          {PLATFORMS.map((platform) => (
            <option value={platform} key={platform}>
              {t(`platform_${platform}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('fixFilterYear')}{' '}
        <select
          data-filter="year"
          value={filter.year === undefined ? '' : String(filter.year)}
          onChange={(event) => {
            const year = Number(event.currentTarget.value);
            onChange(event.currentTarget.value !== '' && Number.isInteger(year) ? { ...filter, year } : without('year'));
          }}
        >
          <option value="">{t('fixFilterAll')}</option>
          {years.map((year) => (
            <option value={String(year)} key={year}>
              {String(year)}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
