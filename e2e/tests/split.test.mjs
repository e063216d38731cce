// The split wasm end to end: the first download holds only the start screen and the questions; the
// later screens' module is fetched in the background while the person answers, so the results never
// wait for the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, readSet, Altitude } from './support.mjs';

const flagship = readSet('cto-readiness');
const shared = sharedBrowserAndSite({ before, after });

/** The file names the page has fetched so far (resource timing sees the wasm loader's fetches too). */
const fetchedFiles = (page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.split('/').pop()));

test('the later screens load in the background while the person answers, so the results show even offline', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await page.getByRole('button', { name: 'Start the assessment' }).waitFor();
  // Longer than the preload delay: nothing but the main module may be fetched for the start screen.
  await page.waitForTimeout(1500);
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
