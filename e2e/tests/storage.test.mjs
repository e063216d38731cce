// Answers that survive anything: blocked storage, full storage part-way, damaged and future data
// under the widget's keys, two tabs answering in turn, and export → delete everything → import.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowserAndSite, assertNoConsoleErrors, refuseLocalStorage, assertAccessible, readSet, coreReport, assertShowsReport, Altitude, saveDownload, titled, ROOT } from './support.mjs';

const set = readSet('tech-lead-to-engineering-manager');
const TITLE = 'Tech Lead to Engineering Manager';
const CURRENT = `altitude.v1.current.${set.id}`;
const shared = sharedBrowserAndSite({ before, after });

/** A page whose browser refuses localStorage (as private modes and sandboxed frames do), once the widget has said so. */
async function openWithBlockedStorage() {
  const { context, open, errors } = await contextWith(refuseLocalStorage);
  const page = await open();
  const warning = page.getByRole('alert').filter({ hasText: 'does not let the page keep data' });
  await warning.waitFor();
  return { context, page, altitude: new Altitude(page), warning, errors };
}

/** A context with an init script, and pages that record console errors. */
async function contextWith(script, arg) {
  const context = await shared.browser().newContext({ acceptDownloads: true });
  if (script) await context.addInitScript(script, arg);
  const errors = [];
  const open = async () => {
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(shared.site().url);
    return page;
  };
  return { context, open, errors };
}

const firstPageQuestions = set.questions.filter((q) => q.dimension === set.dimensions[0].id);
const answerLabel = (q, n = 1) => (q.kind === 'likert' ? set.scale.labels[n] : q.options[n].text);
const storedAnswers = (page) => page.evaluate((key) => Object.keys(JSON.parse(localStorage.getItem(key) ?? '{"result":{"answers":{}}}').result.answers).length, CURRENT);

test('blocked storage: the widget works in memory, says so once, and offers the answers as a file', async () => {
  const { context, page, altitude, warning, errors } = await openWithBlockedStorage();
  await assertAccessible(page, 'the start screen with blocked storage');
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  await altitude.start(TITLE);
  for (const q of firstPageQuestions) await altitude.answer(q, answerLabel(q));
  assert.equal(await warning.count(), 0, 'told once, not at every answer');
  assert.match(await altitude.progressText(), new RegExp(`^${firstPageQuestions.length} of ${set.questions.length} answered`));
  await altitude.next();
  await page.getByRole('button', { name: 'Back' }).click();
  for (const q of firstPageQuestions) assert.ok(await altitude.question(q.text).getByRole('radio', { name: answerLabel(q), exact: true }).isChecked());
  for (let d = 0; d < set.dimensions.length; d++) await altitude.next();
  await altitude.finish();
  await page.getByRole('button', { name: 'Export this result' }).waitFor();
  assertNoConsoleErrors(errors);
  await context.close();
});

test('full storage part-way: answers stay in memory, the person is told, and the next change saves them all', async () => {
  const { context, open, errors } = await contextWith(() => {
    window.__storageFull = false;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, key, value);
    };
  });
  const page = await open();
  const altitude = new Altitude(page);
  await altitude.start(TITLE);
  for (const q of firstPageQuestions.slice(0, 3)) await altitude.answer(q, answerLabel(q));
  assert.equal(await storedAnswers(page), 3);
  const saved = await page.evaluate((key) => localStorage.getItem(key), CURRENT);

  await page.evaluate(() => { window.__storageFull = true; });
  for (const q of firstPageQuestions.slice(3, 5)) await altitude.answer(q, answerLabel(q));
  const full = page.getByRole('alert').filter({ hasText: 'storage for this site is full' });
  await full.waitFor();
  await full.getByRole('button', { name: 'Save my answers to a file' }).waitFor();
  assert.match(await altitude.progressText(), /^5 of/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), CURRENT), saved, 'what was saved is not damaged');
  const [download] = await Promise.all([page.waitForEvent('download'), full.getByRole('button', { name: 'Save my answers to a file' }).click()]);
  const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
  assert.equal(Object.keys(file.answers).length, 5, 'the file holds every answer, saved or not');

  await page.evaluate(() => { window.__storageFull = false; });
  await altitude.answer(firstPageQuestions[5], answerLabel(firstPageQuestions[5]));
  await page.getByText('Saving works again').waitFor();
  assert.equal(await full.count(), 0);
  assert.equal(await storedAnswers(page), 6);
  await page.reload();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${set.dimensions[0].name}`) }).waitFor();
  assert.match(await altitude.progressText(), /^6 of/);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('damaged and future data under the widget keys is set aside or left alone, and the rest loads', async () => {
  const { context, open, errors } = await contextWith();
  const page = await open();
  const altitude = new Altitude(page);
  // One real completed result first, so there is something else to load.
  await altitude.start(TITLE);
  await altitude.answerAll(set);
  await altitude.finish();
  const history = await page.evaluate(() => localStorage.getItem('altitude.v1.history'));
  const damaged = {
    [CURRENT]: '{"layout":1,"id":"abc","page":0,"result":{"format":"altitude.res',
    'altitude.v1.current.cto-readiness': 'garbage \u0000 not json',
    'altitude.v1.profile': '{"layout":3,"prepared_for":{"given":"Ada"}}',
  };
  await page.evaluate((values) => { for (const [k, v] of Object.entries(values)) localStorage.setItem(k, v); }, damaged);
  await page.goto(shared.site().url);
  const aside = page.getByRole('alert').filter({ hasText: 'set aside, not deleted' });
  // The tab comes back to the results it showed; the assessments are one click away.
  await page.getByRole('heading', { name: /^Your results/ }).waitFor();
  await page.getByRole('button', { name: 'Assessments' }).click();
  await page.getByRole('radio', { name: titled(TITLE) }).check();
  await page.getByRole('radio', { name: titled('CTO readiness') }).check();
  await aside.first().waitFor();
  const keys = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));
  const backups = Object.entries(keys).filter(([k]) => k.startsWith('altitude.backup.'));
  assert.deepEqual(backups.map(([, v]) => v).sort(), [damaged[CURRENT], damaged['altitude.v1.current.cto-readiness']].sort(), 'kept word for word');
  assert.equal(keys[CURRENT], undefined);
  assert.equal(keys['altitude.v1.history'], history, 'everything else loads untouched');
  assert.match(await page.getByRole('button', { name: /Past results/ }).textContent(), /\(1\)/);
  // The future profile is not overwritten when the person types a name on a roadmap.
  await page.getByRole('button', { name: /Past results/ }).click();
  await page.getByRole('button', { name: /^Roadmap of the result/ }).click();
  await page.getByLabel(/Prepared for/).fill('Grace');
  await page.getByRole('alert').filter({ hasText: 'A newer version of Altitude saved data here' }).waitFor();
  assert.equal(await page.evaluate(() => localStorage.getItem('altitude.v1.profile')), damaged['altitude.v1.profile']);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('two tabs answering the same assessment in turn keep every answer and every result', async () => {
  const { context, open, errors } = await contextWith();
  const tabA = await open();
  const a = new Altitude(tabA);
  await a.start(TITLE);
  await a.answer(firstPageQuestions[0], answerLabel(firstPageQuestions[0], 0));

  const tabB = await open();
  const b = new Altitude(tabB);
  // The person switches between tabs; a tab in the background gets no animation frames.
  await tabB.bringToFront();
  await tabB.getByRole('radio', { name: titled(TITLE) }).check();
  await tabB.getByRole('button', { name: 'Resume' }).click();
  await b.answer(firstPageQuestions[1], answerLabel(firstPageQuestions[1], 2));
  // Tab A learns of B's answer through the storage event.
  await a.question(firstPageQuestions[1].text).getByRole('radio', { name: answerLabel(firstPageQuestions[1], 2), exact: true }).waitFor({ state: 'attached' });
  await tabA.waitForFunction((text) => /^2 of/.test(document.querySelector('altitude-assessment').shadowRoot.querySelector('#progress-text')?.textContent ?? ''), null);
  await tabA.bringToFront();
  await a.answer(firstPageQuestions[2], answerLabel(firstPageQuestions[2], 3));
  await tabB.waitForFunction(() => /^3 of/.test(document.querySelector('altitude-assessment').shadowRoot.querySelector('#progress-text')?.textContent ?? ''));
  // B changes its mind on the first question: the newer answer wins everywhere.
  await tabB.bringToFront();
  await b.answer(firstPageQuestions[0], answerLabel(firstPageQuestions[0], 4));
  await tabA.waitForFunction(([text, label]) => {
    const group = [...document.querySelector('altitude-assessment').shadowRoot.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent.includes(text));
    return [...(group?.querySelectorAll('input') ?? [])].some((i) => i.checked && i.labels[0].textContent === label);
  }, [firstPageQuestions[0].text, answerLabel(firstPageQuestions[0], 4)]);

  // A finishes; B sees the result in its history.
  await tabA.bringToFront();
  for (let d = 0; d < set.dimensions.length; d++) await a.next();
  await tabA.getByRole('button', { name: 'Finish anyway' }).click();
  await tabA.getByRole('heading', { name: /^Your results/ }).waitFor();
  await tabB.getByRole('button', { name: 'Past results (1)' }).waitFor();
  const result = await tabA.evaluate(() => JSON.parse(localStorage.getItem('altitude.v1.history')).attempts[0].result.answers);
  assert.equal(Object.keys(result).length, 3);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('export everything, delete everything, import: every attempt comes back exactly, notes included', async () => {
  const { context, open, errors } = await contextWith();
  const page = await open();
  const altitude = new Altitude(page);
  for (const title of [TITLE, 'Engineering Manager to Head of Engineering']) {
    await page.getByRole('button', { name: 'Assessments' }).click();
    await altitude.start(title);
    await altitude.answerAll(readSet(title === TITLE ? set.id : 'em-to-head-of-engineering'));
    await altitude.finish();
  }
  await page.getByRole('button', { name: 'Your development roadmap' }).click();
  await page.locator('.checklist input[type=checkbox]').first().check();
  await page.getByLabel(/Notes for you/).fill('Ask for the platform migration.');
  await page.getByRole('button', { name: /Past results/ }).click();
  const before = await page.evaluate(() => localStorage.getItem('altitude.v1.history'));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything' }).click()]);
  const path = await saveDownload(download, 'everything.json');
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).attempts.length, 2);

  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), [], 'no key left behind');
  await page.getByLabel('Import results from a file').setInputFiles(path);
  await page.getByText('Imported 2 of 2 results').waitFor();
  assert.deepEqual(JSON.parse(await page.evaluate(() => localStorage.getItem('altitude.v1.history'))), JSON.parse(before));
  await page.getByRole('button', { name: /^Roadmap of the result/ }).first().click(); // newest first
  assert.ok(await page.locator('.checklist input[type=checkbox]').first().isChecked());
  assert.equal(await page.getByLabel(/Notes for you/).inputValue(), 'Ask for the platform migration.');
  assertNoConsoleErrors(errors);
  await context.close();
});

/** Imports `path` on the history screen of a fresh browser, then resumes the unfinished attempt there. */
async function importAndResume(path, title, answered) {
  const { context, open, errors } = await contextWith();
  const page = await open();
  await page.getByRole('button', { name: /Past results/ }).click();
  await page.getByLabel('Import results from a file').setInputFiles(path);
  await page.getByText(`Imported your unfinished answers to “${title}”: resume them from Assessments.`).waitFor();
  await page.getByRole('button', { name: 'Assessments' }).click();
  await page.getByRole('radio', { name: titled(title) }).check();
  await page.getByText(new RegExp(`You have an unfinished attempt: ${answered.length} of \\d+ questions answered\\.`)).waitFor();
  await page.getByRole('button', { name: 'Resume' }).click();
  const altitude = new Altitude(page);
  assert.match(await altitude.progressText(), new RegExp(`^${answered.length} of`));
  for (const [q, label] of answered) assert.ok(await altitude.question(q.text).getByRole('radio', { name: label, exact: true }).isChecked(), q.id);
  assertNoConsoleErrors(errors);
  await context.close();
}

test('the storage notice’s file imports into another browser and resumes every answer', async () => {
  const { context, page, altitude, warning, errors } = await openWithBlockedStorage();
  await altitude.start(TITLE);
  const answered = firstPageQuestions.slice(0, 5).map((q, i) => [q, answerLabel(q, i % 3)]);
  for (const [q, label] of answered) await altitude.answer(q, label);
  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: 'Save my answers to a file' }).click()]);
  const path = await saveDownload(download);
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).completed_at, null, 'an unfinished result');
  assertNoConsoleErrors(errors);
  await context.close();
  await importAndResume(path, TITLE, answered);
});

test('the crash notice’s file imports into another browser and resumes every answer', async () => {
  const { context, open, errors } = await contextWith();
  const page = await open();
  const altitude = new Altitude(page);
  await altitude.start(TITLE);
  const answered = firstPageQuestions.slice(0, 4).map((q, i) => [q, answerLabel(q, (i + 1) % 3)]);
  for (const [q, label] of answered) await altitude.answer(q, label);
  // The widget crashes, as a bug would make it.
  await page.evaluate(async () => {
    const glue = await import(new URL('altitude-web.js', document.baseURI).href);
    try { glue.simulateCrash(); } catch { /* the wasm instance stops here */ }
  });
  const notice = page.getByRole('alert').filter({ hasText: 'Something went wrong and the assessment stopped' });
  await notice.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), notice.getByRole('link', { name: 'Save my answers as a file' }).click()]);
  const path = await saveDownload(download);
  assert.equal(JSON.parse(readFileSync(path, 'utf8')).format, 'altitude.export/1');
  assert.deepEqual(errors.filter((e) => !e.includes('a simulated crash') && !/unreachable|RuntimeError/.test(e)), [], 'only the crash itself is reported');
  await context.close();
  await importAndResume(path, TITLE, answered);
});

test('a result saved by the previous widget on the format-1 flagship still shows, scored on the version it was taken on', async () => {
  // Yesterday's widget stored this: a completed attempt on cto-readiness 1.0.0, whose ids today's set no longer has.
  const old = JSON.parse(readFileSync(join(ROOT, 'assessments', 'archive', 'cto-readiness-1.0.0.json'), 'utf8'));
  assert.equal(old.format, 'altitude.question-set/1');
  const answers = Object.fromEntries(old.questions.map((q, i) => [q.id, i % 11 === 7 ? null : q.kind === 'likert' ? 1 + ((i * 3) % old.scale.points) : q.options[i % q.options.length].id]));
  const result = { format: 'altitude.result/1', set: { id: old.id, version: old.version }, role: 'vp-of-engineering', started_at: '2026-11-01T09:00:00.000Z', completed_at: '2026-11-01T09:20:00.000Z', answers };
  const history = JSON.stringify({ layout: 1, attempts: [{ id: 'yesterday-1', result }] });
  const { context, open, errors } = await contextWith((value) => { if (!localStorage.getItem('altitude.v1.history')) localStorage.setItem('altitude.v1.history', value); }, history);
  const page = await open();
  const altitude = new Altitude(page);
  await page.getByRole('button', { name: 'Past results (1)' }).click();
  await page.getByRole('button', { name: 'Open the result of 2026-11-01' }).click();
  await page.getByRole('heading', { name: 'Your results: CTO readiness' }).waitFor();
  const resultPath = join(mkdtempSync(join(tmpdir(), 'altitude-')), 'old-result.json');
  writeFileSync(resultPath, JSON.stringify(result));
  await assertShowsReport(altitude, old, coreReport(join(ROOT, 'assessments', 'archive', 'cto-readiness-1.0.0.json'), resultPath));
  assert.equal(await page.getByRole('region', { name: 'Your scenario answers' }).count(), 1, 'its choice questions, without debriefs in format 1');
  assert.equal(await localStorageKeys(page), 1, 'nothing was set aside');
  assertNoConsoleErrors(errors);
  await context.close();
});

const localStorageKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('altitude')).length);

test('an attempt the previous widget left unfinished on the format-1 flagship resumes and finishes on that version', async () => {
  const oldPath = join(ROOT, 'assessments', 'archive', 'cto-readiness-1.0.0.json');
  const old = JSON.parse(readFileSync(oldPath, 'utf8'));
  const firstPage = old.questions.filter((q) => q.dimension === old.dimensions[0].id);
  const answers = Object.fromEntries(firstPage.map((q) => [q.id, q.kind === 'likert' ? 4 : q.options[0].id]));
  const result = { format: 'altitude.result/1', set: { id: old.id, version: old.version }, role: 'cto', started_at: '2026-11-01T09:00:00.000Z', completed_at: null, answers };
  const current = JSON.stringify({ layout: 1, id: 'yesterday-2', page: 1, result });
  const { context, open, errors } = await contextWith((value) => { if (!localStorage.getItem('altitude.v1.current.cto-readiness')) localStorage.setItem('altitude.v1.current.cto-readiness', value); }, current);
  const page = await open();
  const altitude = new Altitude(page);
  await page.getByRole('radio', { name: titled('CTO readiness') }).check();
  await page.getByText(`You have an unfinished attempt: ${firstPage.length} of ${old.questions.length} questions answered.`).waitFor();
  await page.getByRole('button', { name: 'Resume' }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${old.dimensions[1].name}`) }).waitFor();
  await page.getByRole('button', { name: 'Back' }).click();
  assert.ok(await altitude.question(firstPage[0].text).getByRole('radio', { name: 'Often', exact: true }).isChecked(), 'the old answers are there');
  for (let d = 0; d < old.dimensions.length; d++) await altitude.next();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.getByRole('heading', { name: /^Your results/ }).waitFor();
  const resultPath = await saveDownload(await altitude.exportResult(), 'finished-old.json');
  const finished = JSON.parse(readFileSync(resultPath, 'utf8'));
  assert.deepEqual(finished.set, { id: old.id, version: old.version });
  assert.deepEqual(finished.answers, answers);
  await assertShowsReport(altitude, old, coreReport(oldPath, resultPath));
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('backup')).length), 0, 'nothing was set aside');
  assertNoConsoleErrors(errors);
  await context.close();
});
