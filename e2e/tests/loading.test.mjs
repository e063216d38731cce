// The start screen before every set has arrived: drawn from the catalog's facts and the set shown
// first, while the other sets and the archive load behind it (held back here by Playwright's routing).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowserAndSite, assertNoConsoleErrors, assertAccessible, readSet, trackPendingWork, settled, titled, ROOT } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });

/**
 * A context whose requests for files matching `pattern` wait until `release()`; `requested` lists
 * them, and `whenRequested(path)` resolves once one whose path matches has been made (it fails
 * after 10 s). Its pages track their pending work (`settled`) unless the page's clock is installed.
 */
async function holding(pattern, { script, arg, body, clock } = {}) {
  const context = await shared.browser().newContext();
  if (!clock) await context.addInitScript(trackPendingWork);
  if (script) await context.addInitScript(script, arg);
  let release;
  const released = new Promise((done) => { release = done; });
  const requested = [];
  const waiting = new Set();
  const whenRequested = (path) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => { waiting.delete(check); reject(new Error(`no request for ${path} within 10 s; requested: ${requested.join(', ')}`)); }, 10_000);
    const check = () => { if (requested.some((p) => path.test(p))) { waiting.delete(check); clearTimeout(timer); resolve(); } };
    waiting.add(check);
    check();
  });
  await context.route(pattern, async (route) => {
    requested.push(new URL(route.request().url()).pathname);
    for (const check of [...waiting]) check();
    await released;
    if (body) await route.fulfill({ contentType: 'application/json', body: body(route.request().url()) });
    else await route.continue();
  });
  const errors = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    // Playwright's clock: time runs as usual until a test moves it on.
    if (clock) await page.clock.install();
    await page.goto(shared.site().url);
    return page;
  };
  return { context, open, errors, release, requested, whenRequested };
}

// Every set but the flagship (the default, shown first), and the whole archive.
const BEHIND = /\/assessments\/(em-to-head-of-engineering|tech-lead-to-engineering-manager|staff-engineer-readiness|archive\/[^/]+)\.json$/;

/** Collects the widget's events on the page (an init script). */
function listenForEvents() {
  window.__events = [];
  for (const type of ['altitude-ready', 'altitude-error']) document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
}

/** Which element inside the widget has keyboard focus: its id. */
const focusedId = (page) => page.evaluate(() => document.querySelector('altitude-assessment').shadowRoot.activeElement?.id ?? null);

test('the start screen lists every set from the catalog while the others load; picking one still loading waits for it, with focus kept', async () => {
  const { context, open, errors, release, requested, whenRequested } = await holding(BEHIND);
  const page = await open();
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  const start = page.getByRole('button', { name: 'Start the assessment' });
  await assert.doesNotReject(() => start.waitFor());
  assert.ok(await start.isEnabled(), 'the flagship is in: Start works');
  // Every listed set is there, with the catalog's facts, though three of them have not arrived.
  for (const id of ['cto-readiness', 'em-to-head-of-engineering', 'tech-lead-to-engineering-manager', 'staff-engineer-readiness']) {
    const set = readSet(id);
    const radio = page.getByRole('radio', { name: titled(set.title) });
    await radio.waitFor();
    const label = page.locator(`label[for="set-${id}"]`);
    assert.match(await label.textContent(), new RegExp(`about ${set.estimated_minutes} minutes · ${set.questions.length} questions`));
  }
  // Requested together once the start screen has been painted, without waiting for anything else:
  // the other sets are held until release() below, so the archive cannot have waited for them.
  await whenRequested(/\/archive\//);
  assert.ok(requested.some((path) => path.includes('/archive/')), 'the archive was requested behind the start screen');
  assert.ok(await page.getByRole('radio', { name: titled('CTO readiness') }).isChecked());

  // The person picks a set still on its way: Start and the role picker wait, and say why.
  const picked = page.getByRole('radio', { name: titled('Tech Lead to Engineering Manager') });
  await picked.focus();
  await page.keyboard.press('Space');
  assert.ok(await picked.isChecked());
  const status = page.getByRole('status').filter({ hasText: 'Loading this assessment…' });
  await status.waitFor();
  assert.ok(await start.isDisabled());
  assert.ok(await page.getByLabel('Target role').isDisabled());
  await assertAccessible(page, 'the start screen with a set still loading');
  // Past results may need an archived version still on its way: the masthead waits for it too.
  const pastResults = page.getByRole('button', { name: /^Past results/ });
  assert.ok(await pastResults.isDisabled());

  release();
  await assert.doesNotReject(() => page.waitForFunction(() => !document.querySelector('altitude-assessment').shadowRoot.querySelector('.masthead button:last-child').disabled));
  await page.getByRole('option', { name: 'Engineering Manager' }).waitFor({ state: 'attached' });
  await page.waitForFunction(() => !document.querySelector('altitude-assessment').shadowRoot.querySelector('button.primary').disabled);
  assert.equal(await status.count(), 0, 'the status is gone');
  assert.ok(await picked.isChecked(), 'the pick stands');
  assert.equal(await focusedId(page), 'set-tech-lead-to-engineering-manager', 'the list was not drawn again: focus stays on the pick');
  await page.getByLabel('Target role').selectOption({ label: 'Engineering Manager' });
  await start.click();
  const set = readSet('tech-lead-to-engineering-manager');
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${set.dimensions[0].name}`) }).waitFor();
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a set that fails behind the start screen shows its located problems, announced once; the others still work', async () => {
  const broken = JSON.stringify({ format: 'altitude.question-set/2', id: 'em-to-head-of-engineering', version: '9', title: '<b>Broken</b>', qestions: [], dimensions: [{ id: 'a', name: 'A' }], roles: [] });
  const { context, open, errors, release } = await holding(/\/assessments\/em-to-head-of-engineering\.json$/, { script: listenForEvents, body: () => broken });
  const page = await open();
  await page.getByRole('radio', { name: titled('Engineering Manager to Head of Engineering') }).waitFor();
  release();
  const alert = page.getByRole('alert');
  await alert.getByText(/em-to-head-of-engineering\.json$/).waitFor();
  assert.match(await alert.textContent(), /unknown key "qestions" in the question set; did you mean "questions"\?/);
  assert.equal(await page.getByRole('radio', { name: titled('Engineering Manager to Head of Engineering') }).count(), 0, 'no longer offered');
  assert.equal(await page.locator('b').count(), 0, 'text from a set is never markup');
  assert.equal(await page.getByRole('radio').count(), 3);
  // The broken set is announced by the load's last step; once the page has settled (every file read,
  // every step kept and answered), nothing more can be announced.
  await page.waitForFunction(() => window.__events.some((e) => e.type === 'altitude-error'));
  await settled(page);
  const seen = await page.evaluate(() => window.__events);
  assert.deepEqual(seen.map((e) => e.type).sort(), ['altitude-error', 'altitude-ready'], 'each announced once');
  assert.equal(seen.find((e) => e.type === 'altitude-ready').detail.set, 'cto-readiness');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.getByRole('heading', { level: 2, name: /^Technical strategy/ }).waitFor();
  await assertAccessible(page, 'a question page after a set failed behind the start screen');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a set whose server never answers fails after a minute, with its reason; the masthead then leads on', async () => {
  // The set read first behind the start screen (the next in the catalog after the default), so the
  // minute starts a frame after the start screen shows: held further down the list, it would start
  // once the sets before it are in, which on a busy machine takes several of the steps below.
  const { context, open, errors, requested, whenRequested } = await holding(/\/assessments\/em-to-head-of-engineering\.json$/, { script: listenForEvents, clock: true });
  const page = await open();
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  const pastResults = page.getByRole('button', { name: /^Past results/ });
  const alert = page.getByRole('alert');
  // The load requests the set and starts its minute in one step: count from the request.
  await whenRequested(/em-to-head-of-engineering\.json$/);
  const requestedAt = await page.evaluate(() => Date.now());
  assert.deepEqual(requested, ['/assessments/em-to-head-of-engineering.json']);
  // The page's clock moves a second at a time, with real time in between.
  let seconds = 0;
  for (; seconds < 75 && (await alert.count()) === 0; seconds++) {
    if (seconds === 30) assert.ok(await pastResults.isDisabled(), 'still waiting for the set after 30 s');
    await page.clock.runFor(1000);
  }
  // Not before the minute, by the page's own clock: the steps alone undercount it, as real time
  // moves the installed clock too (on a busy machine the alert came after 59 steps of a second).
  // Half a second of slack: the page's time is read just after the request, and the minute starts
  // when the load waits for the file, at or after it.
  const elapsed = (await page.evaluate(() => Date.now())) - requestedAt;
  assert.ok(elapsed >= 59_500, `failed after ${elapsed} ms of the page's clock`);
  // And not long after it: the alert is drawn once the load is complete, and the files after this
  // one (the other two sets and the six archived versions) are each read in a task of their own, which
  // the page's clock runs only as it steps (62 steps with three archived versions, 63 with six; a
  // fourth set may add one).
  assert.ok(seconds <= 65, `failed after ${seconds} steps of a second`);
  await alert.getByText(/em-to-head-of-engineering\.json$/).waitFor();
  assert.match(await alert.textContent(), /nothing complete arrived within 60 seconds/);
  assert.ok(await pastResults.isEnabled());
  assert.equal(await page.getByRole('radio').count(), 3, 'the other sets are still offered');
  const seen = await page.evaluate(() => window.__events);
  assert.deepEqual(seen.map((e) => e.type).sort(), ['altitude-error', 'altitude-ready'], 'each announced once');
  await pastResults.click();
  await page.getByRole('heading', { name: 'Past results' }).waitFor();
  assertNoConsoleErrors(errors);
  await context.close();
});

test('an unfinished attempt on an archived version survives a slow archive: Start waits, nothing is set aside, then it resumes', async () => {
  const oldPath = join(ROOT, 'assessments', 'archive', 'cto-readiness-1.0.0.json');
  const old = JSON.parse(readFileSync(oldPath, 'utf8'));
  const firstPage = old.questions.filter((q) => q.dimension === old.dimensions[0].id);
  const answers = Object.fromEntries(firstPage.map((q) => [q.id, q.kind === 'likert' ? 4 : q.options[0].id]));
  const result = { format: 'altitude.result/1', set: { id: old.id, version: old.version }, role: 'cto', started_at: '2026-11-01T09:00:00.000Z', completed_at: null, answers };
  const stored = JSON.stringify({ layout: 1, id: 'yesterday-3', page: 1, result });
  const seed = (value) => { if (!sessionStorage.getItem('seeded')) { sessionStorage.setItem('seeded', '1'); localStorage.setItem('altitude.v1.current.cto-readiness', value); } };
  const { context, open, errors, release, whenRequested } = await holding(/\/assessments\/archive\/[^/]+\.json$/, { script: seed, arg: stored });
  const page = await open();
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Loading this assessment…' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Start the assessment' }).isDisabled(), 'a new attempt must not replace the one not yet readable');
  // The archive is requested once the start screen has been drawn and painted; when the page has
  // settled but for it, every other file has been read and everything the widget does before the
  // archive arrives has been done: anything set aside or offered would be by now.
  await whenRequested(/\/archive\//);
  await settled(page, { except: /\/assessments\/archive\// });
  const keys = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('altitude')));
  assert.deepEqual(await keys(), ['altitude.v1.current.cto-readiness'], 'nothing set aside');
  assert.equal(await page.evaluate(() => localStorage.getItem('altitude.v1.current.cto-readiness')), stored, 'left as it was');
  assert.equal(await page.getByText(/You have an unfinished attempt/).count(), 0);

  release();
  await page.getByText(`You have an unfinished attempt: ${firstPage.length} of ${old.questions.length} questions answered.`).waitFor();
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${old.dimensions[1].name}`) }).waitFor();
  assert.ok((await keys()).every((k) => !k.includes('backup')), 'nothing set aside');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a newer src wins over the slow second step of the catalog load: what that step brings is dropped', async () => {
  // The held set is broken: had the older load's second step been kept, it would be listed as a problem and announced.
  const broken = JSON.stringify({ format: 'altitude.question-set/2', id: 'em-to-head-of-engineering', version: '9', title: 'Broken' });
  const { context, open, errors, release } = await holding(BEHIND, { script: listenForEvents, body: (url) => (url.includes('em-to-head') ? broken : readFileSync(join(ROOT, new URL(url).pathname.replace(/^\//, '')), 'utf8')) });
  const page = await open();
  await page.getByRole('radio', { name: titled('Engineering Manager to Head of Engineering') }).waitFor();
  await page.evaluate(() => document.querySelector('altitude-assessment').setAttribute('src', 'assessments/cto-readiness.json'));
  await page.waitForFunction(() => document.querySelector('altitude-assessment').shadowRoot.querySelectorAll('input[type=radio]').length === 1);
  release();
  // Every held file reaches the page, and the older load either stops at its next step or goes on
  // to its end: once the page has settled (nothing requested, read or scheduled is left), it has
  // done one or the other, and what it would have kept would be shown and announced.
  await settled(page);
  assert.equal(await page.getByRole('radio').count(), 1, 'only the newer src is offered');
  assert.equal(await page.getByRole('alert').count(), 0, 'the older load\'s broken set is not listed');
  assert.ok(await page.getByRole('button', { name: 'Start the assessment' }).isEnabled());
  const seen = await page.evaluate(() => window.__events);
  assert.deepEqual(seen.map((e) => e.type), ['altitude-ready', 'altitude-ready'], 'the first load\'s set, then the newer src\'s; no error');
  assertNoConsoleErrors(errors);
  await context.close();
});

/** A catalog of one set, stating its facts, with no archive: both steps of its load are kept at once. */
function catalogOfOne(file) {
  const catalog = JSON.parse(readFileSync(join(ROOT, 'assessments', 'catalog.json'), 'utf8'));
  return JSON.stringify({ default: 'cto-readiness', sets: [{ ...catalog.sets[0], file }] });
}

test('a catalog of one set with its facts and no archive announces ready once, and a broken one its error once', async () => {
  for (const [file, expected] of [['cto-readiness.json', 'altitude-ready'], ['missing.json', 'altitude-error']]) {
    const { context, open, errors, release } = await holding(/\/assessments\/catalog\.json$/, { script: listenForEvents, body: () => catalogOfOne(file) });
    release();
    const page = await open();
    if (expected === 'altitude-ready') await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
    else await page.getByRole('alert').getByText(/missing\.json/).waitFor();
    // Both steps of the load are in; once the page has settled, there is nothing left to announce.
    await settled(page);
    const seen = await page.evaluate(() => window.__events);
    assert.deepEqual(seen.map((e) => e.type), [expected], `${file}: told once`);
    if (expected === 'altitude-ready') assert.equal(seen[0].detail.set, 'cto-readiness');
    else assert.match(seen[0].detail.message, /missing\.json could not be loaded: the server answered 404/);
    assertNoConsoleErrors(errors.filter((e) => !/404/.test(e)));
    await context.close();
  }
});

test('on a page that preloads nothing, the catalog and the default set are fetched once, beside the wasm, and handed to it', async () => {
  const context = await shared.browser().newContext();
  const requested = [];
  context.on('request', (request) => requested.push(new URL(request.url()).pathname));
  const bare = '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Bare</title><link rel="icon" href="/favicon.svg"><script type="module" src="/altitude.js"></script></head><body><altitude-assessment></altitude-assessment></body></html>';
  await context.route('**/bare.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: bare }));
  const errors = [];
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('bare.html', shared.site().url).href);
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  await page.getByRole('button', { name: /^Past results/ }).and(page.locator(':enabled')).waitFor();
  const times = (file) => requested.filter((path) => path.endsWith(`/assessments/${file}`)).length;
  // The server forbids caching: a second request would reach it.
  assert.equal(times('catalog.json'), 1, 'the catalog once');
  assert.equal(times('cto-readiness.json'), 1, 'the default set once');
  assert.equal(times('em-to-head-of-engineering.json'), 1, 'another set once, behind the start screen');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('in a tab in the background (no frames, timers at most once a second) the rest of the load does not wait to let the browser draw', async () => {
  const background = () => {
    Object.defineProperty(Document.prototype, 'hidden', { get: () => true });
    Object.defineProperty(Document.prototype, 'visibilityState', { get: () => 'hidden' });
    window.requestAnimationFrame = () => 0;
    const setTimeoutNow = window.setTimeout.bind(window);
    window.setTimeout = (callback, delay, ...args) => setTimeoutNow(callback, Math.max(1000, delay ?? 0), ...args);
    // Timed in the page, by what the widget draws (Playwright's own polling would be held to 1 s too):
    // the start screen, then the masthead's links, which wait for every set and archived version.
    const watch = () => {
      const root = document.querySelector('altitude-assessment')?.shadowRoot;
      if (!root) return setTimeoutNow(watch, 5);
      const check = () => {
        if (window.__shownAt === undefined && root.querySelector('button.primary')) window.__shownAt = performance.now();
        const pastResults = root.querySelector('.masthead button:last-child');
        if (window.__shownAt !== undefined && window.__completeAt === undefined && pastResults && !pastResults.disabled) window.__completeAt = performance.now();
      };
      new MutationObserver(check).observe(root, { childList: true, subtree: true, attributes: true });
      check();
    };
    watch();
  };
  const { context, open, errors, release } = await holding(/\/assessments\/catalog\.json$/, { script: background });
  release();
  const page = await open();
  // Polled by timeout (held to 1 s here): the page draws no frames to poll by.
  await page.waitForFunction(() => window.__completeAt !== undefined, null, { polling: 100, timeout: 20_000 });
  const waited = await page.evaluate(() => window.__completeAt - window.__shownAt);
  assert.ok(waited < 900, `the other five files were read ${Math.round(waited)} ms after the start screen; a throttled wait per file takes 1,000 ms`);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a server that sends the wasm as another type, or with a charset, still gets a working widget: the glue reads the bytes instead of compiling them as they stream', async () => {
  const flagship = readSet('cto-readiness');
  for (const type of ['application/octet-stream', 'application/wasm; charset=utf-8']) {
    const context = await shared.browser().newContext();
    await context.route('**/altitude-web_bg.wasm', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-type': type } });
    });
    const warnings = [];
    const errors = [];
    const page = await context.newPage();
    page.on('console', (m) => (m.type() === 'error' ? errors : warnings).push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(shared.site().url);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${flagship.dimensions[0].name}`) }).waitFor();
    assert.ok(warnings.some((w) => /application\/wasm/.test(w)), `${type}: the glue says why it read the bytes instead`);
    assertNoConsoleErrors(errors);
    await context.close();
  }
});

test('a wasm that cannot be compiled is reported once, not also as an unhandled rejection before the glue arrives', async () => {
  const context = await shared.browser().newContext();
  await context.addInitScript(trackPendingWork);
  // Marks in the page the moment the compile has failed.
  await context.addInitScript(() => {
    const compile = WebAssembly.compileStreaming;
    WebAssembly.compileStreaming = function (...args) {
      const compiling = compile.apply(WebAssembly, args);
      compiling.then(null, () => { window.__compileFailed = true; });
      return compiling;
    };
  });
  await context.route('**/altitude-web_bg.wasm', (route) => route.fulfill({ contentType: 'application/wasm', body: Buffer.from('not a wasm module') }));
  // The glue comes only once the compile has failed, so nothing awaits the failure when it happens:
  // left unhandled, it would be reported then, before the glue is even let through.
  let page;
  let reportedAfterGlue;
  await context.route('**/altitude-web.js', async (route) => {
    await page.waitForFunction(() => window.__compileFailed === true);
    reportedAfterGlue = page.waitForEvent('pageerror');
    await route.continue();
  });
  const errors = [];
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.site().url);
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/altitude-web.js')));
  // The glue's init awaits the failed compile and reports it: the first error once the glue came.
  // After it the page settles with nothing left to do, so no other report can follow.
  await reportedAfterGlue;
  await settled(page);
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /CompileError|WebAssembly/);
  await context.close();
});

test('a catalog that fails (an error status, a failed request) is told once, in the element and to the host, when altitude.js fetched it', async () => {
  for (const [fail, why] of [[(route) => route.fulfill({ status: 404, body: 'gone' }), /the server answered 404/], [(route) => route.abort(), /the request failed/]]) {
    const context = await shared.browser().newContext();
    await context.addInitScript(trackPendingWork);
    await context.addInitScript(listenForEvents);
    await context.route('**/assessments/catalog.json', fail);
    const errors = [];
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(shared.site().url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.textContent(), why);
    // A failed catalog ends the load; once the page has settled, nothing more can be told.
    await settled(page);
    const seen = await page.evaluate(() => window.__events);
    assert.deepEqual(seen.map((e) => e.type), ['altitude-error'], 'told once');
    assert.match(seen[0].detail.message, /The list of assessments at \S+catalog\.json could not be loaded/);
    assertNoConsoleErrors(errors.filter((e) => !/Failed to load resource|ERR_FAILED/.test(e)));
    await context.close();
  }
});

test('a set named by the page while the catalog is on its way is the one announced ready, once the rest has loaded', async () => {
  const { context, open, errors, release } = await holding(/\/assessments\/catalog\.json$/, { script: listenForEvents });
  const page = await open();
  // As a framework does: the element is in the page first, its attributes come a moment later.
  await page.evaluate(() => document.querySelector('altitude-assessment').setAttribute('set', 'em-to-head-of-engineering'));
  release();
  await page.getByRole('button', { name: /^Past results/ }).and(page.locator(':enabled')).waitFor();
  // The masthead leads on once the whole load is in; once the page has settled, it has announced all it will.
  await settled(page);
  const seen = await page.evaluate(() => window.__events);
  assert.deepEqual(seen.map((e) => [e.type, e.detail.set]), [['altitude-ready', 'em-to-head-of-engineering']]);
  assert.ok(await page.getByRole('radio', { name: titled('Engineering Manager to Head of Engineering') }).isChecked());
  assertNoConsoleErrors(errors);
  await context.close();
});
