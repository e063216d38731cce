// Between two attempts (issue 28), as a person uses it: a roadmap step made a goal, the goal marked
// done, notes of evidence (a `javascript:` link refused, an https one kept as a safe link), all of it
// surviving a reload; a second attempt, after which "Since last time" shows the change beside the
// goals done and notes kept in between; the check-ins' .ics parsed by ical.js; the record printed on
// A4 and Letter; export → delete everything → import brings every goal and note back. axe 0.
// Then by keyboard alone, in two tabs: notes started from the roadmap and from a goal, the nudge past
// three open goals, a status changed with the arrow keys, a note edited, both deleted, focus kept
// through every redraw, and another tab's changes shown as they happen. And with storage blocked,
// goals and notes kept in memory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, readSet, plannedAnswer, bestAnswer, Altitude, saveDownload, refuseLocalStorage, printed } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });

/** My progress, by keyboard, from the past results (where the roadmap also leads). */
async function openProgress(page) {
  await page.getByRole('button', { name: /^Past results \(/, disabled: false }).click();
  // Arrived: focus is on the screen's heading once it is drawn (a button found before that may be
  // replaced by the screen drawn anew, and a key pressed on it lost).
  await focusOn(page, { id: 'history-heading' });
  const mine = page.getByRole('button', { name: 'My progress: goals and notes' });
  await mine.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'My progress' }).waitFor();
}

/**
 * An answer to every question (none left out, so that every dimension has a score to compare): the
 * middle of the scale, and the options in turn.
 */
const everyAnswered = (set, i) => {
  const question = set.questions[i];
  return { label: question.kind === 'likert' ? set.scale.labels[2] : question.options[i % question.options.length].text };
};

test('goals and evidence between two attempts: kept, compared, in a calendar, printed, exported and imported', async () => {
  const set = readSet('tech-lead-to-engineering-manager');
  const { page, errors } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await altitude.start(set.title, 'Engineering Manager');
  await altitude.answerAll(set, everyAnswered);
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
  // From now on, every event the host page hears: none may carry a goal or a note.
  await page.evaluate(() => {
    window.heard = [];
    const host = document.querySelector('altitude-assessment');
    for (const name of ['altitude-ready', 'altitude-progress', 'altitude-complete', 'altitude-error', 'altitude-reply']) {
      host.addEventListener(name, (event) => window.heard.push(`${name} ${JSON.stringify(event.detail)}`));
    }
  });

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
  // The host heard the completion and the progress, and nothing of the goals and notes kept.
  const heard = await page.evaluate(() => window.heard);
  assert.equal(heard.filter((e) => e.startsWith('altitude-complete')).length, 1, heard.map((e) => e.slice(0, 40)).join('\n'));
  for (const kept of [title, 'Hold a retrospective with the whole team', 'one-on-ones']) {
    assert.ok(!heard.some((e) => e.includes(kept)), `no host event carries “${kept}”`);
  }
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
  // What the record holds: the goal done, the note under its dimension, and the change in scores.
  const record = await page.locator('.progress-record').innerText();
  assert.ok(record.includes(title) && record.includes('Ran a first round of one-on-ones with every engineer.'), record);
  assert.match(record, /Scores, before and after/);
  assert.ok(record.includes('Goals still open: 1'), record);
  for (const format of ['A4', 'Letter']) {
    const { text } = await printed(page, format);
    for (const line of ['A record of progress', title, 'Ran a first round of one-on-ones with every engineer.', 'Scores, before and after', 'Goals still open: 1']) {
      assert.ok(text.includes(line), `the ${format} record prints “${line}”: ${text}`);
    }
    assert.ok(!text.includes('Add the note'), `no forms on ${format} paper`);
  }
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

/**
 * Waits until the focused element, inside the widget's shadow root, is the one `want` describes: its
 * `label` (aria-label), `text`, or any property (`id`, `value`).
 */
async function focusOn(page, want) {
  await page.waitForFunction((want) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const has = (key) => (key === 'label' ? el.getAttribute('aria-label') : key === 'text' ? el.textContent : el[key]);
    return !!el && Object.entries(want).every(([key, value]) => has(key) === value);
  }, want);
}

/** Presses Enter on `locator`, focused first: a keyboard user's click. */
async function press(locator, key = 'Enter') {
  await locator.focus();
  await locator.press(key);
}

test('by keyboard, in two tabs: notes from the roadmap and a goal, the nudge, edits and deletions keep focus, another tab live', async () => {
  const set = readSet('tech-lead-to-engineering-manager');
  const { context, page, errors } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  await altitude.start(set.title, 'Engineering Manager');
  await altitude.answerAll(set, plannedAnswer);
  await altitude.finish();
  await press(page.getByRole('button', { name: 'Your development roadmap' }));
  await page.getByRole('heading', { name: 'Development roadmap' }).waitFor();

  // The first focus area: four of its items made goals; the fourth hears the nudge.
  const area = page.locator('.focus-area').first();
  const areaName = (await area.getByRole('heading', { level: 3 }).textContent()).replace(/^\d+\. /, '');
  const makers = area.getByRole('button', { name: /^Make this a goal: / });
  assert.ok((await makers.count()) >= 4, 'the first focus area has at least four items to make goals of');
  const titles = [];
  for (let i = 0; i < 4; i++) {
    const maker = makers.nth(i);
    titles.push((await maker.getAttribute('aria-label')).slice('Make this a goal: '.length));
    await press(maker);
    await page.getByText(`“${titles[i]}” is now one of your goals`, { exact: false }).waitFor();
  }
  await page.getByText(`4 goals are open in ${areaName}. One to three at a time`, { exact: false }).waitFor();

  // A note from the roadmap: My progress opens on the note's text, its dimension chosen.
  await press(area.getByRole('button', { name: `Add a note of what you did: ${areaName}` }));
  await page.getByRole('heading', { name: 'My progress' }).waitFor();
  await focusOn(page, { id: 'note-text' });
  assert.ok(await page.getByRole('checkbox', { name: areaName }).isChecked(), 'the focus area\'s dimension is chosen');
  await page.keyboard.type('Wrote the team\'s first delivery review and shared it.');
  await press(page.getByRole('button', { name: 'Add the note' }));
  await page.getByText('The note has been added.').waitFor();
  assert.match(await page.locator('.timeline .note-meta').first().textContent(), new RegExp(` · ${areaName}$`));
  // The nudge stands beside the dimension's goals.
  await page.getByText(`4 goals are open in ${areaName}.`, { exact: false }).waitFor();
  await assertAccessible(page, 'My progress with goals, a nudge and a note');

  // A status changed with the arrow keys: saved, redrawn, and focus still on that status.
  const status = page.getByRole('combobox', { name: `Status of “${titles[0]}”` });
  await status.focus();
  await page.keyboard.press('ArrowDown');
  await focusOn(page, { label: `Status of “${titles[0]}”`, value: 'doing' });
  assert.equal(await status.inputValue(), 'doing');
  await page.keyboard.press('ArrowDown');
  await focusOn(page, { label: `Status of “${titles[0]}”`, value: 'done' });
  // Three open now: no nudge.
  await page.getByText(`goals are open in ${areaName}.`, { exact: false }).waitFor({ state: 'detached' });

  // A note for a goal, from its row: the form has the goal and its dimension, focus on the text.
  await press(page.getByRole('button', { name: `Add a note for “${titles[1]}”` }));
  await focusOn(page, { id: 'note-text' });
  assert.equal(await page.getByLabel('For a goal (optional)').locator('option:checked').textContent(), titles[1]);
  assert.ok(await page.getByRole('checkbox', { name: areaName }).isChecked());
  await page.keyboard.type('Asked two engineers what the goal should change for them.');
  await press(page.getByRole('button', { name: 'Add the note' }));
  await page.locator('.timeline .note-meta').filter({ hasText: `for “${titles[1]}”` }).waitFor();

  // A note edited in place (kept when the field is left, Tab moving on to its Delete button as it
  // would anywhere), then kept through a reload. Notes are dated by the person's own calendar.
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const first = page.getByRole('textbox', { name: `Note of ${today}` }).first();
  await first.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Edited: the note says more now.');
  await page.keyboard.press('Tab');
  await focusOn(page, { label: `Delete the note of ${today}` });
  // Still there two frames on, when a redraw would have happened.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await focusOn(page, { label: `Delete the note of ${today}` });
  // A goal's title emptied is refused, said, and shown again.
  const titleField = page.getByRole('textbox', { name: `Title of “${titles[2]}”` });
  await titleField.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Tab');
  await page.getByRole('alert').filter({ hasText: 'A goal needs a title' }).waitFor();
  assert.equal(await titleField.inputValue(), titles[2]);
  await page.reload();
  await page.getByRole('heading', { name: 'My progress' }).waitFor();
  const texts = await page.getByRole('textbox', { name: `Note of ${today}` }).evaluateAll((all) => all.map((t) => t.value));
  assert.ok(texts.includes('Edited: the note says more now.'), `the edit was kept: ${texts}`);

  // Another tab on My progress follows this one's changes, and this one follows its deletions.
  const other = await context.newPage();
  other.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  other.on('pageerror', (error) => errors.push(String(error)));
  await other.goto(shared.site().url);
  await openProgress(other);
  await page.getByLabel('Goal', { exact: true }).fill('Run the next retrospective without speaking first');
  await press(page.getByRole('button', { name: 'Add the goal' }));
  await other.getByRole('textbox', { name: 'Title of “Run the next retrospective without speaking first”' }).waitFor();
  await press(other.getByRole('button', { name: 'Delete the goal of “Run the next retrospective without speaking first”' }));
  await page.getByRole('textbox', { name: 'Title of “Run the next retrospective without speaking first”' }).waitFor({ state: 'detached' });
  await other.close();

  // Deleting: the note, then a goal; focus goes to the list's heading, and the deletion is said.
  await press(page.getByRole('button', { name: `Delete the note of ${today}` }).first());
  await page.getByText(`The note of ${today} has been deleted.`).waitFor();
  await focusOn(page, { text: 'Evidence' });
  assert.equal(await page.getByRole('textbox', { name: `Note of ${today}` }).count(), 1);
  await press(page.getByRole('button', { name: `Delete the goal of “${titles[3]}”` }));
  await page.getByText(`The goal “${titles[3]}” has been deleted.`).waitFor();
  await focusOn(page, { text: 'Goals' });
  assert.equal(await page.getByRole('textbox', { name: `Title of “${titles[3]}”` }).count(), 0);
  await page.reload();
  await page.getByRole('textbox', { name: `Title of “${titles[2]}”` }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: `Title of “${titles[3]}”` }).count(), 0, 'a deleted goal stays deleted');
  assertNoConsoleErrors(errors);
  await context.close();
});

test('with storage blocked: goals and notes are kept in memory, and the person is told once', async () => {
  const set = readSet('tech-lead-to-engineering-manager');
  const { context, page, errors } = await openPage(shared.browser(), shared.site().url, {}, [refuseLocalStorage]);
  await page.getByRole('alert').filter({ hasText: 'does not let the page keep data' }).waitFor();
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  const altitude = new Altitude(page);
  await altitude.start(set.title, 'Engineering Manager');
  await altitude.answerAll(set, plannedAnswer);
  await altitude.finish();
  await openProgress(page);
  await page.getByLabel('Goal', { exact: true }).fill('Agree a hiring plan with my manager');
  await press(page.getByRole('button', { name: 'Add the goal' }));
  await page.getByRole('textbox', { name: 'Title of “Agree a hiring plan with my manager”' }).waitFor();
  await page.getByLabel('What you did, and what it showed (up to 1,000 characters)').fill('Drafted the plan.');
  await page.getByRole('checkbox', { name: set.dimensions[0].name }).check();
  await press(page.getByRole('button', { name: 'Add the note' }));
  await page.getByRole('textbox', { name: /^Note of / }).waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'does not let the page keep data' }).count(), 0, 'told once, not at every change');
  // Leaving the screen and coming back: still there, from memory.
  await page.getByRole('button', { name: /^Past results \(/ }).click();
  await openProgress(page);
  await page.getByRole('textbox', { name: 'Title of “Agree a hiring plan with my manager”' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: /^Note of / }).count(), 1);
  assertNoConsoleErrors(errors);
  await context.close();
});
