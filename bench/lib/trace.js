// A DevTools timeline trace of one page's main thread, summed per kind of work: what the renderer
// spent its task time on (script by origin, style, layout, paint, parsing, GC …).

/**
 * Records a trace while `work` runs.
 * @param {import('playwright-core').CDPSession} cdp
 * @param {() => Promise<unknown>} work
 */
export async function traceDuring(cdp, work) {
  const chunks = [];
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,v8', transferMode: 'ReturnAsStream' });
  await work();
  await cdp.send('Tracing.end');
  const { stream } = /** @type {any} */ (await complete);
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle: stream, size: 1 << 20 });
    chunks.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const parsed = JSON.parse(chunks.join(''));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Trace event names folded into the kinds of work a reader knows. */
const KINDS = [
  [
    /^(FunctionCall|EvaluateScript|v8\.callFunction|v8\.run|V8\.Execute|TimerFire|FireIdleCallback|FireAnimationFrame|RunMicrotasks|EventDispatch|XHRReadyStateChange)$/,
    'script',
  ],
  [/^(v8\.compile|v8\.compileModule|V8\.CompileCode|v8\.produceCache|v8\.deserializeOnBackground|CacheScript)/, 'script compile'],
  [/^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|InvalidateLayout|StyleInvalidatorInvalidationTracking)$/, 'style'],
  [/^Layout$/, 'layout'],
  [/^(Paint|PrePaint|PaintImage|Layerize|UpdateLayer|UpdateLayerTree|CompositeLayers|Commit|RasterTask|Decode)/, 'paint & composite'],
  [/^ParseHTML$|^ParseAuthorStyleSheet$/, 'HTML & CSS parsing'],
  [/GC|MinorGC|MajorGC|BlinkGC|V8\.GC/, 'garbage collection'],
  [/^HitTest$|^ScrollLayer$|^UpdateCounters$|^IntersectionObserver/, 'other rendering'],
  [/^(RunTask|ThreadControllerImpl::RunTask|ThreadPool_RunTask)$/, 'task overhead (outside any traced step)'],
];

function kindOf(name) {
  for (const [pattern, kind] of KINDS) if (pattern.test(name)) return kind;
  return 'other';
}

/**
 * Self time (µs) per kind of work on the main thread of the renderer that ran `pageUrlPrefix`; script
 * self time is split by the URL of the script that ran (`scriptOwner`).
 * @param {any[]} events
 * @param {string} pageUrlPrefix
 * @param {(url: string) => string} scriptOwner
 */
export function mainThreadBreakdown(events, pageUrlPrefix, scriptOwner) {
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const counts = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (!mainThreads.has(key)) continue;
    const url = e.args?.data?.url ?? e.args?.data?.frame ?? '';
    if (typeof url === 'string' && url.startsWith(pageUrlPrefix)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const thread = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!thread) return null;
  // Complete events of that thread, B/E pairs folded into X; then self time by nesting.
  const spans = [];
  const open = [];
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== thread) continue;
    // Nesting by wall-clock timestamps; time by the thread clock (tdur) where the event has one, so time
    // the thread spent descheduled on a busy machine does not count.
    if (e.ph === 'X' && typeof e.dur === 'number')
      spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur, cpu: e.tdur ?? e.dur, url: e.args?.data?.url ?? '' });
    else if (e.ph === 'B') open.push({ name: e.name, ts: e.ts, tts: e.tts, url: e.args?.data?.url ?? '' });
    else if (e.ph === 'E') {
      const start = open.pop();
      if (start)
        spans.push({
          ...start,
          end: e.ts,
          cpu: typeof e.tts === 'number' && typeof start.tts === 'number' ? e.tts - start.tts : e.ts - start.ts,
        });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  /** Top-level tasks over 50 ms, each with its self time per kind: what made it long. */
  const longTasks = [];
  let task = null;
  let taskUs = 0;
  const labelOf = (span) => {
    const kind = kindOf(span.name);
    return kind === 'script' ? `script: ${span.url ? scriptOwner(span.url) : '(no url)'}` : kind;
  };
  const close = (span) => {
    const us = Math.max(0, span.cpu - span.children);
    const label = labelOf(span);
    self.set(label, (self.get(label) ?? 0) + us);
    if (task) task.kinds.set(label, (task.kinds.get(label) ?? 0) + us);
    if (stack.length === 0 && task) {
      taskUs += task.cpu;
      // Long tasks are a wall-clock notion (what the user waits for), as the PerformanceObserver sees them.
      if (task.end - task.ts > 50_000)
        longTasks.push({
          ms: (task.end - task.ts) / 1000,
          cpuMs: task.cpu / 1000,
          kinds: Object.fromEntries([...task.kinds].map(([k, v]) => [k, v / 1000])),
        });
      task = null;
    }
  };
  for (const span of spans) {
    while (stack.length > 0 && stack.at(-1).end <= span.ts) close(stack.pop());
    const parent = stack.at(-1);
    if (!parent) task = { ts: span.ts, end: span.end, cpu: span.cpu, kinds: new Map() };
    else parent.children += span.cpu;
    // A script span inherits its parent's url when it has none (microtasks, callbacks inside a call).
    stack.push({ ...span, url: span.url || (kindOf(span.name) === 'script' ? (parent?.url ?? '') : ''), children: 0 });
  }
  while (stack.length > 0) close(stack.pop());
  const byKind = Object.fromEntries([...self].map(([k, us]) => [k, us / 1000]).sort((a, b) => b[1] - a[1]));
  const count = (name) => spans.filter((span) => span.name === name).length;
  return {
    taskMs: taskUs / 1000,
    byKind,
    longTasks,
    frames: { styleRecalcs: count('UpdateLayoutTree'), layouts: count('Layout'), paints: count('Paint') },
  };
}

/** What made a long task long: its heaviest kind of work. */
export const longTaskCause = (longTask) => Object.entries(longTask.kinds).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'unknown';
