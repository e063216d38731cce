// The widget end to end in Chromium against the release build: take, resume, score, switch roles,
// export, delete, import, keyboard-only, a broken set, accessibility and layout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, coreReport, readSet, plannedAnswer, bestAnswer, worstAnswer, notApplicable, Altitude, assertShowsReport, saveDownload, trackPendingWork, settled, ROOT, titled } from './support.mjs';

const flagship = readSet('cto-readiness');
const flagshipPath = join(ROOT, 'assessments', 'cto-readiness.json');
const shared = sharedBrowserAndSite({ before, after });

test('completing the format-2 flagship with levels and "not had the chance yet" shows exactly the core report, for every target role; debriefs only after finishing', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await assertAccessible(page, 'the start screen');
  await altitude.start('CTO readiness', 'VP of Engineering');
  await assertAccessible(page, 'a question page');
  await altitude.answerAll(flagship);
  await page.getByRole('heading', { name: 'Review and finish' }).waitFor();
  await assertAccessible(page, 'the review screen');
  const debriefs = flagship.questions.filter((q) => q.debrief).map((q) => q.debrief);
  assert.ok(debriefs.length > 10);
  const inPage = () => page.evaluate((texts) => {
    const text = document.querySelector('altitude-assessment').shadowRoot.textContent;
    return texts.filter((t) => text.includes(t)).length;
  }, debriefs);
  assert.equal(await inPage(), 0, 'no debrief is in the page before finishing');
  await altitude.finish();
  await assertAccessible(page, 'the results screen');
  const scenarios = page.getByRole('region', { name: 'Your scenario answers' });
  await scenarios.waitFor();
  assert.equal(await inPage(), debriefs.length, 'every debrief is shown after finishing');
  // The list is one step away, so the verdict and the roadmap's button are not 5,900 px apart.
  const scenarioCount = flagship.questions.filter((q) => q.kind !== 'likert').length;
  assert.equal(await scenarios.getByRole('listitem').count(), 0, 'the list starts collapsed');
  await scenarios.getByText(`Show your answers to the ${scenarioCount} scenario and scope questions`).click();
  assert.equal(await scenarios.getByRole('listitem').count(), scenarioCount);

  const download = await altitude.exportResult();
  const resultPath = await saveDownload(download, 'result.json');
  const result = JSON.parse(readFileSync(resultPath, 'utf8'));
  assert.equal(result.format, 'altitude.result/1');
  assert.equal(result.role, 'vp-of-engineering');
  assert.equal(Object.keys(result.answers).length, flagship.questions.length);
  assert.ok(result.completed_at);
  const answers = Object.values(result.answers);
  assert.ok(answers.filter((a) => a === 'untested').length >= 3, 'answered "not had the chance yet"');
  assert.ok(flagship.questions.filter((q) => q.kind === 'level').every((q) => [null, 'untested', ...q.options.map((o) => o.id)].includes(result.answers[q.id])));

  await assertShowsReport(altitude, flagship, coreReport(flagshipPath, resultPath));
  for (const role of ['engineering-manager', 'cto', 'director-of-engineering']) {
    const name = flagship.roles.find((r) => r.id === role).name;
    await page.getByLabel('Compare with the role').selectOption({ label: name });
    await assertShowsReport(altitude, flagship, coreReport(flagshipPath, resultPath, role));
    assert.match(await page.getByRole('img', { name: /^Radar chart/ }).getAttribute('aria-label'), new RegExp(`the ${name} targets`));
  }
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a reload mid-way resumes on the same page with every answer', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await altitude.start('Tech Lead to Engineering Manager');
  const set = readSet('tech-lead-to-engineering-manager');
  const firstPage = set.questions.filter((q) => q.dimension === set.dimensions[0].id);
  for (const q of firstPage) await altitude.answer(q, notApplicable(set));
  await altitude.next();
  const secondPage = set.questions.filter((q) => q.dimension === set.dimensions[1].id);
  await altitude.answer(secondPage[0], secondPage[0].kind === 'likert' ? 'Often' : secondPage[0].options[1].text);
  // The set's minutes, in proportion to what is left, rounded up.
  const minutes = set.estimated_minutes;
  const left = Math.ceil((minutes * (set.questions.length - firstPage.length - 1)) / set.questions.length);
  assert.equal(await altitude.progressText(), `${firstPage.length + 1} of ${set.questions.length} answered · about ${left} minutes left`);

  await page.reload();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${set.dimensions[1].name}`) }).waitFor();
  assert.equal(await altitude.progressText(), `${firstPage.length + 1} of ${set.questions.length} answered · about ${left} minutes left`);
  assert.ok(await altitude.question(secondPage[0].text).getByRole('radio', { checked: true }).isVisible());
  await page.getByRole('button', { name: 'Back' }).click();
  for (const q of firstPage) assert.ok(await altitude.question(q.text).getByRole('radio', { name: notApplicable(set) }).isChecked(), q.id);

  // A new tab offers to resume, showing how far the attempt got, or to start over after confirming.
  const second = await context.newPage();
  await second.goto(shared.site().url);
  await second.getByRole('radio', { name: titled('Tech Lead to Engineering Manager') }).check();
  await second.getByText(`You have an unfinished attempt: ${firstPage.length + 1} of ${set.questions.length} questions answered.`).waitFor();
  await second.getByRole('button', { name: 'Start over' }).click();
  await second.getByRole('button', { name: 'Keep my answers' }).click();
  await second.getByRole('button', { name: 'Start over' }).click();
  await second.getByRole('button', { name: 'Yes, start over' }).click();
  assert.equal(await second.locator('#progress-text').textContent(), `0 of ${set.questions.length} answered · about ${minutes} minutes left`);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('unanswered questions are one step away, and thin dimensions say so instead of a number', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  const set = readSet('em-to-head-of-engineering');
  await altitude.start('Engineering Manager to Head of Engineering');
  // Answer only the first page; skip the rest.
  const firstPage = set.questions.map((q, i) => [q, i]).filter(([q]) => q.dimension === set.dimensions[0].id);
  for (const [q, i] of firstPage) await altitude.answer(q, bestAnswer(set, i).label);
  for (let d = 0; d < set.dimensions.length; d++) await altitude.next();
  await page.getByText(`${set.questions.length - firstPage.length} of ${set.questions.length} questions are not answered yet.`).waitFor();
  await page.getByText(/Not enough answers for a score yet in: People leadership, Business acumen, Communication/).waitFor();
  await page.getByRole('button', { name: 'Go to the first unanswered question' }).click();
  await page.getByRole('heading', { level: 2, name: /^People leadership/ }).waitFor();
  const first = set.questions.find((q) => q.dimension === 'people-leadership');
  assert.ok(await altitude.question(first.text).getByRole('radio').first().evaluate((el) => el.getRootNode().activeElement === el));
  for (let d = 1; d < set.dimensions.length; d++) await altitude.next();
  await page.getByRole('button', { name: 'Finish anyway' }).click();
  await page.getByRole('heading', { name: /^Your results/ }).waitFor();
  const table = await altitude.scoreTable();
  assert.equal(table['Technical strategy'].score, '100');
  assert.equal(table['People leadership'].score, 'not enough answers');
  // Three dimensions unscored leave every role without a verdict: the headline says why, once, and
  // the table of roles that would repeat it for each role is not drawn.
  assert.equal(
    (await page.getByTestId('headline').textContent()).trim(),
    'No verdict yet: not enough answers in People leadership, Business acumen and Communication',
  );
  assert.equal(await page.getByRole('table', { name: 'Readiness for each role' }).count(), 0);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('export, delete and import bring a result back exactly', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  const set = readSet('tech-lead-to-engineering-manager');
  await altitude.start('Tech Lead to Engineering Manager');
  await altitude.answerAll(set);
  await altitude.finish();
  const overall = await altitude.overall();
  const table = await altitude.scoreTable();
  const resultPath = await saveDownload(await altitude.exportResult(), 'result.json');

  await page.getByRole('button', { name: 'Past results' }).first().click();
  await page.getByRole('heading', { name: 'Past results' }).waitFor();
  await assertAccessible(page, 'the history screen');
  const rows = page.getByRole('table', { name: 'Completed assessments' }).locator('tbody tr');
  assert.equal(await rows.count(), 1);
  await rows.first().getByRole('button', { name: 'Delete' }).click();
  await rows.first().getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByText('No completed assessments on this device yet.').waitFor();

  // A broken file is refused with the reason and changes nothing.
  const brokenPath = join(mkdtempSync(join(tmpdir(), 'altitude-')), 'broken.json');
  writeFileSync(brokenPath, '{"format": "altitude.result/1", "set": ');
  await page.getByLabel('Import results from a file').setInputFiles(brokenPath);
  await page.getByText(/This file was not imported: .*Nothing was changed\./).waitFor();
  await page.getByText('No completed assessments on this device yet.').waitFor();

  await page.getByLabel('Import results from a file').setInputFiles(resultPath);
  await page.getByText('Imported a result of “Tech Lead to Engineering Manager”.').waitFor();
  await page.getByLabel('Import results from a file').setInputFiles(resultPath);
  await page.getByText('These results are already here.').waitFor();
  assert.equal(await rows.count(), 1);
  await rows.first().getByRole('button', { name: /^Open/ }).click();
  await page.getByRole('heading', { name: /^Your results/ }).waitFor();
  assert.equal(await altitude.overall(), overall);
  assert.deepEqual(await altitude.scoreTable(), table);

  // Delete everything, after confirming, leaves no key behind.
  await page.getByRole('button', { name: 'Past results' }).first().click();
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByText('No completed assessments on this device yet.').waitFor();
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('altitude'))), []);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a second attempt is compared with the first, with a trend', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  const set = readSet('tech-lead-to-engineering-manager');
  for (const plan of [worstAnswer, bestAnswer]) {
    await page.getByRole('button', { name: 'Assessments' }).click();
    await altitude.start('Tech Lead to Engineering Manager');
    await altitude.answerAll(set, plan);
    await altitude.finish();
  }
  await page.getByText('Since your previous attempt').waitFor();
  await page.getByRole('button', { name: 'Past results' }).first().click();
  const trend = page.getByRole('img', { name: /^Trend of your overall score/ });
  await trend.waitFor();
  assert.match(await trend.getAttribute('aria-label'), /over 2 attempts/);
  assert.ok((await page.locator('.trend .changes li').allTextContents()).every((t) => /: \+\d+$/.test(t)));
  await assertAccessible(page, 'the history screen with a trend');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('the whole flow works with the keyboard alone', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const set = readSet('tech-lead-to-engineering-manager');
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  const focused = () => page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return { tag: el.tagName, type: el.type ?? '', name: el.name ?? '', id: el.id, text: el.textContent.trim(), checked: !!el.checked };
  });
  const pressUntil = async (predicate, limit = 40) => {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press('Tab');
      const f = await focused();
      if (predicate(f)) return f;
    }
    throw new Error('focus never reached the expected control');
  };
  // Choose the set with the arrow keys, then start.
  await pressUntil((f) => f.name === 'altitude-set');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await pressUntil((f) => f.text === 'Start the assessment');
  await page.keyboard.press('Enter');
  let answered = 0;
  for (let step = 0; step < 600 && answered < set.questions.length; step++) {
    // Each question once, on its scale (the group beside the scale is reached by Tab too, and skipped).
    const f = await pressUntil((f) => (f.type === 'radio' && !f.checked && !f.name.endsWith('-beside')) || f.text === 'Next' || f.text === 'Review and finish');
    if (f.type === 'radio') {
      await page.keyboard.press('ArrowRight'); // moves to and selects the second choice of the group
      answered++;
    } else {
      await page.keyboard.press('Enter');
    }
  }
  await pressUntil((f) => f.text === 'Review and finish');
  await page.keyboard.press('Enter');
  await page.getByText('Every question is answered.').waitFor();
  await pressUntil((f) => f.text === 'Finish and see my results');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: /^Your results/ }).waitFor();
  const select = await pressUntil((f) => f.id === 'results-role');
  assert.equal(select.tag, 'SELECT');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a broken set shows its address and located problems, and the others still work', async () => {
  const context = await shared.browser().newContext();
  await context.route('**/assessments/catalog.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ default: 'cto-readiness', sets: ['broken.json', 'cto-readiness.json'] }) }));
  await context.route('**/assessments/broken.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify({ format: 'altitude.question-set/1', id: 'broken', version: '1', title: '<b>Broken</b>', qestions: [], dimensions: [{ id: 'a', name: 'A' }], roles: [] }) }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(shared.site().url);
  const alert = page.getByRole('alert');
  await alert.getByText(/broken\.json$/).waitFor();
  await alert.getByText('qestions', { exact: true }).waitFor();
  assert.match(await alert.textContent(), /unknown key "qestions" in the question set; did you mean "questions"\?/);
  assert.match(await alert.textContent(), /roles: must have 1–20 items; found 0/);
  assert.equal(await page.locator('b').count(), 0, 'text from a set is never markup');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.getByRole('heading', { level: 2, name: /^Technical strategy/ }).waitFor();
  await assertAccessible(page, 'the start screen with a broken set');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('the layout works at 320 px in light and dark schemes, and passes axe in both', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { viewport: { width: 320, height: 640 }, colorScheme });
    const altitude = new Altitude(page);
    await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
    await assertAccessible(page, `the start screen, 320 px, ${colorScheme}`);
    await altitude.start('Tech Lead to Engineering Manager');
    const set = readSet('tech-lead-to-engineering-manager');
    await altitude.answerAll(set);
    await altitude.finish();
    await assertAccessible(page, `the results, 320 px, ${colorScheme}`);
    await page.screenshot({ path: join(ROOT, 'target', `results-320-${colorScheme}.png`), fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling at 320 px (${overflow} px too wide)`);
    assertNoConsoleErrors(errors);
    await context.close();
  }
});

test('a long dimension is spread over pages that number on; Next, Back, the review and a reload find them', async () => {
  // The flagship with its first dimension made 60 questions long: three pages of 20.
  const first = flagship.dimensions[0];
  const own = flagship.questions.filter((q) => q.dimension === first.id);
  const extra = Array.from({ length: 60 - own.length }, (_, k) => ({ ...own[k % own.length], id: `long-${k}`, text: `Extra question ${k + 1} of the long set.` }));
  const long = { ...flagship, id: 'long', title: 'A long assessment', questions: [...flagship.questions, ...extra] };
  const context = await shared.browser().newContext();
  await context.route('**/long/set.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(long) }));
  await context.route('**/long.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Long</title><link rel="icon" href="favicon.svg"><script type="module" src="altitude.js"></script></head><body><main><altitude-assessment src="long/set.json"></altitude-assessment></main></body></html>',
  }));
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('long.html', shared.site().url).href);
  await page.getByRole('radio', { name: titled('A long assessment') }).waitFor();
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  const pageCount = 3 + flagship.dimensions.length - 1;
  const heading = (name) => page.getByRole('heading', { level: 2, name });
  await heading(`${first.name}, part 1 of 3 (1 of ${pageCount})`).waitFor();
  const numbers = async () => (await page.locator('fieldset.question legend .number').allTextContents()).map((n) => Number.parseInt(n, 10));
  const range = (from, to) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
  assert.deepEqual(await numbers(), range(1, 20));
  assert.equal(await page.locator('.dimension-description').count(), first.description ? 1 : 0, 'the description opens the first part');
  // The first page of the dimension holds its questions in set order: the flagship's own first.
  const altitude = new Altitude(page);
  await altitude.answer(own[0], notApplicable(long));
  await altitude.next();
  await heading(`${first.name}, part 2 of 3 (2 of ${pageCount})`).waitFor();
  assert.deepEqual(await numbers(), range(21, 40));
  assert.equal(await page.locator('.dimension-description').count(), 0);
  await altitude.next();
  await heading(`${first.name}, part 3 of 3 (3 of ${pageCount})`).waitFor();
  assert.deepEqual(await numbers(), range(41, 60));
  await altitude.next();
  await heading(`${flagship.dimensions[1].name} (4 of ${pageCount})`).waitFor();
  assert.equal((await numbers())[0], 61);
  await page.getByRole('button', { name: 'Back' }).click();
  await heading(`${first.name}, part 3 of 3 (3 of ${pageCount})`).waitFor();

  // The review's links to unanswered questions go to their pages (questions are numbered by page); a reload stays there.
  for (let p = 3; p <= pageCount; p++) await altitude.next();
  await page.getByRole('button', { name: 'Go to the first unanswered question' }).click();
  await heading(`${first.name}, part 1 of 3 (1 of ${pageCount})`).waitFor();
  await altitude.answer(own[1], notApplicable(long));
  for (const q of own.slice(2)) await altitude.answer(q, notApplicable(long));
  for (const q of extra.slice(0, 20 - own.length)) await altitude.answer(q, notApplicable(long));
  for (let p = 1; p <= pageCount; p++) await altitude.next();
  const target = extra[20 - own.length];
  await page.getByRole('button', { name: `Question 21: ${target.text}` }).click();
  await heading(`${first.name}, part 2 of 3 (2 of ${pageCount})`).waitFor();
  assert.ok(await altitude.question(target.text).getByRole('radio').first().evaluate((el) => el.getRootNode().activeElement === el));
  await page.reload();
  await heading(`${first.name}, part 2 of 3 (2 of ${pageCount})`).waitFor();
  assert.equal(await altitude.progressText().then((t) => t.split(' ')[0]), '20');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a removed widget is released: it no longer follows links pasted into the address', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  const remembered = () => page.evaluate(() => Object.values(sessionStorage).join(' '));
  // Alive, it follows a link pasted into the address and remembers that screen for the tab.
  await page.evaluate(() => { location.hash = '#invite=alive.1'; });
  await page.waitForFunction(() => Object.values(sessionStorage).join(' ').includes('alive.1'));
  // Its later screens drawn (the history's results are made under the widget's owner), then removed.
  await page.getByRole('button', { name: /^Past results/ }).click();
  await page.getByRole('heading', { name: 'Past results' }).waitFor();
  await page.evaluate(() => document.querySelector('altitude-assessment').remove());
  // Resolves once the change of address has been dispatched to every listener: the widget's (added
  // when it was drawn) before this one, and what a listener does is done in the microtasks after it,
  // before the next listener runs. A widget still listening would have remembered the link by then.
  await page.evaluate(() => new Promise((dispatched) => {
    window.addEventListener('hashchange', () => dispatched(), { once: true });
    location.hash = '#invite=removed.1';
  }));
  assert.ok(!(await remembered()).includes('removed.1'), 'a removed widget still reacts to the address');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a newer src wins over a slower older load', async () => {
  const context = await shared.browser().newContext();
  await context.addInitScript(trackPendingWork);
  let slowRequested;
  let slowServed;
  let releaseSlow;
  const requested = new Promise((done) => { slowRequested = done; });
  const served = new Promise((done) => { slowServed = done; });
  const released = new Promise((done) => { releaseSlow = done; });
  await context.route('**/slow/cto.json', async (route) => {
    slowRequested();
    // Slower: answered only once the newer src's set is offered.
    await released;
    await route.fulfill({ contentType: 'application/json', body: readFileSync(flagshipPath, 'utf8') });
    slowServed();
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(shared.site().url);
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  const setSrc = (src) => page.evaluate((value) => document.querySelector('altitude-assessment').setAttribute('src', value), src);
  await setSrc('slow/cto.json');
  await requested;
  await setSrc('assessments/tech-lead-to-engineering-manager.json');
  await page.getByRole('radio', { name: titled('Tech Lead to Engineering Manager') }).waitFor();
  releaseSlow();
  await served;
  // The older load reads what it was sent and drops or keeps it: once the page has settled, it has
  // done one or the other, and what it would have kept would be shown.
  await settled(page);
  assert.equal(await page.getByRole('radio').count(), 1, 'only the newer src is offered');
  assert.equal(await page.getByRole('radio', { name: titled('CTO readiness') }).count(), 0);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('charts follow the colour scheme live: the system switching to dark, then the theme attribute', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { colorScheme: 'light' });
  const altitude = new Altitude(page);
  const set = readSet('tech-lead-to-engineering-manager');
  await altitude.start('Tech Lead to Engineering Manager');
  await altitude.answerAll(set);
  await altitude.finish();
  // The radar's SVG itself (the view may leave a marker comment beside it).
  const radar = () => page.evaluate(() => document.querySelector('altitude-assessment').shadowRoot.querySelector('.chart-svg svg').outerHTML);
  await page.getByRole('img', { name: /^Radar chart/ }).waitFor();
  const light = await radar();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction((before) => document.querySelector('altitude-assessment').shadowRoot.querySelector('.chart-svg svg')?.outerHTML !== before, light);
  const dark = await radar();
  assert.notEqual(dark, light);
  await page.evaluate(() => document.querySelector('altitude-assessment').setAttribute('theme', 'light'));
  await page.waitForFunction((expected) => document.querySelector('altitude-assessment').shadowRoot.querySelector('.chart-svg svg')?.outerHTML === expected, light);
  await page.evaluate(() => document.querySelector('altitude-assessment').setAttribute('theme', 'dark'));
  await page.waitForFunction((expected) => document.querySelector('altitude-assessment').shadowRoot.querySelector('.chart-svg svg')?.outerHTML === expected, dark);
  assertNoConsoleErrors(errors);
  await context.close();
});
