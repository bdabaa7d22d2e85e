/**
 * The calendar year of a moment (ms since 1970), 0 when unknown or not a moment. In UTC, never the
 * machine's time zone: the database's `publishedYear`, the report file's per-year counts and the
 * report page's year filter must put a post in the same year wherever the report is made or read.
 */
export function yearOf(time: number | undefined): number {
  if (time === undefined || !Number.isFinite(time)) return 0;
  const year = new Date(time).getUTCFullYear();
  return Number.isNaN(year) ? 0 : year;
}
