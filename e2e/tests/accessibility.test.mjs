// What axe cannot see, checked as a person would meet it: keyboard focus is never hidden (under the
// sticky progress bar or off screen) on any screen, and every chart's text is legible on a phone,
// a tablet and a desktop, in light and dark schemes and on paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBrowserAndSite, openPage, assertNoConsoleErrors, assertAccessible, readSet, plannedAnswer, Altitude, ROOT, titled } from './support.mjs';

const flagship = readSet('cto-readiness');
// A portal whose content scrolls inside its own container, below a header of its own: the widget's
// sticky bar sticks to that scroller, where the widget cannot set scroll-padding.
const PAGES = {
  '/host/scroller.css': { type: 'text/css', body: 'body { margin: 0; } header { height: 64px; background: #243447; color: #fff; } main { height: calc(100vh - 64px); overflow: auto; }' },
  '/host/scroller.html': {
    type: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="/favicon.svg"><link rel="stylesheet" href="/host/scroller.css"><script type="module" src="/altitude.js"></script></head><body><header>Career portal</header><main><altitude-assessment set="cto-readiness"></altitude-assessment></main></body></html>',
  },
};
const shared = sharedBrowserAndSite({ before, after }, { pages: PAGES });

/**
 * Whether a person can see the focused control: it (or, for a visually hidden radio, its label) lies
 * inside the viewport and is the topmost element at its centre and just below its top edge, so
 * nothing (the sticky progress bar) covers it.
 */
function focusState(focused) {
  const root = focused.getRootNode();
  const box = focused.getBoundingClientRect();
  const hidden = box.width < 2 || box.height < 2 || getComputedStyle(focused).opacity === '0';
  const shown = hidden && focused.labels?.length ? focused.labels[0] : focused;
  const r = shown.getBoundingClientRect();
  const covers = (x, y) => {
    const hit = root.elementFromPoint(x, y);
    return hit !== null && (shown.contains(hit) || focused === hit);
  };
  const x = r.left + r.width / 2;
  const topmost = covers(x, r.top + r.height / 2) && covers(x, r.top + Math.min(3, r.height / 2));
  return {
    name: `${focused.tagName.toLowerCase()} “${(focused.getAttribute('aria-label') ?? shown.textContent).trim().slice(0, 50)}”`,
    onScreen: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
    topmost,
    blocker: topmost ? null : root.elementFromPoint(x, r.top + Math.min(3, r.height / 2))?.outerHTML.slice(0, 80),
    rect: `${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}×${Math.round(r.height)}`,
  };
}

/**
 * Tabs forward through every stop of the screen from its top, then back with Shift+Tab to the first,
 * asserting at every stop that the focus can be seen. Returns the number of stops.
 */
async function tabThrough(page, where) {
  // A screen moves focus to its heading at the next animation frame after it is drawn: let that
  // happen first, or it lands mid-walk and Tab goes on from the heading, past the stops before it.
  await page.evaluate(() => new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled))));
  await page.evaluate(() => {
    document.activeElement?.blur();
    for (const scroller of [document.scrollingElement, ...document.querySelectorAll('main')]) scroller.scrollTop = 0;
    // Tab goes on from where focus last was (a screen's focused heading), not from the top: start at the top.
    document.body.tabIndex = -1;
    document.body.focus();
    document.body.removeAttribute('tabindex');
  });
  const seen = [];
  /** The focused element of the widget, checked; null once focus has left the widget. */
  const check = async (direction) => {
    const element = (await page.evaluateHandle(() => document.querySelector('altitude-assessment').shadowRoot.activeElement)).asElement();
    if (element === null) return null;
    const state = await element.evaluate(focusState);
    assert.ok(state.onScreen, `${where}, ${direction}: ${state.name} is off screen (${state.rect})`);
    assert.ok(state.topmost, `${where}, ${direction}: ${state.name} (${state.rect}) is covered by ${state.blocker}`);
    return element;
  };
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const element = await check('Tab');
    // A host's own stops (its scroller) may come before the widget's.
    if (element === null && seen.length === 0 && i < 5) continue;
    if (element === null || (seen.length > 0 && (await element.evaluate((e, first) => e === first, seen[0])))) break;
    seen.push(element);
  }
  assert.ok(seen.length > 1, `${where}: Tab reaches the widget's controls`);
  // Back from the last stop to the first.
  await seen.at(-1).evaluate((e) => e.focus());
  for (let i = 1; i < seen.length; i++) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await check('Shift+Tab'), `${where}: Shift+Tab stays in the widget`);
  }
  return seen.length;
}

test('keyboard focus is never hidden or off screen on any screen, at 1024×700 and 320×640', async () => {
  for (const viewport of [{ width: 1024, height: 700 }, { width: 320, height: 640 }]) {
    const size = `${viewport.width}×${viewport.height}`;
    const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { viewport });
    const altitude = new Altitude(page);
    await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
    await page.getByRole('radio', { name: titled('CTO readiness') }).check();
    await tabThrough(page, `the start screen at ${size}`);
    await altitude.start('CTO readiness', 'CTO');
    for (let d = 0; d < flagship.dimensions.length; d++) {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${flagship.dimensions[d].name}`) }).waitFor();
      // Half the questions answered: Tab stops on checked radios and on unanswered groups alike.
      const onPage = flagship.questions.map((q, i) => [q, i]).filter(([q]) => q.dimension === flagship.dimensions[d].id);
      for (const [q, i] of onPage.slice(0, onPage.length / 2)) await altitude.answer(q, plannedAnswer(flagship, i).label);
      const stops = await tabThrough(page, `question page ${d + 1} at ${size}`);
      assert.ok(stops >= onPage.length, `every question is a stop (${stops})`);
      for (const [q, i] of onPage.slice(onPage.length / 2)) await altitude.answer(q, plannedAnswer(flagship, i).label);
      await altitude.next();
    }
    await page.getByRole('heading', { name: 'Review and finish' }).waitFor();
    await tabThrough(page, `the review at ${size}`);
    await altitude.finish();
    await tabThrough(page, `the results at ${size}`);
    await page.getByRole('button', { name: 'Invite a peer' }).click();
    const invitation = await page.getByLabel('Invitation link').inputValue();
    await tabThrough(page, `the results with an invitation at ${size}`);
    await page.getByRole('button', { name: 'Your development roadmap' }).click();
    await page.getByRole('heading', { level: 1, name: 'Development roadmap' }).waitFor();
    await tabThrough(page, `the roadmap at ${size}`);
    await page.getByRole('button', { name: /^Past results/ }).first().click();
    await page.getByRole('heading', { name: 'Past results' }).waitFor();
    await tabThrough(page, `the history at ${size}`);
    await page.goto(invitation);
    await page.getByRole('heading', { name: 'Give your view of the person who invited you' }).waitFor();
    await tabThrough(page, `an invitation at ${size}`);
    assertNoConsoleErrors(errors);
    await context.close();
  }
});

test('embedded in a portal that scrolls in its own container, focus is never hidden either', async () => {
  for (const viewport of [{ width: 1024, height: 700 }, { width: 320, height: 640 }]) {
    const size = `${viewport.width}×${viewport.height}`;
    const { page, errors, context } = await openPage(shared.browser(), new URL('/host/scroller.html', shared.site().url).href, { viewport });
    const altitude = new Altitude(page);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    for (let d = 0; d < 2; d++) {
      await page.getByRole('heading', { level: 2, name: new RegExp(`^${flagship.dimensions[d].name}`) }).waitFor();
      await tabThrough(page, `an embedded question page ${d + 1} at ${size}`);
      for (const [q, i] of flagship.questions.map((q, i) => [q, i]).filter(([q]) => q.dimension === flagship.dimensions[d].id)) await altitude.answer(q, plannedAnswer(flagship, i).label);
      await altitude.next();
    }
    await assertAccessible(page, `an embedded question page at ${size}`);
    assertNoConsoleErrors(errors);
    await context.close();
  }
});

/** A completed `altitude.result/1` of the flagship, its answers varied by `seed`. */
function flagshipResult(seed, completedAt) {
  const answers = Object.fromEntries(
    flagship.questions.map((q, i) => [q.id, q.kind === 'likert' ? ((i * seed) % flagship.scale.points) + 1 : q.options[(i + seed) % q.options.length].id]),
  );
  const started = new Date(Date.parse(completedAt) - 15 * 60000).toISOString().replace('.000', '');
  return { format: 'altitude.result/1', set: { id: flagship.id, version: flagship.version }, role: 'director-of-engineering', started_at: started, completed_at: completedAt, answers };
}

/** The sRGB relative luminance and contrast ratio of WCAG 2. */
const luminance = ([r, g, b]) => {
  const channel = (v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
};
const contrast = (a, b) => {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};

/**
 * Every chart shown on the screen: its background (the first opaque background around it, through
 * the shadow root to the page), and each text's rendered size, box and colour, and each opaque
 * line's or mark's colour.
 */
function chartsOnScreen() {
  const rgb = (css) => css.match(/[\d.]+/g).map(Number);
  const background = (element) => {
    for (let e = element; e; e = e.parentElement ?? e.getRootNode().host) {
      const colour = rgb(getComputedStyle(e).backgroundColor);
      if (colour.length === 3 || colour[3] === 1) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const root = document.querySelector('altitude-assessment').shadowRoot;
  return [...root.querySelectorAll('.chart-svg')]
    .filter((chart) => chart.getClientRects().length > 0)
    .map((chart) => {
      const svg = chart.querySelector('svg');
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const texts = [...svg.querySelectorAll('text')].map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent.trim(), px: parseFloat(getComputedStyle(t).fontSize) * scale, left: r.left, right: r.right, top: r.top, bottom: r.bottom, colour: rgb(getComputedStyle(t).fill) };
      });
      const marks = [...svg.querySelectorAll('polyline, polygon, line, path, rect, circle')]
        .map((e) => getComputedStyle(e))
        .filter((style) => Number(style.opacity) === 1 && (style.stroke !== 'none' || style.fill !== 'none'))
        .map((style) => rgb(style.stroke !== 'none' ? style.stroke : style.fill));
      return { name: chart.getAttribute('aria-label'), background: background(chart), box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom }, texts, marks };
    });
}

/** Asserts what the issue asks of every chart on the screen, and returns how many charts there were. */
async function assertChartsLegible(page, where) {
  const charts = await page.evaluate(chartsOnScreen);
  for (const chart of charts) {
    const what = `${where}: ${chart.name.slice(0, 40)}`;
    assert.ok(chart.texts.length > 0, `${what} has labels`);
    for (const t of chart.texts) {
      assert.ok(t.px >= 11 && t.bottom - t.top >= 11, `${what}: “${t.text}” renders ${t.px.toFixed(1)} px (${(t.bottom - t.top).toFixed(1)} px tall)`);
      const ratio = contrast(t.colour, chart.background);
      assert.ok(ratio >= 4.5, `${what}: “${t.text}” has a contrast of ${ratio.toFixed(2)}:1`);
      const inside = t.left >= chart.box.left - 0.5 && t.right <= chart.box.right + 0.5 && t.top >= chart.box.top - 0.5 && t.bottom <= chart.box.bottom + 0.5;
      assert.ok(inside, `${what}: “${t.text}” is cut off by the chart's edge`);
    }
    for (const [i, a] of chart.texts.entries()) {
      for (const b of chart.texts.slice(i + 1)) {
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
        assert.ok(!overlap, `${what}: “${a.text}” and “${b.text}” overlap`);
      }
    }
    for (const colour of chart.marks) {
      const ratio = contrast(colour, chart.background);
      assert.ok(ratio >= 3, `${what}: a line in rgb(${colour}) has a contrast of ${ratio.toFixed(2)}:1`);
    }
  }
  return charts.length;
}

test('every chart label is at least 11 px with 4.5:1 contrast, at 320, 768 and 1280 px, light and dark, and in print', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'altitude-'));
  const files = [
    ['2026-06-01T10:15:00Z', 3],
    ['2026-09-01T10:15:00Z', 2],
    ['2026-11-20T10:15:00Z', 4],
  ].map(([completedAt, seed], i) => {
    const path = join(dir, `result-${i}.json`);
    writeFileSync(path, JSON.stringify(flagshipResult(seed, completedAt)));
    return path;
  });
  for (const width of [320, 768, 1280]) {
    for (const colorScheme of ['light', 'dark']) {
      const where = `${width} px, ${colorScheme}`;
      const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { viewport: { width, height: 900 }, colorScheme });
      await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
      await page.getByRole('button', { name: /^Past results/ }).click();
      for (const file of files) {
        await page.getByLabel('Import results from a file').setInputFiles(file);
        await page.getByText('Imported a result of “CTO readiness”.').waitFor();
        await page.getByRole('button', { name: 'Dismiss' }).click();
      }
      await page.getByRole('img', { name: /^Trend of your overall score/ }).locator('svg').waitFor();
      assert.equal(await assertChartsLegible(page, `the history at ${where}`), 1);
      await assertAccessible(page, `the history at ${where}`);

      await page.getByRole('button', { name: 'Open the result of 2026-11-20' }).click();
      await page.getByRole('heading', { name: /^Your results/ }).waitFor();
      await page.getByRole('img', { name: /^Radar chart/ }).locator('svg').waitFor();
      assert.equal(await assertChartsLegible(page, `the results at ${where}`), 2);
      await assertAccessible(page, `the results at ${where}`);
      await page.screenshot({ path: join(ROOT, 'target', `charts-${width}-${colorScheme}.png`), fullPage: true });

      await page.getByRole('button', { name: 'Your development roadmap' }).click();
      await page.getByRole('heading', { level: 1, name: 'Development roadmap' }).waitFor();
      assert.equal(await assertChartsLegible(page, `the roadmap at ${where}`), 1);
      await assertAccessible(page, `the roadmap at ${where}`);

      // The window narrowed to a phone's: the results' charts are drawn again for their new width.
      if (width === 1280) {
        await page.getByRole('button', { name: 'Back to results' }).click();
        await page.getByRole('img', { name: /^Radar chart/ }).locator('svg').waitFor();
        await page.setViewportSize({ width: 320, height: 900 });
        await page.waitForFunction(() => document.querySelector('altitude-assessment').shadowRoot.querySelector('.chart-svg svg').getAttribute('width') < 320);
        assert.equal(await assertChartsLegible(page, `the results narrowed from 1280 to 320 px, ${colorScheme}`), 2);
      }
      assertNoConsoleErrors(errors);
      await context.close();
    }
  }

  // On paper: the A4 text width (184 mm) is 695 CSS px; the printed radar uses the light colours.
  const { page, errors, context } = await openPage(shared.browser(), shared.site().url, { viewport: { width: 695, height: 1000 }, colorScheme: 'dark' });
  await page.getByRole('button', { name: /^Past results/ }).click();
  await page.getByLabel('Import results from a file').setInputFiles(files[2]);
  await page.getByRole('button', { name: 'Roadmap of the result of 2026-11-20' }).click();
  await page.getByRole('heading', { level: 1, name: 'Development roadmap' }).waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await assertChartsLegible(page, 'the printed roadmap'), 1);
  await page.screenshot({ path: join(ROOT, 'target', 'charts-print.png'), fullPage: true });
  assertNoConsoleErrors(errors);
  await context.close();
});
