// The staff path end to end (issue 30): a person who leads without managing takes the bundled
// staff-engineer set as an Architect would answer it — the strongest answers to the architect's
// questions, the middle of the scale and the middle rung elsewhere — and the results, the roadmap
// and its print say what `altitude score --explain` says of the very file the widget exported:
// the verdict for each role and the archetype the answers fit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, coreReport, assertShowsReport, readSet, bestAnswer, Altitude, saveDownload, ROOT, printed } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });
const SET_ID = 'staff-engineer-readiness';

/** An Architect's answers: the best on the questions tagged architect, the middle everywhere else. */
function architect(set, i) {
  const q = set.questions[i];
  if (q.facets?.includes('architect')) return bestAnswer(set, i);
  if (q.kind === 'likert') return { label: set.scale.labels[Math.floor(set.scale.points / 2)] };
  const byScore = [...q.options].sort((a, b) => a.score - b.score);
  return { label: byScore[Math.floor(byScore.length / 2)].text };
}

test('the staff set: the verdicts and the archetype the answers fit equal the tool, on screen and on paper', async () => {
  const set = readSet(SET_ID);
  assert.ok(set.questions.some((q) => q.facets?.includes('architect')), 'the premise: architect questions');
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  // The start screen says whom the set is for.
  await page.getByText(set.summary).waitFor();
  await altitude.start(set.title, 'Staff Engineer');
  await altitude.answerAll(set, architect);
  await altitude.finish();
  await assertAccessible(page, 'the staff set results');

  const resultPath = await saveDownload(await altitude.exportResult(), 'staff-result.json');
  const setPath = join(ROOT, 'assessments', `${SET_ID}.json`);
  const report = coreReport(setPath, resultPath);
  await assertShowsReport(altitude, set, report);
  // The premise of the archetype check: the tool finds Architect first among the answers' fits.
  assert.equal(report.fit[0], 'architect', `fit: ${report.fit}`);
  const fitLine = report.explain.find((l) => l.startsWith('Your answers fit '));
  assert.match(fitLine, /Architect/);
  assert.equal((await page.getByTestId('fit').textContent()).trim(), fitLine);
  const facets = page.getByRole('region', { name: 'What your answers describe' });
  const architectFacet = set.facets.find((f) => f.id === 'architect');
  await facets.getByText(architectFacet.description, { exact: false }).first().waitFor();

  // Another target role: the same file, the tool's verdicts.
  await page.getByLabel('Compare with the role').selectOption({ label: 'Principal Engineer' });
  await assertShowsReport(altitude, set, coreReport(setPath, resultPath, 'principal-engineer'));

  // The roadmap: the verdict for its role and the archetypes, on screen and in print.
  await page.getByRole('button', { name: 'Your development roadmap' }).click();
  await page.getByRole('heading', { name: 'Development roadmap' }).waitFor();
  const principal = coreReport(setPath, resultPath, 'principal-engineer').explain.find((l) => l.startsWith('Principal Engineer — '));
  assert.equal((await page.getByTestId('roadmap-verdict').textContent()).trim(), `${principal}.`);
  const described = page.getByRole('heading', { name: 'What your answers describe' });
  await described.waitFor();
  await assertAccessible(page, 'the staff set roadmap');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await described.isVisible(), true, 'the archetypes are printed');
  const { text } = await printed(page, 'A4');
  for (const line of ['Development roadmap', 'What your answers describe', `${principal}.`]) assert.ok(text.includes(line), `the A4 roadmap prints “${line}”: ${text}`);
  await page.emulateMedia({ media: 'screen' });
  assertNoConsoleErrors(errors);
  await context.close();
});
