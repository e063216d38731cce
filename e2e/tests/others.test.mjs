// Others' view end to end: a person finishes the flagship and invites their manager and three
// peers; each rater answers in a browser of their own and sends back a reply link; the person opens
// each and sees the same numbers as `altitude score --others` on the very files the widget wrote.
// Then a forged and a damaged reply are refused, and export → delete → import keeps the replies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALTITUDE, ROOT, Altitude, assertAccessible, assertNoConsoleErrors, bestAnswer, openPage, readSet, sharedBrowserAndSite, whole, worstAnswer,
} from './support.mjs';

const shared = sharedBrowserAndSite(test);
const set = readSet('cto-readiness');
const SET_PATH = join(ROOT, 'assessments', 'cto-readiness.json');
const NAME = "Sam O'Neil <b>";

/** The set as a rater reads it: each question in its `text_other` wording. */
const aboutSomeoneElse = { ...set, questions: set.questions.map((q) => ({ ...q, text: q.text_other ?? q.text })) };

/** A rater's answers: `pick` for most questions, "not seen" for some (never a scenario, where it is
 * not offered), "doesn't apply" for one. */
const raterPlan = (pick) => (s, i) => {
  if (i % 13 === 5 && s.questions[i].kind !== 'choice') return { label: 'Not seen them in this situation' };
  if (i === 11) return { label: "Doesn't apply to their situation" };
  return pick(s, i);
};
const RATERS = [
  { relationship: 'manager', button: 'Invite your manager', as: 'as their manager', plan: raterPlan(worstAnswer) },
  { relationship: 'peer', button: 'Invite a peer', as: 'as a peer', plan: raterPlan((s, i) => (i % 2 ? worstAnswer(s, i) : bestAnswer(s, i))) },
  { relationship: 'peer', button: 'Invite a peer', as: 'as a peer', plan: raterPlan(worstAnswer) },
  { relationship: 'peer', button: 'Invite a peer', as: 'as a peer', plan: raterPlan((s, i) => (i % 3 ? worstAnswer(s, i) : bestAnswer(s, i))) },
];

/** The FNV-1a checksum of a link payload, as the widget writes it. */
function checksum(text) {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
const payloadOf = (json) => `${Buffer.from(json, 'utf8').toString('base64url')}.${checksum(json)}`;
const jsonOf = (link) => Buffer.from(link.split('#reply=')[1].split('.')[0], 'base64url').toString('utf8');

/** The table "Your view and others' view": dimension → cells by column heading. */
async function othersTable(page) {
  const table = page.getByRole('table', { name: "Your view and others' view" });
  const headings = (await table.locator('thead th').allTextContents()).map((t) => t.trim());
  const rows = {};
  for (const row of await table.locator('tbody tr').all()) {
    const cells = (await row.getByRole('cell').allTextContents()).map((t) => t.trim());
    rows[(await row.getByRole('rowheader').textContent()).trim()] = Object.fromEntries(headings.slice(1).map((h, k) => [h, cells[k]]));
  }
  return rows;
}

/** Asserts the others' view on screen is the tool's `others` block, rounded as displayed. */
async function assertShowsOthers(page, report) {
  const rows = await othersTable(page);
  const { others } = report;
  const total = others.raters;
  const mean = (d) => (d.score === null ? '—' : d.raters < total ? `${whole(d.score)} (${d.raters} of ${total})` : whole(d.score));
  for (const [k, d] of others.dimensions.entries()) {
    const name = set.dimensions.find((x) => x.id === d.id).name;
    assert.equal(rows[name]['Everyone who replied'], mean(d), `${name}: everyone`);
    assert.equal(rows[name].You, whole(report.dimensions[k].score), `${name}: own`);
    for (const [relationship, heading] of [['manager', 'Manager'], ['peer', 'Peers'], ['report', 'Reports'], ['other', 'Others invited']]) {
      const group = others.by_relationship[relationship];
      if (!group) {
        assert.equal(rows[name][heading], undefined, `${heading} is not shown`);
        continue;
      }
      const score = group[k].score;
      assert.equal(rows[name][heading], score === null ? '—' : whole(score), `${name}: ${heading}`);
    }
  }
  const names = (ids) => ids.map((id) => set.dimensions.find((d) => d.id === id).name);
  const blind = await page.locator('.others-view h4:text-is("Blind spots") + p + ul > li').allTextContents();
  assert.deepEqual(blind.map((t) => t.split(':')[0]), names(others.blind_spots));
  // The ladders where the person and others part by a rung: the tool's lists, question by question.
  // Each item quotes its question's first words: “How far does …”: you chose …
  const quoted = (ids) => ids.map((id) => set.questions.find((q) => q.id === id).text.split(/[?.!]/)[0].slice(0, 30));
  const starts = (items, expected) => items.map((t, k) => t.slice(1, 1 + (expected[k]?.length ?? 0)));
  const above = await page.locator('.others-view h4:text-is("Where you claim a rung more than others see") + p + ul > li').allTextContents();
  const below = await page.locator('.others-view h4:text-is("Where others see a rung more than you claim") + ul > li').allTextContents();
  assert.deepEqual(starts(above, quoted(others.ladders.above_others)), quoted(others.ladders.above_others), 'above others');
  assert.deepEqual(starts(below, quoted(others.ladders.below_others)), quoted(others.ladders.below_others), 'below others');
}

test('a person invites a manager and three peers, gets their views back and sees what the tool computes', async () => {
  const browser = shared.browser();
  const dir = mkdtempSync(join(tmpdir(), 'altitude-others-'));
  const { context, page, errors } = await openPage(browser, shared.site().url, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const altitude = new Altitude(page);
  await altitude.start('CTO readiness');
  await altitude.answerAll(set, bestAnswer);
  await altitude.finish();
  const selfPath = join(dir, 'self.json');
  await (await altitude.exportResult()).saveAs(selfPath);

  // Invitations: the name, then one per rater — the first by keyboard alone.
  await page.getByLabel('Your name, as they will see it (optional)').fill(NAME);
  await page.getByLabel('Your name, as they will see it (optional)').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  for (const rater of RATERS.slice(1)) await page.getByRole('button', { name: rater.button }).click();
  const items = page.getByRole('region', { name: /— waiting for a reply/ });
  assert.equal(await items.count(), 4);
  const invitations = [];
  for (let k = 0; k < 4; k++) invitations.push(await items.nth(k).getByLabel('Invitation link').inputValue());
  assert.ok(invitations.every((link) => link.startsWith(`${shared.site().url}#invite=`)), invitations.join('\n'));
  assert.equal(new Set(invitations).size, 4, 'one link per person');
  await items.nth(0).getByRole('button', { name: 'Copy link' }).click();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), invitations[0]);
  await assertAccessible(page, 'the results with invitations');

  // Each rater, in a browser of their own.
  const replyLinks = [];
  const replyPaths = [];
  for (const [k, rater] of RATERS.entries()) {
    const other = await openPage(browser, invitations[k], { permissions: ['clipboard-read', 'clipboard-write'] });
    const raterPage = other.page;
    await raterPage.getByRole('heading', { name: `Give your view of ${NAME}` }).waitFor();
    await raterPage.getByText(`You are giving your view of ${NAME}, ${rater.as}.`).waitFor();
    if (k === 0) {
      await assertAccessible(raterPage, 'an invitation');
      // Keyboard alone: the focus is on the heading (given at the next frame), and the next stop is Start.
      await raterPage.waitForFunction(() => document.querySelector('altitude-assessment').shadowRoot.activeElement?.id === 'invitation-heading');
      await raterPage.keyboard.press('Tab');
      await raterPage.keyboard.press('Enter');
    } else {
      await raterPage.getByRole('button', { name: 'Start' }).click();
    }
    assert.ok(!raterPage.url().includes('#'), 'once begun, the invitation leaves the address (the tab remembers it)');
    const raterWidget = new Altitude(raterPage);
    if (k === 1) {
      // The rater leaves half-way and comes back to the same link: the answers are kept.
      const i = set.questions.findIndex((q) => q.dimension === set.dimensions[0].id);
      await raterWidget.answer(aboutSomeoneElse.questions[i], rater.plan(set, i).label);
      await raterPage.reload();
      await raterPage.getByRole('button', { name: /^Continue \(1 of 46 answered\)$/ }).click();
    }
    await raterPage.evaluate(() => {
      document.querySelector('altitude-assessment').addEventListener('altitude-reply', (event) => { window.replyEvent = event.detail; });
    });
    await raterWidget.answerAll(aboutSomeoneElse, rater.plan);
    await raterPage.getByRole('button', { name: 'Finish and make my reply' }).click();
    await raterPage.getByRole('heading', { name: 'Your reply is ready' }).waitFor();
    const link = await raterPage.getByLabel('Reply link').inputValue();
    assert.ok(link.startsWith(`${shared.site().url}#reply=`), link);
    assert.ok(link.length < 600, `a reply link of ${link.length} characters`);
    const [download] = await Promise.all([raterPage.waitForEvent('download'), raterPage.getByRole('button', { name: 'Save the reply as a file' }).click()]);
    const path = join(dir, `reply-${k}.json`);
    await download.saveAs(path);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    // The link carries the same reply in short: one character per answer, in the set's order.
    const short = JSON.parse(jsonOf(link));
    assert.equal(short.format, 'altitude.reply-link/1');
    assert.equal(short.invitation, file.invitation);
    assert.equal(short.completed_at, file.result.completed_at);
    assert.equal(short.answers.length, set.questions.length);
    assert.equal([...short.answers].filter((c) => c === 'u').length, Object.values(file.result.answers).filter((a) => a === 'untested').length);
    assert.deepEqual(await raterPage.evaluate(() => window.replyEvent), file, 'the host page is handed the reply');
    assert.equal(file.result.rater.relationship, rater.relationship);
    assert.equal(await raterPage.evaluate(() => localStorage.getItem('altitude.v1.history')), null, "the rater's own history is untouched");
    if (k === 0) await assertAccessible(raterPage, 'a reply');
    replyLinks.push(link);
    replyPaths.push(path);
    assertNoConsoleErrors(other.errors);
    await other.context.close();
  }
  console.log(`reply links to the flagship: ${replyLinks.map((l) => l.length).join(', ')} characters`);

  // Back with the person: each reply link opened, the first in a new tab, the others pasted into the address bar.
  const first = await context.newPage();
  first.on('pageerror', (error) => errors.push(String(error)));
  await first.goto(replyLinks[0]);
  await first.getByText('Added the view of your manager to your results of “CTO readiness”.').waitFor();
  await first.close();
  await page.reload();
  for (const [k, link] of replyLinks.entries()) {
    if (k > 0) {
      await page.goto(link);
      await page.getByText('Added the view of a peer to your results of “CTO readiness”.').waitFor();
    }
    await page.getByRole('region', { name: new RegExp(`^${k + 1}\\. (Manager|Peer) — replied`) }).waitFor();
  }
  await page.getByRole('heading', { name: "Others' view", exact: true }).waitFor();
  const report = JSON.parse(execFileSync(ALTITUDE, ['score', '--set', SET_PATH, '--answers', selfPath, '--others', ...replyPaths], { encoding: 'utf8' }));
  assert.ok(report.others.by_relationship.peer, 'three peers make a group');
  assert.ok(report.others.blind_spots.length > 0, 'this person rates themselves above the others');
  assert.ok(report.others.ladders.above_others.length > 0, 'and claims a rung more on some ladders');
  await assertShowsOthers(page, report);
  assert.match(await page.locator('.charts figure').first().innerHTML(), /Others' view \(4 replies\)/);
  await assertAccessible(page, "the others' view");

  // The same reply again changes nothing; a forged one and a damaged one are refused.
  await page.goto(replyLinks[2]);
  await page.getByText('This reply is already with your results.').waitFor();
  const forged = JSON.parse(jsonOf(replyLinks[3]));
  forged.invitation = 'forged-invitation-1';
  await page.goto(`${shared.site().url}#reply=${payloadOf(JSON.stringify(forged))}`);
  await page.getByText(/This reply was not added: it answers an invitation that was not made in this browser/).waitFor();
  await page.goto(replyLinks[3].slice(0, -40));
  await page.getByText(/This reply link cannot be read: the link is incomplete or was changed/).waitFor();
  await assertAccessible(page, 'a refused reply');

  // The roadmap starts with the blind spots and the conversation to have.
  await page.getByRole('button', { name: /^Past results \(/ }).click();
  await page.getByRole('button', { name: /^Roadmap of the result/ }).first().click();
  await page.getByRole('heading', { name: 'Blind spots: start here' }).waitFor();
  const spots = await page.locator('ul.blind-spots > li > strong').allTextContents();
  assert.deepEqual(spots, report.others.blind_spots.map((id) => set.dimensions.find((d) => d.id === id).name));
  await page.getByText(/^Have the conversation about how others see your/).first().waitFor();
  const ladders = report.others.ladders.above_others.length + report.others.ladders.below_others.length;
  assert.equal(await page.locator('ul.ladders > li').count(), ladders, 'each ladder a conversation');
  await assertAccessible(page, 'a roadmap with blind spots');

  // Export everything, delete everything, import: the replies come back with the result.
  await page.getByRole('button', { name: /^Past results \(/ }).click();
  const [everything] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export everything' }).click()]);
  const exportPath = join(dir, 'everything.json');
  await everything.saveAs(exportPath);
  assert.equal(JSON.parse(readFileSync(exportPath, 'utf8')).attempts[0].replies.length, 4);
  await page.getByRole('button', { name: 'Delete everything' }).click();
  await page.getByRole('button', { name: 'Yes, delete everything' }).click();
  await page.getByLabel('Import results from a file').setInputFiles(exportPath);
  await page.getByText('Imported a result of “CTO readiness”.').waitFor();
  // From the history, straight to the others' view of the result, with the focus on it.
  await page.getByRole('button', { name: /^Others' views of the result of .*: 4 replies$/ }).click();
  await page.getByRole('heading', { name: "Others' view", exact: true }).waitFor();
  await page.waitForFunction(() => document.querySelector('altitude-assessment').shadowRoot.activeElement?.id === 'others-heading');
  await assertShowsOthers(page, report);

  // A single reply removed: the numbers become the tool's over the other three.
  await page.getByRole('region', { name: /^3\. Peer — replied/ }).getByRole('button', { name: 'Remove this reply' }).click();
  await page.getByRole('region', { name: /^3\. Peer — waiting for a reply/ }).waitFor();
  const three = JSON.parse(execFileSync(ALTITUDE, ['score', '--set', SET_PATH, '--answers', selfPath, '--others', replyPaths[0], replyPaths[1], replyPaths[3]], { encoding: 'utf8' }));
  assert.equal(three.others.by_relationship.peer, undefined, 'two peers are no group');
  await assertShowsOthers(page, three);
  await page.getByText(/Replies from peers count in “Everyone who replied” but are not shown as a group/).waitFor();
  // And the reply file the rater saved adds it back, like its link.
  await page.getByRole('button', { name: /^Past results \(/ }).click();
  await page.getByLabel('Import results from a file').setInputFiles(replyPaths[2]);
  await page.getByText('Added the view of a peer to your results of “CTO readiness”.').waitFor();
  writeFileSync(join(dir, 'done'), '');
  assertNoConsoleErrors(errors);
  await context.close();
});
