// The team view end to end: three people take the same set in browsers of their own and export their
// results; a facilitator, in a fourth, drops those very files (one twice, with an "export everything"
// file that is no result) into "See a team's results". Its numbers equal `altitude team` on the same
// files, its downloads are that view, refused files are listed, fewer than K shows no number, and
// the screen passes axe, is reached by keyboard and prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, readSet, bestAnswer, worstAnswer, plannedAnswer, Altitude, saveDownload, whole, ALTITUDE, ROOT, printed } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });
const SET_ID = 'tech-lead-to-engineering-manager';
const SET_PATH = join(ROOT, 'assessments', `${SET_ID}.json`);

/** One person's result file, exported by the widget after answering the whole set with `plan`. */
async function personsResult(set, plan, exportEverything = false) {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await altitude.start(set.title, 'Engineering Manager');
  await altitude.answerAll(set, plan);
  await altitude.finish();
  const result = await saveDownload(await altitude.exportResult());
  let everything;
  if (exportEverything) {
    await page.getByRole('button', { name: 'Past results', exact: true }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything' }).click()]);
    everything = await saveDownload(download);
  }
  assertNoConsoleErrors(errors);
  await context.close();
  return { result, everything };
}

/** The dimension table as shown: name → the cells after the name. */
async function rows(page, caption) {
  const table = page.getByRole('table', { name: caption });
  const shown = {};
  for (const row of await table.locator('tbody tr').all()) {
    shown[(await row.getByRole('rowheader').textContent()).trim()] = (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
  }
  return shown;
}

test("a team's results: the widget's view is `altitude team` on the files people exported", async () => {
  const set = readSet(SET_ID);
  const first = await personsResult(set, bestAnswer, true);
  const second = await personsResult(set, plannedAnswer);
  const third = await personsResult(set, worstAnswer);
  const files = [first.result, second.result, third.result];
  const tool = JSON.parse(execFileSync(ALTITUDE, ['team', '--set', SET_PATH, '--role', 'engineering-manager', ...files], { encoding: 'utf8' }));
  assert.equal(tool.people, 3);

  const { page, errors } = await openPage(shared.browser(), shared.site().url);
  // By keyboard: the way in is a button of the start screen, and the screen lands on its heading.
  // It waits, like the masthead, for every set version to be in.
  const way_in = page.getByRole('button', { name: "See a team's results", disabled: false });
  await way_in.waitFor();
  await way_in.focus();
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: "A team's results" });
  await heading.waitFor();
  assert.equal(await heading.evaluate((h) => h.getRootNode().activeElement === h), true, 'focus on the heading');
  await assertAccessible(page, 'the team view, before any file');

  const versions = await page.getByLabel('Question set').locator('option').allTextContents();
  await page.getByLabel('Question set').selectOption({ label: versions.find((v) => v.startsWith(`${set.title} (version ${set.version})`)) });
  await page.getByLabel('Target role').selectOption({ label: 'Engineering Manager' });
  // Each control follows the one before it for the keyboard, in the order the screen reads.
  for (const [from, to] of [['Question set', 'Target role'], ['Target role', 'Minimum group'], ['Minimum group', 'Result files (or drop them here)']]) {
    await page.getByLabel(from).focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.getByLabel(to).evaluate((el) => el.getRootNode().activeElement === el), true, `Tab from ${from} reaches ${to}`);
  }
  // Two of the files by the picker: too few for a view, and nothing else is shown.
  await page.getByLabel('Result files (or drop them here)').setInputFiles(files.slice(0, 2));
  await page.getByText('A team view needs at least 3 results.').waitFor();
  assert.equal(await page.getByRole('table').count(), 0, 'no numbers below the minimum group');
  // The rest dropped on the screen: the third, the first again, and an "export everything" file.
  const dropped = [third.result, first.result, first.everything].map((path) => ({ name: path.split('/').pop(), text: readFileSync(path, 'utf8') }));
  const transfer = await page.evaluateHandle((files) => {
    const data = new DataTransfer();
    for (const { name, text } of files) data.items.add(new File([text], name, { type: 'application/json' }));
    return data;
  }, dropped);
  await page.getByRole('region', { name: "A team's results" }).dispatchEvent('drop', { dataTransfer: transfer });
  await page.getByTestId('team-files').filter({ hasText: '5 files read' }).waitFor();
  assert.equal(
    (await page.getByTestId('team-files').textContent()).trim(),
    '5 files read: 3 results counted, 1 file set aside as the same result as another, 1 file refused.',
  );
  const listed = await page.locator('.team-files li').allTextContents();
  assert.equal(listed.length, 2);
  assert.match(listed[0], /— The same result as .*\.json: counted once\.$/);
  assert.match(listed[1], /^altitude-everything\.json — Not a result file \(/);

  // The numbers: those of the tool on the three distinct files, rounded as shown.
  const dimensions = await rows(page, /^Each dimension: the team against the target of Engineering Manager/);
  for (const d of tool.dimensions) {
    const name = set.dimensions.find((x) => x.id === d.id).name;
    const expected = d.mean === null
      ? [whole(d.target), String(d.scored), `too few scores to show (${d.scored} of 3 needed)`, '', '', '', '']
      : [whole(d.target), String(d.scored), whole(d.mean), whole(d.median), String(d.short), String(d.within), String(d.met)];
    assert.deepEqual(dimensions[name], expected, name);
  }
  const readiness = await rows(page, 'How many are ready for each role');
  for (const r of tool.roles) {
    const name = set.roles.find((x) => x.id === r.id).name;
    assert.deepEqual(readiness[name], [String(r.ready), String(r.not_ready), String(tool.people - r.ready - r.not_ready)], name);
  }
  const focus = await page.locator('.team-view ol.focus > li > strong').allTextContents();
  assert.deepEqual(focus, tool.focus.map((id) => set.dimensions.find((d) => d.id === id).name));
  assert.ok(await page.getByRole('figure').filter({ hasText: "Gap between the team's mean" }).locator('svg').count(), 'the chart is drawn');
  await assertAccessible(page, 'the team view');

  // What may be handed on: the JSON download is the tool's view (with the duplicate counted), the CSV its rows.
  // By keyboard too: Enter on the focused button.
  await page.getByRole('button', { name: 'Download the view (JSON)' }).focus();
  const [json] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  assert.equal(json.suggestedFilename(), `altitude-team-${SET_ID}-engineering-manager.json`);
  const downloaded = JSON.parse(readFileSync(await saveDownload(json), 'utf8'));
  assert.deepEqual({ ...downloaded, duplicates: 0 }, tool);
  assert.equal(downloaded.duplicates, 1);
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the view (CSV)' }).click()]);
  const lines = readFileSync(await saveDownload(csv), 'utf8').trimEnd().split('\r\n');
  assert.equal(lines.length, 1 + set.dimensions.length + set.roles.length);
  assert.match(lines[0], /^row,set,version,target_role,min_group,people,duplicates,id,name,/);
  for (const file of [first.result, 'started_at', 'completed_at']) assert.ok(!lines.join('\n').includes(file), `${file} is not in the CSV`);

  // A larger minimum group: no view, and nothing else of it.
  await page.getByLabel('Minimum group').fill('4');
  await page.getByLabel('Minimum group').press('Enter');
  await page.getByText('A team view needs at least 4 results.').waitFor();
  assert.equal(await page.getByRole('table').count(), 0);
  await page.getByLabel('Minimum group').fill('3');
  await page.getByLabel('Minimum group').press('Tab');
  await page.getByRole('table', { name: 'How many are ready for each role' }).waitFor();

  // In print: the view without the controls, on A4 and Letter.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.getByLabel('Result files (or drop them here)').isVisible(), false, 'no controls on paper');
  assert.equal(await page.getByRole('table', { name: 'How many are ready for each role' }).isVisible(), true);
  for (const format of ['A4', 'Letter']) {
    const { text } = await printed(page, format);
    assert.ok(text.includes('How many are ready for each role'), `the ${format} view prints its readiness table: ${text}`);
    assert.ok(text.includes(set.title), `the ${format} view names its set: ${text}`);
    assert.ok(!text.includes('Result files'), `no controls on ${format} paper`);
  }
  await page.emulateMedia({ media: 'screen' });

  // Forgotten on request; nothing of the files was written to storage.
  await page.getByRole('button', { name: 'Forget these files' }).click();
  await page.getByText('Choose the result files your team sent you').waitFor();
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('altitude.')).map((k) => localStorage.getItem(k)).join(''));
  assert.ok(!stored.includes('completed_at'), 'no result of the team in localStorage');
  assertNoConsoleErrors(errors);
});
