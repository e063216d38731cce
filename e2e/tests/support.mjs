// Shared by the end-to-end tests: the browser, a page that fails on console errors, the axe check,
// the `altitude` tool, and a page object that works through roles and labels as a person would.
import { chromium } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { serve } from '../../build/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(ROOT, 'dist');
export const ALTITUDE = join(ROOT, 'target', 'release', 'altitude');

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export async function startSite(options) {
  return serve(DIST, options);
}

/**
 * A new context and page; every console error or page error is recorded and must be none.
 * `initScripts` run in the page before its own (`trackPendingWork`, say).
 */
export async function openPage(browser, url, contextOptions = {}, initScripts = []) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, ...contextOptions });
  for (const script of initScripts) await context.addInitScript(script);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(url);
  return { context, page, errors };
}

/** An init script for a page whose browser refuses localStorage, as private modes and sandboxed frames do. */
export function refuseLocalStorage() {
  Object.defineProperty(window, 'localStorage', { configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); } });
}

/**
 * An init script that keeps the list of what the page is waiting for, so a test can tell when it
 * has nothing left to do (`settled`): each timer under a minute and each animation frame it asked
 * for, until it runs or is cancelled; each request, body read and WebAssembly compile, until it
 * settles. Once the widget has loaded, its code runs only from these (and from events, which a test
 * causes and awaits itself; module imports are not counted); what it does in reply runs in the
 * microtasks after them, before any other task, so a page found with nothing pending at a task of
 * its own has done all it was going to do. Timers of
 * a minute or more are deadlines (the load's for a file that never comes, the clean-up of a
 * prefetched file nobody took), not work. The returned promises are new ones, so a rejection the
 * page leaves unhandled is still reported as unhandled.
 */
export function trackPendingWork() {
  const LONG_MS = 60_000;
  const pending = new Map();
  let next = 0;
  const begin = (what) => { pending.set(++next, what); return next; };
  const end = (key) => pending.delete(key);
  const watch = (what, promise) => { const key = begin(what); return promise.finally(() => end(key)); };
  const { setTimeout, clearTimeout, requestAnimationFrame, cancelAnimationFrame, fetch } = window;
  const timers = new Map();
  window.setTimeout = function (callback, delay, ...args) {
    if (typeof callback !== 'function' || Number(delay) >= LONG_MS) return setTimeout(callback, delay, ...args);
    const key = begin(`a timer of ${Number(delay) || 0} ms`);
    const id = setTimeout(function (...given) { timers.delete(id); end(key); return callback.apply(this, given); }, delay, ...args);
    timers.set(id, key);
    return id;
  };
  window.clearTimeout = function (id) {
    if (timers.has(id)) { end(timers.get(id)); timers.delete(id); }
    return clearTimeout(id);
  };
  const frames = new Map();
  window.requestAnimationFrame = function (callback) {
    const key = begin('an animation frame');
    const id = requestAnimationFrame((time) => { frames.delete(id); end(key); return callback(time); });
    frames.set(id, key);
    return id;
  };
  window.cancelAnimationFrame = function (id) {
    if (frames.has(id)) { end(frames.get(id)); frames.delete(id); }
    return cancelAnimationFrame(id);
  };
  window.fetch = function (input, init) { return watch(`a request for ${input?.url ?? input}`, fetch.call(window, input, init)); };
  for (const name of ['arrayBuffer', 'text', 'json', 'blob']) {
    const read = Response.prototype[name];
    Response.prototype[name] = function () { return watch(`the body of ${this.url}`, read.call(this)); };
  }
  for (const name of ['compile', 'compileStreaming', 'instantiate', 'instantiateStreaming']) {
    const run = WebAssembly[name];
    if (run) WebAssembly[name] = function (...args) { return watch(`WebAssembly.${name}`, run.apply(WebAssembly, args)); };
  }
  /** Resolves with [] once nothing is pending but what `except` (a RegExp's source) matches, checked in a task of its own; with what is still pending after `timeout` ms. */
  window.__settled = (except, timeout) => new Promise((resolve) => {
    const skip = except ? new RegExp(except) : null;
    const waiting = () => [...pending.values()].filter((what) => !skip?.test(what));
    const started = performance.now();
    const check = () => {
      const left = waiting();
      if (left.length === 0 || performance.now() - started > timeout) resolve(left);
      else setTimeout(check, 5);
    };
    setTimeout(check, 0);
  });
}

/**
 * Waits until the page (with `trackPendingWork`) has nothing left to do: every request answered
 * and read, every timer and frame it asked for run, and so everything done that they lead to.
 * `except`: pending work to leave out (requests a test holds back on purpose), matched against
 * "a request for <url>". Fails, naming what is still pending, if that takes over 20 s.
 */
export async function settled(page, { except } = {}) {
  const left = await page.evaluate(([source, timeout]) => window.__settled(source, timeout), [except?.source ?? null, 20_000]);
  assert.deepEqual(left, [], 'the page settles: nothing left pending');
}

/** Saves a download (a file the page wrote) in a folder of its own, under `name`; returns its path. */
export async function saveDownload(download, name = download.suggestedFilename()) {
  const path = join(mkdtempSync(join(tmpdir(), 'altitude-')), name);
  await download.saveAs(path);
  return path;
}

/** The page printed to a PDF of `format` (A4, Letter) and read back with pdftotext: its text with
 * every run of white space as one space. */
export async function printed(page, format) {
  const path = join(mkdtempSync(join(tmpdir(), 'altitude-')), `printed-${format}.pdf`);
  writeFileSync(path, await page.pdf({ format }));
  // A word broken at its hyphen across two lines ("one-on-\nones") is joined again.
  const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/-\n/g, '-').replace(/\s+/g, ' ');
  rmSync(dirname(path), { recursive: true });
  return { text };
}

export function assertNoConsoleErrors(errors) {
  assert.deepEqual(errors, [], `console errors: ${errors.join('\n')}`);
}

/** axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules: no violations allowed. */
export async function assertAccessible(page, where) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  assert.deepEqual(summary, [], `axe violations on ${where}`);
}

/** The score report of `altitude score` for a result document, as the core computes it. */
export function coreReport(setPath, resultPath, role) {
  const args = ['score', '--set', setPath, '--answers', resultPath, ...(role ? ['--role', role] : [])];
  const report = JSON.parse(execFileSync(ALTITUDE, args, { encoding: 'utf8' }));
  // What the widget must say in words: `altitude score --explain` on the same files, line by line.
  report.explain = coreExplain(args);
  return report;
}

/** The lines of `altitude score --explain` for the arguments of `altitude score` (`args`). */
export function coreExplain(args) {
  return execFileSync(ALTITUDE, [...args, '--explain'], { encoding: 'utf8' }).trimEnd().split('\n');
}

export function readSet(id) {
  return JSON.parse(readFileSync(join(ROOT, 'assessments', `${id}.json`), 'utf8'));
}

/** Whole numbers, as the widget shows them. */
export const whole = (x) => String(Math.round(x));

/** Whether a set is in format 2 (its answers beside the scale differ from format 1's). */
export const isFormat2 = (set) => set.format === 'altitude.question-set/2';

/** The label of "not applicable" in the widget for `set`. */
export const notApplicable = (set) => (isFormat2(set) ? "Doesn't apply to my situation" : 'Not applicable');

/**
 * A deterministic answer for question `i` of `set`: a mix of points, options, levels, "not
 * applicable" and, for format-2 sets, "not had the chance yet".
 */
export function plannedAnswer(set, i) {
  const question = set.questions[i];
  if (i % 11 === 7) return { label: notApplicable(set) };
  // Offered on habits and ladders only: a scenario is something anyone can answer.
  if (isFormat2(set) && i % 9 === 4 && question.kind !== 'choice') return { label: 'Not had the chance yet' };
  if (question.kind === 'likert') return { label: set.scale.labels[(i * 3) % set.scale.points] };
  return { label: question.options[i % question.options.length].text };
}

/** The strongest answer to question `i` of `set`: the top of the scale (the bottom if reverse-keyed), or the best option. */
export function bestAnswer(set, i) {
  const q = set.questions[i];
  if (q.kind === 'likert') return { label: q.reverse ? set.scale.labels[0] : set.scale.labels[set.scale.points - 1] };
  return { label: q.options.reduce((a, b) => (b.score > a.score ? b : a)).text };
}

/** The weakest answer to question `i` of `set`. */
export function worstAnswer(set, i) {
  const q = set.questions[i];
  if (q.kind === 'likert') return { label: q.reverse ? set.scale.labels[set.scale.points - 1] : set.scale.labels[0] };
  return { label: q.options.reduce((a, b) => (b.score < a.score ? b : a)).text };
}

/**
 * The accessible name of a set's radio on the start screen, by its title: the name starts with the
 * title, then the set's facts and summary (which may name another set, as the TL→EM one names the staff set).
 */
export const titled = (title) => new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

/** The widget as a person sees it. */
export class Altitude {
  constructor(page) {
    this.page = page;
  }

  async start(setTitle, roleName) {
    await this.page.getByRole('radio', { name: titled(setTitle) }).check();
    if (roleName) await this.page.getByLabel('Target role').selectOption({ label: roleName });
    await this.page.getByRole('button', { name: 'Start the assessment' }).click();
  }

  question(text) {
    return this.page.getByRole('group', { name: text });
  }

  async answer(question, label) {
    await this.question(question.text).getByRole('radio', { name: label, exact: true }).check();
  }

  async next() {
    const next = this.page.getByRole('button', { name: /^(Next|Review and finish)$/ });
    await next.click();
  }

  async progressText() {
    return this.page.locator('#progress-text').textContent();
  }

  /** Answers every question of `set` as planned, page by page, and finishes. */
  async answerAll(set, plan = plannedAnswer) {
    for (let d = 0; d < set.dimensions.length; d++) {
      await this.page.getByRole('heading', { level: 2, name: new RegExp(`^${set.dimensions[d].name}`) }).waitFor();
      for (let i = 0; i < set.questions.length; i++) {
        if (set.questions[i].dimension === set.dimensions[d].id) await this.answer(set.questions[i], plan(set, i).label);
      }
      await this.next();
    }
  }

  async finish() {
    await this.page.getByRole('button', { name: /^Finish/ }).click();
    await this.page.getByRole('heading', { name: /^Your results/ }).waitFor();
  }

  /** The dimension table: name → {score, band, target, gap} as shown. */
  async scoreTable() {
    const rows = await this.page.getByRole('table', { name: 'Scores by dimension' }).locator('tbody tr').all();
    const table = {};
    for (const row of rows) {
      const name = (await row.getByRole('rowheader').textContent()).trim();
      const cells = await row.getByRole('cell').allTextContents();
      table[name] = { score: cells[0], band: cells[1], target: cells[2], gap: cells[3], untested: cells[4] };
    }
    return table;
  }

  async readinessTable() {
    const rows = await this.page.getByRole('table', { name: 'Readiness for each role' }).locator('tbody tr').all();
    const table = {};
    for (const row of rows) {
      const [readiness, verdict] = (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
      table[(await row.getByRole('rowheader').textContent()).replace(' (ready)', '').trim()] = { readiness, verdict };
    }
    return table;
  }

  async overall() {
    return (await this.page.getByTestId('overall').textContent()).trim();
  }

  async exportResult() {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByRole('button', { name: 'Export this result' }).click()]);
    return download;
  }
}

/** Asserts that what the results screen shows equals the core's report, rounded as displayed. */
export async function assertShowsReport(altitude, set, report) {
  const table = await altitude.scoreTable();
  for (const d of report.dimensions) {
    const shown = table[d.name];
    assert.ok(shown, `row for ${d.name}`);
    if (d.score === null) {
      assert.equal(shown.score, 'not enough answers');
    } else {
      assert.equal(shown.score, whole(d.score), `${d.name} score`);
      assert.equal(shown.band, d.band);
      // Halves away from zero, as Rust's f64::round does (Math.round(-12.5) is -12).
      const gap = Math.sign(d.gap) * Math.round(Math.abs(d.gap));
      assert.equal(shown.gap, gap > 0 ? `${gap} short` : gap < 0 ? `${-gap} beyond` : 'on target', `${d.name} gap`);
    }
    assert.equal(shown.target, whole(d.target));
    const untested = d.untested?.length ?? 0;
    assert.equal(shown.untested, untested ? `${untested} not yet tried` : '—', `${d.name} untested`);
  }
  assert.equal(await altitude.overall(), report.overall === null ? 'not enough answers' : whole(report.overall));
  const readiness = await altitude.readinessTable();
  if (report.roles.every((role) => role.readiness === null)) {
    // No role has a verdict: the headline says why once, and no table repeats it for each role.
    assert.deepEqual(readiness, {}, 'no table of roles without a verdict');
    const reason = report.explain[0].replace(/^No verdict yet: /, '');
    for (const role of report.roles) assert.ok(report.explain.includes(`${role.name} — ${reason}`), `${role.name}: the headline's reason`);
  }
  for (const role of report.roles.filter((r) => r.readiness !== null)) {
    // Never shown as reaching the threshold when it does not: 89.6 of 90 is "89%".
    const threshold = set.ready_threshold ?? 90;
    const percent = (r) => (r < threshold && Math.round(r) >= threshold ? Math.floor(r) : Math.round(r));
    assert.equal(readiness[role.name].readiness, role.readiness === null ? 'not enough answers' : `${percent(role.readiness)}%`, role.name);
    // The verdict and its deciding reason, word for word as the core says it.
    const line = report.explain.find((l) => l.startsWith(`${role.name} — `));
    assert.equal(`${role.name} — ${readiness[role.name].verdict}`, line, `${role.name} verdict`);
  }
  assert.equal((await altitude.page.getByTestId('headline').textContent()).trim(), report.explain[0], 'the headline');
  if (report.context?.organisation) {
    assert.ok(report.explain.includes(await altitude.page.locator('.results > p.context').nth(1).textContent()), 'the organisation');
  }
  const focus = await altitude.page.locator('ol.focus > li > strong').allTextContents();
  assert.deepEqual(focus, report.focus.map((id) => set.dimensions.find((d) => d.id === id).name));
}

/**
 * One browser and one site for a test file: registers the hooks that start and stop them, and
 * returns getters, since they exist only once the `before` hook has run.
 */
export function sharedBrowserAndSite(hooks, siteOptions) {
  let browser;
  let site;
  hooks.before(async () => {
    browser = await launch();
    site = await startSite(siteOptions);
  });
  hooks.after(async () => {
    await browser?.close();
    await site?.close();
  });
  return { browser: () => browser, site: () => site };
}
