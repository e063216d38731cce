// The split wasm end to end: the first download holds only the start screen and the questions; the
// later screens' module is fetched in the background while the person answers, so the results never
// wait for the network; and a module that cannot be fetched is said, with nothing lost.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, refuseLocalStorage, readSet, Altitude, saveDownload, trackPendingWork, settled } from './support.mjs';

const flagship = readSet('cto-readiness');
const shared = sharedBrowserAndSite({ before, after });

/** The file names the page has fetched so far (resource timing sees the wasm loader's fetches too). */
const fetchedFiles = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.split('/').pop()));

test('the later screens load in the background while the person answers, so the results show even offline', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url, {}, [trackPendingWork]);
  const altitude = new Altitude(page);
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  // The preload is a timer set when a later screen shows. Once the page has settled (every timer it
  // set has run, every request it made has been answered), whatever the start screen would fetch has
  // been fetched: nothing but the main module may be.
  await settled(page);
  const atStart = await fetchedFiles(page);
  assert.ok(atStart.includes('altitude-web_bg.wasm'), `the main module was fetched: ${atStart.join(', ')}`);
  assert.deepEqual(atStart.filter((file) => file.endsWith('.wasm') && file !== 'altitude-web_bg.wasm'), [], 'no split module before the first question');

  await altitude.start('CTO readiness', 'VP of Engineering');
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((entry) => /\/split_[^/]+\.wasm$/.test(entry.name)), null, { timeout: 10_000 });
  const whileAnswering = (await fetchedFiles(page)).filter((file) => file.startsWith('split_'));
  assert.equal(whileAnswering.length, 1, `one later module: ${whileAnswering.join(', ')}`);

  // From here on the network is gone: review, results and history must come from what was preloaded.
  await context.setOffline(true);
  await altitude.answerAll(flagship);
  await page.getByRole('heading', { name: 'Review and finish' }).waitFor();
  await altitude.finish();
  await page.getByRole('navigation', { name: 'Altitude' }).getByRole('button', { name: /^Past results/ }).click();
  await page.getByRole('heading', { name: /^Past results/ }).waitFor();
  assertNoConsoleErrors(errors);
  await context.close();
});

test('when the later screens’ module cannot be fetched, the person is told and keeps every answer; the next try brings it', async () => {
  const context = await shared.browser().newContext({ acceptDownloads: true });
  // Storage refused (as in private modes), so the storage notice offers the answers as a file.
  await context.addInitScript(refuseLocalStorage);
  // Until the connection comes back, every request for a split module fails.
  let reachable = false;
  await context.route(/\/split_[^/]+\.wasm$/, (route) => (reachable ? route.continue() : route.abort()));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.site().url);
  const altitude = new Altitude(page);
  const storageNotice = page.getByRole('alert').filter({ hasText: 'does not let the page keep data' });
  await storageNotice.waitFor();
  await altitude.start('CTO readiness', 'VP of Engineering');
  await altitude.answerAll(flagship);

  // The review is in the module that did not come: said where it would be, and the widget goes on.
  await page.getByRole('alert').filter({ hasText: 'This part of the assessment could not be loaded' }).waitFor();
  // Under a heading of its own, which takes focus as the review's would have.
  await page.getByRole('heading', { name: 'Not loaded' }).waitFor();
  await page.waitForFunction(() => document.querySelector('altitude-assessment').shadowRoot.activeElement?.id === 'not-loaded-heading', null, { timeout: 5000 });
  const save = storageNotice.getByRole('button', { name: 'Save my answers to a file' });
  await save.click();
  await page.getByRole('status').filter({ hasText: 'The file could not be prepared' }).waitFor();

  // Back online, the same offer saves every answer, and the later screens come.
  reachable = true;
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  const path = await saveDownload(download);
  const saved = readFileSync(path, 'utf8');
  assert.equal(JSON.parse(saved).completed_at, null, 'the attempt in progress');
  for (const q of flagship.questions) assert.ok(saved.includes(JSON.stringify(q.id)), `${q.id} is in the file`);
  await page.getByRole('navigation', { name: 'Altitude' }).getByRole('button', { name: /^Past results/ }).click();
  await page.getByRole('heading', { name: /^Past results/ }).waitFor();
  // The only errors are the failed fetches themselves, which the browser and the module loader log.
  assertNoConsoleErrors(errors.filter((e) => !/Failed to (load resource|fetch)/.test(e)));
  await context.close();
});

test('a later screen left before its module arrives is not drawn when the module comes, and comes when asked again', async () => {
  const context = await shared.browser().newContext();
  // Marks each wasm module the page has compiled and instantiated, by its address.
  await context.addInitScript(() => {
    const instantiate = WebAssembly.instantiateStreaming;
    window.__instantiated = [];
    WebAssembly.instantiateStreaming = async (source, imports) => {
      const result = await instantiate.call(WebAssembly, source, imports);
      window.__instantiated.push((await source).url);
      return result;
    };
  });
  let release, requested;
  const released = new Promise((done) => { release = done; });
  const asked = new Promise((done) => { requested = done; });
  await context.route(/\/split_[^/]+\.wasm$/, async (route) => {
    requested();
    await released;
    await route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.site().url);
  const masthead = page.getByRole('navigation', { name: 'Altitude' });
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  const pastResults = masthead.getByRole('button', { name: /^Past results/ });
  await pastResults.click();
  await asked;
  // While it is on its way, the screen says so.
  await page.getByRole('main').getByRole('status').filter({ hasText: /^Loading…$/ }).waitFor();
  await masthead.getByRole('button', { name: 'Assessments' }).click();
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  // The module arrives after the person left the screen that asked for it: the start screen stays.
  release();
  // Once it is instantiated, the task waiting for it runs within a few microtasks; two frames later it has drawn whatever it would.
  await page.waitForFunction(() => window.__instantiated.some((url) => /\/split_[^/]+\.wasm$/.test(url)));
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  assert.equal(await page.getByRole('heading', { name: /^Past results/ }).count(), 0, 'the left screen is not drawn');
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  await pastResults.click();
  await page.getByRole('heading', { name: /^Past results/ }).waitFor();
  assertNoConsoleErrors(errors);
  await context.close();
});

test('the later screens’ stylesheet: one that fails is asked for again at the next later screen, one that stalls holds no screen back', async () => {
  const context = await shared.browser().newContext();
  const asks = [];
  let stall = false;
  await context.route(/\/altitude-later\.css$/, async (route) => {
    asks.push(stall ? 'stalled' : asks.length === 0 ? 'failed' : 'served');
    if (stall) return; // never answered
    if (asks.length === 1) return route.abort('failed');
    return route.continue();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && !/altitude-later\.css|ERR_FAILED/.test(m.text()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(shared.site().url);
  const masthead = page.getByRole('navigation', { name: 'Altitude' });
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  // The first ask fails: the screen still shows, unstyled by that sheet.
  await masthead.getByRole('button', { name: /^Past results/ }).click();
  await page.getByRole('heading', { name: /^Past results/ }).waitFor();
  assert.equal(asks[0], 'failed');
  // The next later screen asks again, and gets it.
  await masthead.getByRole('button', { name: 'Assessments' }).click();
  await page.getByRole('button', { name: "See a team's results" }).click();
  await page.getByRole('heading', { name: /team/i, level: 2 }).waitFor();
  await page.waitForFunction(() => {
    const root = document.querySelector('altitude-assessment').shadowRoot;
    return [...root.styleSheets].some((sheet) => sheet.href?.endsWith('altitude-later.css'));
  });
  assert.deepEqual(asks, ['failed', 'served']);

  // In a fresh page whose sheet never comes, a later screen shows after at most 10 s.
  stall = true;
  const second = await context.newPage();
  await second.goto(shared.site().url);
  await second.getByRole('button', { name: 'Start the assessment' }).waitFor();
  const started = Date.now();
  await second.getByRole('navigation', { name: 'Altitude' }).getByRole('button', { name: /^Past results/ }).click();
  await second.getByRole('heading', { name: /^Past results/ }).waitFor({ timeout: 15_000 });
  assert.ok(Date.now() - started < 14_000, `shown after ${Date.now() - started} ms`);
  assert.ok(asks.includes('stalled'));
  assertNoConsoleErrors(errors);
  await context.close();
});
