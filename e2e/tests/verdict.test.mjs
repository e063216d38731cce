// The fair verdict end to end (format 2's revision of 2026-12 and facets): what the results and the
// roadmap say equals `altitude score --explain` on the very file the widget exported; facets, signals
// and the host's report; "not had the chance yet" only where it is offered; the organisation's size,
// asked on the start screen, carried into the result and said with the verdict.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, coreReport, assertShowsReport, readSet, bestAnswer, Altitude, saveDownload, whole, ROOT, titled } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });

/** A small format-2 set with facets and a question outside the score (a portal's own set). */
const FACET_SET = {
  format: 'altitude.question-set/2',
  id: 'portal-facets',
  version: '1.0.0',
  title: 'Portal lens',
  scale: { points: 5, labels: ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'] },
  dimensions: [{ id: 'direction', name: 'Direction' }, { id: 'people', name: 'People' }],
  roles: [
    { id: 'lead', name: 'Lead', stage: 1, targets: { direction: 50, people: 50 } },
    { id: 'head', name: 'Head', stage: 2, targets: { direction: 80, people: 70 } },
  ],
  facets: [
    { id: 'architect', name: 'Architect', description: 'Shapes how systems fit together.' },
    { id: 'coach', name: 'Coach', description: 'Grows the people around them.' },
    { id: 'pull', name: 'Draw to management' },
  ],
  questions: [
    { id: 'd1', dimension: 'direction', kind: 'level', text: 'How far does a technical direction you wrote reach?', facets: ['architect'],
      options: [{ id: 'own', text: 'My own work', score: 0 }, { id: 'team', text: 'My team', score: 0.5 }, { id: 'teams', text: 'Several teams', score: 1 }] },
    { id: 'd2', dimension: 'direction', kind: 'likert', text: 'I write down why a design was chosen.', facets: ['architect'] },
    { id: 'd3', dimension: 'direction', kind: 'choice', text: 'Two teams want opposite designs for a shared service. What do you do first?',
      debrief: 'Stronger answers make the trade-off explicit before choosing.',
      options: [{ id: 'a', text: 'Pick the design you prefer and explain it', score: 0.25 }, { id: 'b', text: 'Write down what each design costs and ask both teams to check it', score: 1 }, { id: 'c', text: 'Let the teams settle it between them', score: 0 }] },
    { id: 'p1', dimension: 'people', kind: 'likert', text: 'I hold one-on-ones with the people I work with most.', facets: ['coach'] },
    { id: 'p2', dimension: 'people', kind: 'likert', text: 'I give feedback the same week I see something.', facets: ['coach'] },
    { id: 'p3', dimension: 'people', kind: 'likert', text: 'I would like to manage people full time.', scored: false, facets: ['pull'] },
  ],
};

test('facets, signals and every verdict equal the tool on the exported file; untested only where offered', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'altitude-verdict-'));
  const setPath = join(dir, 'set.json');
  writeFileSync(setPath, JSON.stringify(FACET_SET));
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  await context.route('**/lens/set.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(FACET_SET) }));
  await context.route('**/lens.html', (route) => route.fulfill({
    contentType: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Lens</title><link rel="icon" href="favicon.svg"><script type="module" src="altitude.js"></script></head><body><main><altitude-assessment src="lens/set.json"></altitude-assessment></main></body></html>',
  }));
  await page.goto(`${shared.site().url}lens.html`);
  await page.evaluate(() => {
    document.querySelector('altitude-assessment').addEventListener('altitude-complete', (event) => { window.completed = event.detail; });
  });
  const altitude = new Altitude(page);
  await altitude.start('Portal lens');
  // Ladders and habits offer "not had the chance yet"; the scenario does not.
  const untested = (text) => altitude.question(text).getByRole('radio', { name: 'Not had the chance yet', exact: true });
  assert.equal(await untested(FACET_SET.questions[0].text).count(), 1, 'a ladder offers it');
  assert.equal(await untested(FACET_SET.questions[1].text).count(), 1, 'a habit offers it');
  assert.equal(await untested(FACET_SET.questions[2].text).count(), 0, 'a scenario does not');
  await altitude.question(FACET_SET.questions[1].text).getByText('What this means').first().click();
  await altitude.question(FACET_SET.questions[1].text).getByText(/left out of your score/).first().waitFor();
  await altitude.answer(FACET_SET.questions[0], 'Several teams');
  await altitude.answer(FACET_SET.questions[1], 'Not had the chance yet');
  await altitude.answer(FACET_SET.questions[2], FACET_SET.questions[2].options[0].text);
  await altitude.next();
  await altitude.answer(FACET_SET.questions[3], 'Sometimes');
  await altitude.answer(FACET_SET.questions[4], 'Rarely');
  // A question outside the score says so before it is answered; a scored one does not.
  await altitude.question(FACET_SET.questions[5].text).getByText('Not part of any readiness score').waitFor();
  assert.equal(await altitude.question(FACET_SET.questions[4].text).getByText('Not part of any readiness score').count(), 0);
  await altitude.answer(FACET_SET.questions[5], 'Always');
  await altitude.next();
  await altitude.finish();
  await assertAccessible(page, 'results with facets');

  const resultPath = await saveDownload(await altitude.exportResult(), 'facets-result.json');
  const report = coreReport(setPath, resultPath);
  // The premise: no role is ready, so the headline must name the lowest role and the reason.
  assert.equal(report.ready_for, null);
  assert.match(report.explain[0], /^Not yet ready for Lead: /);
  await assertShowsReport(altitude, FACET_SET, report);
  for (const role of ['head', 'lead']) {
    await page.getByLabel('Compare with the role').selectOption({ label: FACET_SET.roles.find((r) => r.id === role).name });
    await assertShowsReport(altitude, FACET_SET, coreReport(setPath, resultPath, role));
  }
  // Facets: the fit line is the tool's, each facet's score is the report's, and the unscored
  // question is a signal with the answer given, not a score of its own.
  const fitLine = report.explain.find((l) => l.startsWith('Your answers fit '));
  assert.ok(fitLine, 'the tool names a fit');
  assert.equal((await page.getByTestId('fit').textContent()).trim(), fitLine);
  const facets = page.getByRole('region', { name: 'What your answers describe' });
  for (const facet of report.facets) {
    const name = FACET_SET.facets.find((f) => f.id === facet.id).name;
    await facets.getByText(`${name}: ${facet.score === null ? 'not enough answers' : whole(facet.score)}`, { exact: false }).first().waitFor();
  }
  await facets.getByText('I would like to manage people full time.').waitFor();
  assert.equal((await facets.locator('.signals strong').textContent()).trim(), 'Always');
  assert.equal(report.dimensions.find((d) => d.id === 'people').coverage, 1, 'the signal is outside the people score');
  // The host page is handed the same report, facets and fit included.
  const completed = await page.evaluate(() => window.completed);
  assert.deepEqual(completed.report.facets, report.facets);
  assert.deepEqual(completed.report.fit, report.fit);
  assert.deepEqual(completed.report.dimensions.map((d) => d.pulled_down_by), report.dimensions.map((d) => d.pulled_down_by));
  // The list is one step away; in it, each question and answer in view, the debrief collapsed.
  const scenarios = page.getByRole('region', { name: 'Your scenario answers' });
  const scenarioCount = FACET_SET.questions.filter((q) => q.kind !== 'likert').length;
  const showList = scenarios.getByText(`Show your answers to the ${scenarioCount} scenario and scope questions`);
  assert.equal(await scenarios.getByText(FACET_SET.questions[2].text).isVisible(), false);
  await showList.click();
  assert.equal(await scenarios.getByText(FACET_SET.questions[2].text).isVisible(), true);
  assert.equal(await scenarios.getByText(FACET_SET.questions[2].debrief).isVisible(), false);
  await scenarios.getByText('What separates the stronger answers').first().click();
  assert.equal(await scenarios.getByText(FACET_SET.questions[2].debrief).isVisible(), true);

  // The roadmap says the verdict for its role, with the reason, and the facets.
  await page.getByRole('button', { name: 'Your development roadmap' }).click();
  await page.getByRole('heading', { name: 'Development roadmap' }).waitFor();
  const roadmapReport = coreReport(setPath, resultPath, 'lead');
  const lead = roadmapReport.explain.find((l) => l.startsWith('Lead — '));
  assert.equal((await page.getByTestId('roadmap-verdict').textContent()).trim(), `${lead}.`);
  await page.getByRole('heading', { name: 'What your answers describe' }).waitFor();
  await assertAccessible(page, 'a roadmap with facets');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('the results of the flagship fit a few screens on a phone, the verdict first', async () => {
  const flagship = readSet('cto-readiness');
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { viewport: { width: 375, height: 700 } });
  const altitude = new Altitude(page);
  await altitude.start('CTO readiness');
  await altitude.answerAll(flagship, bestAnswer);
  await altitude.finish();
  const headline = page.getByTestId('headline');
  assert.equal(await headline.textContent(), 'Ready for CTO');
  const top = await headline.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`the flagship's results on a 375 px phone: ${height} px tall, the headline at ${Math.round(top)} px`);
  assert.ok(top < 700, `the verdict is in the first screen (${top} px)`);
  // A few screens: 18,040 px with every debrief open, 10,030 with each collapsed, about 4,200 with
  // the list of scenario answers itself one step away.
  assert.ok(height < 5600, `${height} px: more than eight screens of 700`);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('a verdict that rests on ladders left out as "not had the chance yet" is called provisional, as the tool says it', async () => {
  // The staff path, where half of a dimension's ladders may be left out (min_coverage 0.6); a management set
  // gives a dimension with any ladder left out no score at all (min_coverage 0.85, the fourth reading of 2026-12).
  const staff = readSet('staff-engineer-readiness');
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { viewport: { width: 375, height: 700 } });
  const altitude = new Altitude(page);
  await altitude.start(staff.title);
  // The strongest answers, except one ladder of each dimension left out.
  const leftOut = new Set();
  for (const d of staff.dimensions) {
    const ladders = staff.questions.map((q, i) => [q, i]).filter(([q]) => q.dimension === d.id && q.kind === 'level');
    for (const [, i] of ladders.slice(0, 1)) leftOut.add(i);
  }
  await altitude.answerAll(staff, (set, i) => (leftOut.has(i) ? { label: 'Not had the chance yet' } : bestAnswer(set, i)));
  await altitude.finish();
  const resultPath = await saveDownload(await altitude.exportResult(), 'provisional-result.json');
  const report = coreReport(join(ROOT, 'assessments', 'staff-engineer-readiness.json'), resultPath);
  // The premise: a role is ready, and four ladders were left out.
  assert.notEqual(report.ready_for, null);
  assert.equal(report.dimensions.flatMap((d) => d.untested).length, leftOut.size);
  const headline = (await page.getByTestId('headline').textContent()).trim();
  assert.equal(headline, report.explain[0], 'the widget says what the tool says');
  assert.match(headline, /^Ready for .+, provisionally: 4 questions on how far your work has reached are left out, as not had the chance yet: .+ and 1 more; with them at the lowest rung, /);
  // On a phone the whole headline is in the first screen.
  const bottom = await page.getByTestId('headline').evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  assert.ok(bottom < 700, `the headline ends at ${Math.round(bottom)} px`);
  assertNoConsoleErrors(errors);
  await context.close();
});

test('the organisation asked on the start screen is remembered, written into the result and said with the verdict; the next role is suggested', async () => {
  const set = readSet('tech-lead-to-engineering-manager');
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await page.getByRole('radio', { name: titled('Tech Lead to Engineering Manager') }).check();
  const organisation = page.getByLabel('How many engineers work in your organisation? (optional)');
  assert.equal(await organisation.inputValue(), '', 'nobody is asked to say');
  await organisation.selectOption({ label: '21–100 engineers' });
  await page.reload();
  await page.getByRole('radio', { name: titled('Tech Lead to Engineering Manager') }).check();
  assert.equal(await organisation.inputValue(), '21-100', 'remembered on the device');
  await altitude.start('Tech Lead to Engineering Manager');
  await altitude.answerAll(set, bestAnswer);
  await altitude.finish();
  await page.getByText('The verdict holds at an organisation of 21–100 engineers.').waitFor();
  const resultPath = await saveDownload(await altitude.exportResult(), 'organisation-result.json');
  assert.deepEqual(JSON.parse(readFileSync(resultPath, 'utf8')).context, { organisation: '21-100' });
  const report = coreReport(join(ROOT, 'assessments', `${set.id}.json`), resultPath);
  assert.deepEqual(report.context, { organisation: '21-100' });
  assert.ok(report.explain.includes('The verdict holds at an organisation of 21–100 engineers.'));
  await assertShowsReport(altitude, set, report);
  await page.getByRole('button', { name: 'Your development roadmap' }).click();
  await page.locator('.roadmap-header').getByText('The verdict holds at an organisation of 21–100 engineers.').waitFor();
  // Back on the start screen, the role picker suggests the role above the one reached.
  await page.getByRole('button', { name: 'Back to results' }).click();
  await page.getByRole('button', { name: 'Take another assessment' }).click();
  await page.getByRole('radio', { name: titled('Tech Lead to Engineering Manager') }).check();
  const byStage = [...set.roles].sort((a, b) => a.stage - b.stage);
  const reached = byStage.findIndex((r) => r.id === report.ready_for);
  const suggested = byStage[Math.min(reached + 1, byStage.length - 1)];
  assert.equal(await page.getByLabel('Target role').evaluate((el) => el.selectedOptions[0].textContent), suggested.name);
  // What the widget wrote, read back by the widget: the stored history after a reload, then the
  // exported file imported after the result is deleted; the organisation comes back with both.
  await page.reload();
  await page.getByRole('button', { name: /^Past results/ }).first().click();
  await page.getByRole('button', { name: /^Open the result of/ }).first().click();
  await page.getByText('The verdict holds at an organisation of 21–100 engineers.').waitFor();
  await page.getByRole('button', { name: /^Past results/ }).first().click();
  await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await page.getByLabel('Import results from a file').setInputFiles(resultPath);
  await page.getByText('Imported a result of “Tech Lead to Engineering Manager”.').waitFor();
  await page.getByRole('button', { name: /^Open the result of/ }).first().click();
  await page.getByText('The verdict holds at an organisation of 21–100 engineers.').waitFor();
  await assertAccessible(page, 'the start screen with the organisation asked');
  assertNoConsoleErrors(errors);
  await context.close();
});
