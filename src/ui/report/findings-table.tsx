import { useMemo, useState } from 'preact/hooks';
import { PLATFORMS, type Audience, type Eligibility } from '../../core';
import { t } from '../../lib/i18n';
import { formatCount, textLocale } from '../shared/format';
import { ExternalLink, metaPostHref } from '../shared/links';
import {
  audiencesOf,
  DEFAULT_SORT,
  filterRows,
  NO_FILTER,
  pageOf,
  sortRows,
  tieRanks,
  yearsOf,
  type FindingRow,
  type RowFilter,
  type SortKey,
  type SortOrder,
} from './finding-rows';

const ELIGIBILITY: { value: Eligibility; key: string; tone: string }[] = [
  { value: 'yes', key: 'reportCountEligible', tone: 'exposed' },
  { value: 'no', key: 'reportCountNotEligible', tone: 'safe' },
  { value: 'unknown', key: 'reportCountUnknown', tone: 'unknown' },
];
const eligibilityOf = (value: Eligibility) => ELIGIBILITY.find((e) => e.value === value)!;

/** Platform and audience read best A to Z; dates newest first. */
const FIRST_DIRECTION: Record<SortKey, SortOrder['direction']> = {
  published: 'descending',
  lastSeen: 'descending',
  platform: 'ascending',
  audience: 'ascending',
};

function dateFormat(): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(textLocale(), { dateStyle: 'medium' });
  } catch {
    return new Intl.DateTimeFormat('en', { dateStyle: 'medium' });
  }
}

function SortHeader(props: { sortKey: SortKey; label: string; order: SortOrder; onSort: (key: SortKey) => void }) {
  const active = props.order.key === props.sortKey;
  const mark = !active ? '↕' : props.order.direction === 'ascending' ? '▲' : '▼';
  return (
    <th scope="col" aria-sort={active ? props.order.direction : undefined} data-sort={props.sortKey}>
      <button type="button" class="sort" onClick={() => props.onSort(props.sortKey)}>
        {props.label}
        <span class="sort-mark" aria-hidden="true">
          {mark}
        </span>
      </button>
    </th>
  );
}

function Select(props: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  return (
    <div class="filter">
      <label for={props.id}>{props.label}</label>
      <select id={props.id} value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="all">{t('reportFilterAll')}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters(props: {
  rows: readonly FindingRow[];
  filter: RowFilter;
  onChange: (patch: Partial<RowFilter>) => void;
  onReset: () => void;
}) {
  const { filter, onChange } = props;
  const years = useMemo(() => yearsOf(props.rows), [props.rows]);
  const audiences = useMemo(() => audiencesOf(props.rows), [props.rows]);
  return (
    <form class="filters" role="search" aria-labelledby="filters-legend" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend id="filters-legend">{t('reportFilterLegend')}</legend>
        <div class="filter-grid">
          <div class="filter search">
            <label for="filter-search">{t('reportSearchLabel')}</label>
            <input
              type="search"
              id="filter-search"
              value={filter.search}
              onInput={(event) => onChange({ search: event.currentTarget.value })}
            />
          </div>
          <Select
            id="filter-platform"
            label={t('reportColumnPlatform')}
            value={filter.platform}
            options={PLATFORMS.map((platform) => ({ value: platform, label: t(`platform_${platform}`) }))}
            onChange={(value) => onChange({ platform: value as RowFilter['platform'] })}
          />
          <Select
            id="filter-audience"
            label={t('reportColumnAudience')}
            value={filter.audience}
            options={audiences.map((audience) => ({ value: audience, label: t(`audience_${audience}`) }))}
            onChange={(value) => onChange({ audience: value as Audience | 'all' })}
          />
          <Select
            id="filter-eligible"
            label={t('reportColumnEligible')}
            value={filter.eligible}
            options={ELIGIBILITY.map((e) => ({ value: e.value, label: t(e.key) }))}
            onChange={(value) => onChange({ eligible: value as Eligibility | 'all' })}
          />
          <Select
            id="filter-year"
            label={t('reportFilterYear')}
            value={String(filter.year)}
            options={years.map((year) => ({ value: String(year), label: year === 0 ? t('reportYearUnknown') : String(year) }))}
            onChange={(value) => onChange({ year: value === 'all' ? 'all' : Number(value) })}
          />
          <Select
            id="filter-kind"
            label={t('reportFilterKind')}
            value={filter.kind}
            options={[
              { value: 'post', label: t('reportFilterPosts') },
              { value: 'comment', label: t('reportFilterComments') },
            ]}
            onChange={(value) => onChange({ kind: value as RowFilter['kind'] })}
          />
        </div>
        <button type="button" data-action="filters-reset" onClick={props.onReset}>
          {t('reportFilterReset')}
        </button>
      </fieldset>
    </form>
  );
}

function Row({ row, dates }: { row: FindingRow; dates: Intl.DateTimeFormat }) {
  const href = metaPostHref(row.url);
  const eligibility = eligibilityOf(row.eligible);
  return (
    <tr data-row={row.key} data-eligible={row.eligible}>
      <td>{t(`platform_${row.platform}`)}</td>
      <td>{t(`kind_${row.kind}`)}</td>
      <td class="date">{row.publishedAt === undefined ? '—' : dates.format(row.publishedAt)}</td>
      <td class="date">{dates.format(row.lastSeen)}</td>
      <td>{t(`audience_${row.audience}`)}</td>
      <td class={eligibility.tone}>{t(eligibility.key)}</td>
      <td class="excerpt-cell">{row.excerpt ? <bdi>{row.excerpt}</bdi> : ''}</td>
      <td class="link-cell">
        {href ? (
          <ExternalLink href={href}>{t('reportOpenOn', [t(`platform_${row.platform}`)])}</ExternalLink>
        ) : (
          <span class="url">{row.url}</span>
        )}
      </td>
    </tr>
  );
}

/** Every finding: search, filters, sortable columns and pages of 100 rows, over rows held in memory. */
export function FindingsTable({ rows }: { rows: readonly FindingRow[] }) {
  const [order, setOrder] = useState<SortOrder>(DEFAULT_SORT);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [page, setPage] = useState(0);
  // Sorting is the costly step: it reruns only when the order or the data change, never on a filter,
  // and an order chosen before comes back from the cache.
  const ranks = useMemo(() => tieRanks(rows), [rows]);
  const sortCache = useMemo(() => new Map<string, FindingRow[]>(), [rows]);
  const sorted = useMemo(() => {
    const cacheKey = `${order.key}:${order.direction}`;
    let result = sortCache.get(cacheKey);
    if (!result) sortCache.set(cacheKey, (result = sortRows(rows, order, ranks)));
    return result;
  }, [rows, order, ranks, sortCache]);
  const matching = useMemo(() => filterRows(sorted, filter), [sorted, filter]);
  const dates = useMemo(dateFormat, []);
  const shown = pageOf(matching, page);

  const sortBy = (key: SortKey) => {
    setOrder((current) =>
      current.key === key
        ? { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' }
        : { key, direction: FIRST_DIRECTION[key] },
    );
    setPage(0);
  };
  const changeFilter = (patch: Partial<RowFilter>) => {
    setFilter((current) => ({ ...current, ...patch }));
    setPage(0);
  };
  const goTo = (target: number) => {
    if (target >= 0 && target < shown.pages) setPage(target);
  };

  return (
    <section aria-labelledby="findings-heading" data-section="findings">
      <h2 id="findings-heading">{t('reportFindingsHeading')}</h2>
      <Filters rows={rows} filter={filter} onChange={changeFilter} onReset={() => changeFilter(NO_FILTER)} />
      <p role="status" class="match-count" data-matching={matching.length}>
        {matching.length === 0
          ? t('reportNoMatch')
          : t('reportMatchCount', [
              formatCount(shown.first),
              formatCount(shown.last),
              formatCount(matching.length),
              formatCount(rows.length),
            ])}
      </p>
      <div class="table-scroll">
        <table class="findings" data-shown={shown.rows.length}>
          <caption>{t('reportTableCaption')}</caption>
          <thead>
            <tr>
              <SortHeader sortKey="platform" label={t('reportColumnPlatform')} order={order} onSort={sortBy} />
              <th scope="col">{t('reportColumnKind')}</th>
              <SortHeader sortKey="published" label={t('reportColumnPublished')} order={order} onSort={sortBy} />
              <SortHeader sortKey="lastSeen" label={t('reportColumnLastSeen')} order={order} onSort={sortBy} />
              <SortHeader sortKey="audience" label={t('reportColumnAudience')} order={order} onSort={sortBy} />
              <th scope="col">{t('reportColumnEligible')}</th>
              <th scope="col">{t('reportColumnText')}</th>
              <th scope="col">{t('reportColumnLink')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row) => (
              <Row key={row.key} row={row} dates={dates} />
            ))}
          </tbody>
        </table>
      </div>
      {shown.pages > 1 && (
        <nav class="pager" aria-label={t('reportPagination')}>
          <button
            type="button"
            data-action="page-previous"
            aria-disabled={shown.page === 0 ? 'true' : undefined}
            onClick={() => goTo(shown.page - 1)}
          >
            {t('reportPagePrevious')}
          </button>
          <span data-page={shown.page + 1}>{t('reportPageOf', [formatCount(shown.page + 1), formatCount(shown.pages)])}</span>
          <button
            type="button"
            data-action="page-next"
            aria-disabled={shown.page === shown.pages - 1 ? 'true' : undefined}
            onClick={() => goTo(shown.page + 1)}
          >
            {t('reportPageNext')}
          </button>
        </nav>
      )}
    </section>
  );
}
