// Statistics and the alternating runner every figure uses: medians over several runs, a spread, ratios
// measured in the same run with the two sides alternating (ABBA), so the machine's drift cancels.

/** @param {number[]} values @param {number} q 0..1, linear interpolation between closest ranks */
export function quantile(values, q) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** @param {number[]} values */
export const median = (values) => quantile(values, 0.5);

/**
 * Median and spread of a set of runs.
 * @param {number[]} values
 * @returns {{ n: number, median: number, min: number, max: number, q1: number, q3: number }}
 */
export function summarize(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  return {
    n: finite.length,
    median: median(finite),
    min: finite.length ? Math.min(...finite) : NaN,
    max: finite.length ? Math.max(...finite) : NaN,
    q1: quantile(finite, 0.25),
    q3: quantile(finite, 0.75),
  };
}

/** Per-run ratios a[i] / b[i] of two sides measured in the same round. @param {number[]} a @param {number[]} b */
export const ratios = (a, b) => a.map((value, i) => value / b[i]);

/**
 * The main-thread time one side adds per post over the other, from paired rounds: the median per-round
 * difference of task time, but never less than that of script time. Script runs inside tasks, so an
 * extension adds at least the script it runs; when the rounds' noise leaves the task difference below
 * it (even below zero: 3 December, figure 8 read −78 ms of task time with +69 ms of script), the script
 * difference is the honest lower bound, and a goal cannot be met on noise.
 * @param {{ TaskDuration: number, ScriptDuration: number }[]} ext
 * @param {{ TaskDuration: number, ScriptDuration: number }[]} bare the same rounds, in the same order
 * @param {number} posts
 */
export function addedPerPost(ext, bare, posts) {
  const task = summarize(ext.map((r, i) => r.TaskDuration - bare[i].TaskDuration));
  const script = summarize(ext.map((r, i) => r.ScriptDuration - bare[i].ScriptDuration));
  const fromScript = script.median > task.median;
  /** What a figure's headline and row add to the per-post number when the script's bound was taken. */
  const note = fromScript ? ' (the script’s: the task difference is below it, noise)' : '';
  return { task, script, fromScript, note, us: (Math.max(task.median, script.median) * 1000) / posts };
}

/** A difference for humans, with its sign. @param {number} value */
export const signed = (value) => (value >= 0 ? `+${fmt(value)}` : fmt(value));

/**
 * Runs `rounds` rounds of two sides, alternating which goes first (A B, B A, A B …).
 * @template T
 * @param {number} rounds
 * @param {{ [side: string]: (round: number) => Promise<T> }} sides exactly two
 * @param {{ onRound?: (round: number, results: Record<string, T>) => void }} [options]
 * @returns {Promise<Record<string, T[]>>}
 */
export async function alternate(rounds, sides, options = {}) {
  const names = Object.keys(sides);
  if (names.length !== 2) throw new Error('alternate() takes two sides');
  /** @type {Record<string, T[]>} */
  const out = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    /** @type {Record<string, T>} */
    const results = {};
    for (const name of order) results[name] = await sides[name](round);
    for (const name of names) out[name].push(results[name]);
    options.onRound?.(round, results);
  }
  return out;
}

/** A number for humans: 3 significant digits, at most 2 decimals. @param {number} value */
export function fmt(value, digits = 3) {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  return Number(value.toPrecision(digits)).toString();
}

/** "median (min–max)". @param {{ median: number, min: number, max: number }} s @param {string} [unit] */
export function spread(s, unit = '') {
  return `${fmt(s.median)}${unit} (${fmt(s.min)}–${fmt(s.max)}${unit})`;
}
