// Arriving on a screen: every way in lands at the top of the new screen with keyboard focus on its
// heading (one mechanism: the intent's arrival), on a phone and a desktop, by mouse and by keyboard.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, readSet, bestAnswer, Altitude, titled } from './support.mjs';

const shared = sharedBrowserAndSite({ before, after });
const set = readSet('tech-lead-to-engineering-manager');

/** Waits until the focused element in the widget is the heading `id`, then checks it is in view at the top. */
async function assertArrivedAt(page, id, way) {
  await page.waitForFunction((id) => document.querySelector('altitude-assessment').shadowRoot.activeElement?.id === id, id, { timeout: 5000 })
    .catch(() => { throw new Error(`${way}: focus is not on #${id}`); });
  const { top, height } = await page.evaluate((id) => {
    const heading = document.querySelector('altitude-assessment').shadowRoot.getElementById(id);
    return { top: heading.getBoundingClientRect().top, height: window.innerHeight };
  }, id);
  // At the top of the window: below a sticky progress bar at most, never scrolled past or far below.
  assert.ok(top >= 0 && top < Math.min(260, height / 2), `${way}: #${id} is at ${Math.round(top)} px of a ${height} px window`);
}

for (const [width, height, name] of [[375, 700, 'a phone'], [1100, 900, 'a desktop']]) {
  test(`every way in lands on the new screen's heading, at the top, on ${name}`, async () => {
    const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { viewport: { width, height } });
    const altitude = new Altitude(page);
    await page.getByRole('radio', { name: titled('Tech Lead to Engineering Manager') }).check();
    // Start by keyboard on the phone, by mouse on the desktop.
    // Start waits for the chosen set, which may still be loading behind the start screen.
    const start = page.getByRole('button', { name: 'Start the assessment', disabled: false });
    await start.waitFor();
    if (width < 500) {
      await start.focus();
      await page.keyboard.press('Enter');
    } else {
      await start.click();
    }
    await assertArrivedAt(page, 'page-heading', 'Start');
    const firstDimension = set.dimensions[0].id;
    for (const [i, q] of set.questions.entries()) if (q.dimension === firstDimension) await altitude.answer(q, bestAnswer(set, i).label);
    await altitude.next();
    await assertArrivedAt(page, 'page-heading', 'Next');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await assertArrivedAt(page, 'page-heading', 'Back');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await assertArrivedAt(page, 'start-heading', 'Back from the first page');
    await page.getByRole('button', { name: 'Resume' }).click();
    await assertArrivedAt(page, 'page-heading', 'Resume');
    for (let d = 0; d < set.dimensions.length; d++) await altitude.next();
    await assertArrivedAt(page, 'review-heading', 'Next from the last page');
    await page.getByRole('button', { name: 'Back', exact: true }).click();
    await assertArrivedAt(page, 'page-heading', "the review's Back");
    await altitude.next();
    await page.getByRole('button', { name: /^Finish/ }).click();
    await assertArrivedAt(page, 'results-heading', 'Finish');
    await page.getByRole('button', { name: 'Your development roadmap' }).click();
    await assertArrivedAt(page, 'roadmap-heading', 'the roadmap');
    await page.getByRole('button', { name: 'Back to results' }).click();
    await assertArrivedAt(page, 'results-heading', 'Back to results');
    await page.getByRole('button', { name: /^Past results/ }).first().click();
    await assertArrivedAt(page, 'history-heading', 'Past results');
    await page.getByRole('button', { name: 'My progress: goals and notes' }).click();
    await assertArrivedAt(page, 'progress-heading', 'My progress');
    await page.getByRole('button', { name: /^Past results/ }).first().click();
    await assertArrivedAt(page, 'history-heading', 'Past results from My progress');
    await page.getByRole('button', { name: /^Open the result of/ }).first().click();
    await assertArrivedAt(page, 'results-heading', "a history row's results");
    await page.getByRole('button', { name: 'Take another assessment' }).click();
    await assertArrivedAt(page, 'start-heading', 'Take another assessment');
    await page.getByRole('button', { name: "See a team's results" }).click();
    await assertArrivedAt(page, 'team-heading', "See a team's results");
    assertNoConsoleErrors(errors);
    await context.close();
  });
}

test('a reload restores each screen without moving focus into the widget', async () => {
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url);
  const altitude = new Altitude(page);
  /** Reloads, waits for `heading` to be drawn again, and checks focus stayed where the page put it. */
  const reloadOn = async (heading, screen) => {
    await page.reload();
    await page.locator('altitude-assessment').getByRole('heading', { name: heading }).waitFor();
    // Two frames: a focus asked for on drawing lands at the next one.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'BODY', `${screen}: focus is where the page put it`);
  };
  await altitude.start('Tech Lead to Engineering Manager');
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await reloadOn(new RegExp(`^${set.dimensions[0].name}`), 'a question page');
  await altitude.answerAll(set, bestAnswer);
  await page.getByRole('heading', { name: 'Review and finish' }).waitFor();
  await reloadOn('Review and finish', 'the review');
  await page.getByRole('button', { name: /^Finish/ }).click();
  await page.getByRole('heading', { name: /^Your results/ }).waitFor();
  await reloadOn(/^Your results/, 'the results');
  await page.getByRole('button', { name: 'Your development roadmap' }).click();
  await page.getByRole('heading', { name: 'Development roadmap' }).waitFor();
  await reloadOn('Development roadmap', 'the roadmap');
  assertNoConsoleErrors(errors);
  await context.close();
});
