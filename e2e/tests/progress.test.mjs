// Between two attempts (issue 28), as a person uses it: a roadmap step made a goal, the goal marked
// done, notes of evidence (a `javascript:` link refused, an https one kept as a safe link), all of it
// surviving a reload; a second attempt, after which "Since last time" shows the change beside the
// goals done and notes kept in between; the check-ins' .ics parsed by ical.js; the record printed on
// A4 and Letter; export → delete everything → import brings every goal and note back. axe 0.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, readSet, plannedAnswer, bestAnswer, Altitude, saveDownload } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });

/** My progress, by keyboard, from the past results (where the roadmap also leads). */
async function openProgress(page) {
  await page.getByRole('button', { name: /^Past results \(/, disabled: false }).click();
  const mine = page.getByRole('button', { name: 'My progress: goals and notes' });
  await mine.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'My progress' }).waitFor();
}

test('goals and evidence between two attempts: kept, compared, in a calendar, printed, exported and imported', async () => {
  const set = readSet('tech-lead-to-engineering-manager');
  const { page, errors } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await altitude.start(set.title, 'Engineering Manager');
  await altitude.answerAll(set, plannedAnswer);
  await altitude.finish();

  // A roadmap step made a goal.
  await page.getByRole('button', { name: 'Your development roadmap' }).click();
  await page.getByRole('heading', { name: 'Development roadmap' }).waitFor();
  const makeGoal = page.getByRole('button', { name: /^Make this a goal: / }).first();
  const label = await makeGoal.getAttribute('aria-label');
  const title = label.slice('Make this a goal: '.length);
  await makeGoal.click();
  await page.getByText(`“${title}” is now one of your goals: see My progress.`).waitFor();

  await openProgress(page);
  await page.getByRole('textbox', { name: `Title of “${title}”` }).waitFor();
  await page.getByRole('combobox', { name: `Status of “${title}”` }).selectOption({ label: 'Done' });
  // A goal written here, open, with a due date: the calendar's.
  await page.getByLabel('Goal', { exact: true }).fill('Hold a retrospective with the whole team');
  await page.getByLabel('Due (optional)').fill('2027-03-01');
  await page.getByRole('button', { name: 'Add the goal' }).click();
  await page.getByRole('textbox', { name: 'Title of “Hold a retrospective with the whole team”' }).waitFor();

  // Evidence: a javascript: link is refused with the reason, an https one is kept as a safe link.
  await page.getByLabel('What you did, and what it showed (up to 1,000 characters)').fill('Ran a first round of one-on-ones with every engineer.');
  await page.getByRole('checkbox', { name: set.dimensions.find((d) => d.id === 'people-leadership').name }).check();
  await page.getByLabel('A link (optional, http or https)').fill('javascript:alert(1)');
  await page.getByRole('button', { name: 'Add the note' }).click();
  await page.getByRole('alert').filter({ hasText: 'must be a web address starting with https://' }).waitFor();
  assert.equal(await page.locator('.timeline a').count(), 0, 'nothing clickable from the refused link');
  await page.getByLabel('A link (optional, http or https)').fill('https://example.org/one-on-ones');
  await page.getByRole('button', { name: 'Add the note' }).click();
  const link = page.getByRole('link', { name: 'https://example.org/one-on-ones' });
  await link.waitFor();
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await assertAccessible(page, 'My progress');

  // A reload comes back to the screen with everything kept.
  await page.reload();
  await page.getByRole('heading', { name: 'My progress' }).waitFor();
  await page.getByRole('textbox', { name: `Title of “${title}”` }).waitFor();
  assert.equal(await page.getByRole('combobox', { name: `Status of “${title}”` }).inputValue(), 'done');
  await page.getByRole('link', { name: 'https://example.org/one-on-ones' }).waitFor();

  // The calendar: the roadmap's three check-ins and the open goal's due date, as ical.js reads them.
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Check-ins for your calendar (.ics)' }).click()]);
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(await saveDownload(ics), 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
  const goalEvent = events.find((e) => e.summary.includes('Hold a retrospective with the whole team'));
  assert.ok(goalEvent, `the goal's due date: ${events.map((e) => e.summary)}`);
  assert.equal(goalEvent.startDate.toString(), '2027-03-01');
  assert.equal(events.length, 4, `three check-ins and one goal: ${events.map((e) => e.summary)}`);
  assert.ok(!events.some((e) => e.summary.includes(title)), 'a goal done has no event');

  // A second attempt; "Since last time" then says what changed and what happened in between.
  await page.getByRole('button', { name: 'Assessments' }).click();
  await altitude.start(set.title, 'Engineering Manager');
  await altitude.answerAll(set, bestAnswer);
  await altitude.finish();
  await openProgress(page);
  const since = page.getByRole('region', { name: 'Since last time' });
  await since.getByRole('heading', { name: set.title }).waitFor();
  const lines = await since.locator('li').allTextContents();
  assert.equal(lines.length, set.dimensions.length);
  // The goal done is counted under its dimension (the roadmap's first focus area), the note under people leadership.
  const counts = lines.map((l) => l.match(/ since \d+ \w+: (\d+) goals? done, (\d+) notes?$/));
  assert.ok(counts.every(Boolean), `every line says what happened in between: ${lines}`);
  assert.equal(counts.reduce((n, m) => n + Number(m[1]), 0), 1, `one goal done in all: ${lines}`);
  const people = lines.find((l) => l.startsWith(set.dimensions.find((d) => d.id === 'people-leadership').name));
  assert.match(people, /^People leadership [+−-]?\d+ since \d+ \w+: \d goals? done, 1 note$/, people);

  // On paper: the record, not the forms.
  await page.emulateMedia({ media: 'print' });
  await page.getByRole('heading', { name: 'A record of progress' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Add the note' }).isVisible(), false);
  for (const format of ['A4', 'Letter']) assert.ok((await page.pdf({ format })).length > 5_000, `${format} PDF`);
  await page.emulateMedia({ media: 'screen' });

  // Export everything, delete everything, import: every goal and note comes back.
  await page.getByRole('button', { name: /^Past results \(/ }).click();
  const [everything] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything' }).click()]);
  const file = await saveDownload(everything);
  assert.ok(readFileSync(file, 'utf8').includes('Hold a retrospective with the whole team'), 'the export holds the goals');
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await openProgress(page);
  await page.getByText('No goals yet.', { exact: false }).waitFor();
  await page.getByRole('button', { name: /^Past results \(/ }).click();
  await page.getByLabel('Import results from a file').setInputFiles(file);
  await page.getByRole('status').filter({ hasText: /import/i }).first().waitFor();
  await openProgress(page);
  await page.getByRole('textbox', { name: 'Title of “Hold a retrospective with the whole team”' }).waitFor();
  await page.getByRole('link', { name: 'https://example.org/one-on-ones' }).waitFor();
  assertNoConsoleErrors(errors);
});
