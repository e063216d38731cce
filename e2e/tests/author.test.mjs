// The author's workbench (issue 27), as an author uses it: a malformed draft typed into the editor
// shows each problem at the line and column `altitude check` gives for the same text; choosing a
// problem moves the cursor to it; fixing the draft updates the preview (the real widget); the bundled
// flagship draws no overclaimer warning; a set built to be gamed draws both warnings, and the page's
// warnings are `altitude lint`'s on the same file. axe 0; keyboard only; nothing of it in the
// visitor's download.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, saveDownload, ALTITUDE } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });
const dir = mkdtempSync(join(tmpdir(), 'altitude-author-'));

/** The tool's located lines for `text` (`check` on standard error, `lint` on standard output), as "LINE:COLUMN: rest". */
function tool(command, text) {
  const file = join(dir, `${command}-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, text);
  const run = spawnSync(ALTITUDE, [command, file], { encoding: 'utf8' });
  const lines = (command === 'check' ? run.stderr : run.stdout).split('\n');
  // The located lines only (lint's table of respondents follows them).
  return lines.filter((l) => l.startsWith(`${file}:`)).map((l) => l.slice(file.length + 1)).filter((l) => /^\d+:\d+: /.test(l));
}

/** A draft with problems the format lists by path, and one that reads well as JSON. */
const MALFORMED = `{
  "format": "altitude.question-set/2",
  "id": "draft",
  "version": "0.1.0",
  "title": "Draft",
  "colour": "blue",
  "scale": {"points": 5, "labels": ["Never", "Rarely", "Sometimes", "Often", "Always"]},
  "dimensions": [{"id": "craft", "name": "Craft"}],
  "roles": [{"id": "lead", "name": "Lead", "stage": 1, "targets": {"craft": 50}}],
  "questions": [
    {"id": "q1", "dimension": "craft", "kind": "likert", "text": "I write design notes."},
    {"id": "q2", "dimension": "kraft", "kind": "likert", "text": "I review designs."}
  ]
}`;

/** A set built to be gamed: every scenario's key is its longest option, and the habits outweigh the one ladder. */
function gamed() {
  const scenario = (id, dimension) => ({
    id, dimension, kind: 'choice', text: `Situation ${id}: what do you do first?`,
    options: [
      { id: 'a', text: 'Wait.', score: 0 },
      { id: 'b', text: 'Ask around.', score: 0.3 },
      { id: 'c', text: 'Write down the options, what each costs, and agree the next step with the people it affects.', score: 1 },
    ],
  });
  const habit = (id, dimension) => ({ id, dimension, kind: 'likert', text: `I do the thing called ${id} every week.` });
  const ladder = (id, dimension) => ({
    id, dimension, kind: 'level', text: `How far has ${id} reached?`,
    options: [{ id: 'own', text: 'My own work', score: 0 }, { id: 'team', text: 'My team', score: 0.5 }, { id: 'org', text: 'The organisation', score: 1 }],
  });
  const questions = [];
  for (const d of ['craft', 'people']) questions.push(ladder(`${d}-l`, d), habit(`${d}-h1`, d), habit(`${d}-h2`, d), scenario(`${d}-s1`, d), scenario(`${d}-s2`, d), scenario(`${d}-s3`, d));
  return JSON.stringify({
    format: 'altitude.question-set/2', id: 'gamed', version: '1.0.0', title: 'Gamed',
    scale: { points: 5, labels: ['Never', 'Rarely', 'Sometimes', 'Often', 'Always'] },
    dimensions: [{ id: 'craft', name: 'Craft' }, { id: 'people', name: 'People' }],
    roles: [
      { id: 'lead', name: 'Lead', stage: 1, targets: { craft: 40, people: 40 } },
      { id: 'head', name: 'Head', stage: 2, targets: { craft: 75, people: 75 } },
    ],
    questions,
  }, null, 2);
}

/** The problems or warnings listed on the page, as "LINE:COLUMN: rest" like the tool's lines. */
async function listed(page, id) {
  const items = await page.locator(`#${id} li button`).all();
  return Promise.all(items.map(async (item) => {
    const where = (await item.locator('.where').textContent()).trim();
    const what = (await item.locator('span').nth(1).textContent()).trim();
    return `${where}: ${what}`;
  }));
}

/** Replaces the draft by typing: select all, then the text as keyboard input. */
async function type(page, text) {
  const editor = page.getByRole('textbox', { name: 'The question set as JSON' });
  await editor.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

test("the author's workbench: problems where the tool puts them, a live preview, and who the set would call ready", async () => {
  const { page, errors } = await openPage(shared.browser(), `${shared.site().url}author.html`);
  await page.locator('body[data-ready="true"]').waitFor();
  await assertAccessible(page, 'the workbench, empty');

  // A malformed draft, typed: each problem at the tool's line and column, in the tool's order.
  const expected = tool('check', MALFORMED);
  assert.ok(expected.length >= 2, `the premise: the tool finds problems (${expected})`);
  await type(page, MALFORMED);
  await page.getByText(`${expected.length} problems, in the order the format lists them.`).waitFor();
  assert.deepEqual(await listed(page, 'problems'), expected);
  // Choosing one moves the cursor to its line (the editor's active line), by keyboard.
  const kraft = page.locator('#problems li button').filter({ hasText: 'kraft' });
  await kraft.focus();
  await page.keyboard.press('Enter');
  const line = Number((await kraft.locator('.where').textContent()).split(':')[0]);
  assert.equal(Number((await page.locator('.cm-activeLineGutter').first().textContent()).trim()), line, 'the cursor is on the problem\'s line');
  assert.equal(await page.getByRole('textbox', { name: 'The question set as JSON' }).evaluate((el) => el === document.activeElement), true);

  // Fixed: no problem, and the preview shows the draft in the real widget.
  await type(page, MALFORMED.replace('  "colour": "blue",\n', '').replace('"kraft"', '"craft"'));
  await page.getByText('No problems: the draft is a valid question set.').waitFor();
  await page.getByText('The preview shows the draft: Draft, version 0.1.0.').waitFor();
  await page.locator('#preview').getByRole('radio', { name: /^Draft/ }).waitFor();
  await page.locator('#preview').getByRole('button', { name: 'Start the assessment' }).waitFor();

  // The bundled flagship: no overclaimer warning, and the page's warnings are the tool's.
  await page.getByLabel('Start from').selectOption({ label: 'CTO readiness (bundled)' });
  await page.getByText('The preview shows the draft: CTO readiness').waitFor();
  const flagship = await page.evaluate(() => fetch('assessments/cto-readiness.json').then((r) => r.text()));
  const flagshipWarnings = await listed(page, 'warnings');
  assert.ok(!flagshipWarnings.some((w) => w.includes('the overclaimer')), `no overclaimer warning: ${flagshipWarnings}`);
  assert.deepEqual(flagshipWarnings, tool('lint', flagship));
  assert.equal(await page.getByRole('table', { name: 'Verdicts of simulated respondents' }).locator('tbody tr').count(), 5);

  // A set built to be gamed: both warnings, as the tool gives them.
  const text = gamed();
  await type(page, text);
  await page.getByText('The preview shows the draft: Gamed, version 1.0.0.').waitFor();
  const warnings = await listed(page, 'warnings');
  assert.deepEqual(warnings, tool('lint', text));
  assert.ok(warnings.some((w) => /the overclaimer .* is ready for Head, the top role/.test(w)), `overclaimer: ${warnings}`);
  assert.ok(warnings.some((w) => /the strongest option is the longest in 3 of its 3 scenarios/.test(w)), `longest: ${warnings}`);
  await assertAccessible(page, 'the workbench with warnings');

  // Keyboard only: the editor does not keep Tab; it leads on to the list of problems' heading area.
  await page.getByRole('textbox', { name: 'The question set as JSON' }).focus();
  await page.keyboard.press('Tab');
  assert.notEqual(await page.evaluate(() => document.activeElement?.getAttribute('aria-label')), 'The question set as JSON', 'Tab leaves the editor');

  // The draft the page downloads opens back in it, unchanged, with the same warnings.
  const [draft] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the draft' }).click()]);
  const draftPath = await saveDownload(draft);
  assert.equal(readFileSync(draftPath, 'utf8'), text);
  await type(page, '{}');
  await page.getByText(/^\d+ problems?, in the order/).waitFor();
  await page.getByLabel('Open a file (or drop one on the editor)').setInputFiles(draftPath);
  await page.getByText('The preview shows the draft: Gamed, version 1.0.0.').waitFor();
  assert.deepEqual(await listed(page, 'warnings'), warnings);

  // The draft survives a reload; "Discard the draft" forgets it.
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByText('The preview shows the draft: Gamed, version 1.0.0.').waitFor();
  await page.getByRole('button', { name: 'Discard the draft' }).click();
  assert.equal(await page.evaluate(() => localStorage.getItem('altitude-author.draft')), null);
  assertNoConsoleErrors(errors);
});
