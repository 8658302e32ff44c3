// Turns session results into the markdown tables, the target checks and the JSON summary.

import { COLD_RUNS } from './measureSession.mjs';

const JSON_SERVER_DEBOUNCE_MS = 500;

const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

function ms(x) {
  x = num(x);
  if (x === null) return 'n/a';
  return x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}

const mib = (x) => (num(x) === null ? 'n/a' : x.toFixed(0));
const ratio = (a, b) => (num(a) === null || num(b) === null || b === 0 ? null : a / b);
const times = (r) => (r === null ? 'n/a' : `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`);
const share = (r, a, b) => (r === null ? 'n/a' : `${r.toFixed(2)} (${mib(a)} / ${mib(b)} MiB)`);

// A step that failed shows its error instead of a number, so a broken server is visible.
const failed = (step) => (step?.error ? `error: ${step.error.slice(0, 40)}` : null);
const cell = (step, render) => failed(step) ?? render(step ?? {});

function featureCell(step, extra) {
  return cell(step, (s) => (s.supported === false ? 'n/a' : `${ms(s.median)}${extra(s)}`));
}

/** The most the server process held over its whole session (VmHWM), in MiB. */
const peakRss = (s) => s?.memoryEnd?.peakMiB ?? s?.memoryAfterBig?.peakMiB;

export function bigTable(sessions, docs) {
  const rows = [
    `| server | doc | open → diagnostics, cold, median of ${COLD_RUNS} processes (ms) | warm, median of 3 (ms) | diagnostics | edit → diagnostics (ms) | completion, median of 5 (ms) | completion right after a keystroke, median of 6 (ms) | hover, median of 5 (ms) | RSS after cold diagnose, median (MiB) | peak RSS (MiB) |`,
    '|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const s of sessions) {
    const d = docs[`big-${s.format}`];
    rows.push(`| ${s.label} | ${s.format.toUpperCase()} ${(d.bytes / 1e6).toFixed(2)} MB | ${cell(s.bigColdOpen, (x) => ms(x.ms))} | ${cell(s.bigWarmOpen, (x) => ms(x.median))} | ${cell(s.bigColdOpen, (x) => String(x.count ?? 'n/a'))} | ${cell(s.bigEdit, (x) => ms(x.ms))} | ${featureCell(s.completion, (x) => ` (${x.items} items)`)} | ${featureCell(s.completionAfterKeystroke, () => '')} | ${featureCell(s.hover, (x) => (x.hasContent ? '' : ' (empty)'))} | ${mib(s.memoryAfterBigDiagnosed?.rssMiB)} | ${mib(peakRss(s))} |`);
  }
  return rows.join('\n');
}

export function smallTable(sessions) {
  const rows = [
    '| server | doc | open → diagnostics, median of 3 (ms) | edit → diagnostics, median of 10 (ms) | diagnostics |',
    '|---|---|--:|--:|--:|',
  ];
  for (const s of sessions) {
    rows.push(`| ${s.label} | ${s.format.toUpperCase()} | ${cell(s.smallOpen, (x) => ms(x.median))} | ${cell(s.smallEdit, (x) => ms(x.median))} | ${cell(s.smallOpen, (x) => String(x.count ?? 'n/a'))} |`);
  }
  return rows.join('\n');
}

/** Every process's cold open beside the median: how far one fresh process strays. */
function coldSamples(s) {
  const samples = (s?.bigColdOpen?.samples ?? []).filter((x) => typeof x === 'number');
  return samples.length > 1 ? ` (processes: ${samples.map((x) => Math.round(x)).join(', ')} ms)` : '';
}

/** Each check: what was measured, the value, the target (if any) and whether it is met. */
export function checks(sessions) {
  const get = (server, format) => sessions.find((s) => s.server === server && s.format === format);
  const oursYaml = get('ours', 'yaml');
  const oursJson = get('ours', 'json');
  const yamlLs = get('yaml-ls', 'yaml');
  const jsonLs = get('json-ls', 'json');
  const floorYaml = get('floor', 'yaml');
  const cold = (s) => num(s?.bigColdOpen?.ms);
  const out = [];
  const add = (what, value, shown, target, pass) => out.push({ what, value, shown, target, pass: value === null ? null : pass });

  const oy = cold(oursYaml);
  add('big YAML open → diagnostics, ours', oy, `${ms(oy)} ms${coldSamples(oursYaml)}`, '≤ 150 ms', oy !== null && oy <= 150);
  const ry = ratio(cold(yamlLs), oy);
  add('big YAML open → diagnostics, yaml-language-server / ours', ry, times(ry), '≥ 8×', ry !== null && ry >= 8);

  const oj = cold(oursJson);
  add('big JSON open → diagnostics, ours', oj, `${ms(oj)} ms${coldSamples(oursJson)}`, '≤ 80 ms', oj !== null && oj <= 80);
  const rj = ratio(cold(jsonLs), oj);
  // The JSON server waits 500 ms before validating; the second figure shows its work alone.
  const rjWork = ratio(num(cold(jsonLs)) === null ? null : cold(jsonLs) - JSON_SERVER_DEBOUNCE_MS, oj);
  add('big JSON open → diagnostics, vscode-json-language-server / ours', rj, `${times(rj)} (${times(rjWork)} without its 500 ms debounce)`, null, null);

  for (const [format, s] of [['YAML', oursYaml], ['JSON', oursJson]]) {
    const e = num(s?.smallEdit?.median);
    add(`one-client ${format} edit → diagnostics, ours`, e, `${ms(e)} ms`, '≤ 20 ms', e !== null && e <= 20);
  }

  // "Server RSS ≤ 1/3 of yaml-language-server's". The issue quotes yaml-language-server at ~400 MB
  // on the big YAML: more than twice what it holds right after its first diagnostics, and what it
  // reaches as the session goes on. So the target compares the most each server held over the
  // same session (cold open, an edit, completion, hover, keystrokes, warm opens, the one-client
  // document); the moments before are printed beside it.
  const ourPeak = peakRss(oursYaml);
  const theirPeak = peakRss(yamlLs);
  const peakRatio = ratio(ourPeak, theirPeak);
  add('peak RSS over the same big-YAML session, ours / yaml-language-server', peakRatio, share(peakRatio, ourPeak, theirPeak), '≤ 0.33', peakRatio !== null && peakRatio <= 1 / 3);
  const afterCompletion = ratio(oursYaml?.memoryAfterCompletion?.rssMiB, yamlLs?.memoryAfterCompletion?.rssMiB);
  add(
    'RSS after big YAML diagnosed, edited once and completed in, ours / yaml-language-server',
    afterCompletion,
    share(afterCompletion, oursYaml?.memoryAfterCompletion?.rssMiB, yamlLs?.memoryAfterCompletion?.rssMiB),
    null,
    null,
  );
  const first = (s) => s?.memoryAfterBigDiagnosed;
  const mem = ratio(first(oursYaml)?.rssMiB, first(yamlLs)?.rssMiB);
  add('RSS right after big YAML diagnosed, ours / yaml-language-server', mem, share(mem, first(oursYaml)?.rssMiB, first(yamlLs)?.rssMiB), null, null);
  // At that moment the node binary's pages (~40 MiB, the same in every Node process) dominate: a
  // server that does nothing but hold the document is already about a third of yaml-ls's RSS.
  const floorMem = ratio(first(floorYaml)?.rssMiB, first(yamlLs)?.rssMiB);
  add('RSS right after big YAML opened, do-nothing floor server / yaml-language-server', floorMem, share(floorMem, first(floorYaml)?.rssMiB, first(yamlLs)?.rssMiB), null, null);
  const privateMem = ratio(first(oursYaml)?.privateMiB, first(yamlLs)?.privateMiB);
  add('private memory (RssAnon) right after big YAML diagnosed, ours / yaml-language-server', privateMem, share(privateMem, first(oursYaml)?.privateMiB, first(yamlLs)?.privateMiB), null, null);

  // Editing help (issue 3): completion ≤ 20 ms and ≥ 30× yaml-language-server; hover ≤ 10 ms.
  const comp = (s) => (s?.completion?.supported ? num(s.completion.median) : null);
  const hov = (s) => (s?.hover?.supported ? num(s.hover.median) : null);
  for (const [format, s] of [['YAML', oursYaml], ['JSON', oursJson]]) {
    const c = comp(s);
    add(`completion in big ${format}, ours`, c, `${ms(c)} ms`, '≤ 20 ms', c !== null && c <= 20);
    const h = hov(s);
    add(`hover in big ${format}, ours`, h, `${ms(h)} ms`, '≤ 10 ms', h !== null && h <= 10);
  }
  const cy = ratio(comp(yamlLs), comp(oursYaml));
  add('completion in big YAML, yaml-language-server / ours', cy, times(cy), '≥ 30×', cy !== null && cy >= 30);
  const cj = ratio(comp(jsonLs), comp(oursJson));
  add('completion in big JSON, vscode-json-language-server / ours', cj, times(cj), null, null);
  // While typing, the keystroke's version is not analysed yet: this completion includes the parse.
  const typed = (s) => (s?.completionAfterKeystroke?.supported ? num(s.completionAfterKeystroke.median) : null);
  for (const [format, s, theirs, name] of [['YAML', oursYaml, yamlLs, 'yaml-language-server'], ['JSON', oursJson, jsonLs, 'vscode-json-language-server']]) {
    const t = typed(s);
    const r = ratio(typed(theirs), t);
    add(`completion right after a keystroke in big ${format}, ours (${name} / ours)`, t, `${ms(t)} ms (${times(r)})`, null, null);
  }
  return out;
}

export function checksText(list) {
  return list
    .map((c) => {
      const verdict = c.target === null ? 'info' : c.pass === null ? 'n/a' : c.pass ? 'PASS' : 'MISS';
      return `- ${c.what}: **${c.shown}**${c.target ? ` (target ${c.target})` : ''} — ${verdict}`;
    })
    .join('\n');
}

/** Things that would make the numbers meaningless, said out loud. */
export function warnings(sessions, docs) {
  const w = [];
  for (const s of sessions) {
    for (const e of s.errors ?? []) w.push(`${s.label} (${s.format}): ${e}`);
    const expected = docs[`big-${s.format}`].invalidClients;
    const count = s.bigColdOpen?.count;
    // The floor server validates nothing by design.
    if (s.server !== 'floor' && typeof count === 'number' && count < expected) {
      w.push(`${s.label} (${s.format}) reported ${count} diagnostics for ${expected} invalid clients: is the schema applied?`);
    }
  }
  return w;
}
