// Embedding in a career portal: one tag under a strict Content-Security-Policy, isolated from the
// host's CSS, several independent instances, attributes that take effect live, and events.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowserAndSite, assertAccessible, readSet, Altitude, ROOT, titled } from './support.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const HOSTILE_CSS = `
* { margin: 0; padding: 0; box-sizing: content-box; font-family: "Comic Sans MS", cursive; line-height: 3; letter-spacing: 2px; }
html { font-size: 10px; }
body { font-size: 1.3rem; color: #c00; background: #ffe; text-align: center; }
button, input, select { all: unset; background: yellow; }
fieldset { border: 6px dotted red; }
h1, h2, p { font-size: 40px; text-transform: uppercase; }
table { display: none; }
svg { display: none; }
`;
const page = (body, css = '') => ({
  type: 'text/html; charset=utf-8',
  body: `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="/favicon.svg">${css}<script type="module" src="/altitude.js"></script></head><body>${body}</body></html>`,
});
const widget = '<altitude-assessment id="w" set="tech-lead-to-engineering-manager"></altitude-assessment>';
// Both pages give the element the same width; only the hostile one adds its global rules.
const LAYOUT = '<link rel="stylesheet" href="/host/layout.css">';
const PAGES = {
  '/host/layout.css': { type: 'text/css', body: 'body { margin: 0; } main { width: 900px; margin: 0; }' },
  '/host/hostile.css': { type: 'text/css', body: HOSTILE_CSS },
  '/host/plain.html': page(`<main>${widget}</main>`, LAYOUT),
  '/host/hostile.html': page(`<main>${widget}</main>`, `${LAYOUT}<link rel="stylesheet" href="/host/hostile.css">`),
  '/host/two.html': page('<altitude-assessment id="a" storage-key="portal-a" set="tech-lead-to-engineering-manager"></altitude-assessment><altitude-assessment id="b" storage-key="portal-b" set="tech-lead-to-engineering-manager" theme="dark"></altitude-assessment>'),
  '/host/broken.html': page('<altitude-assessment id="missing" src="/career/nowhere.json"></altitude-assessment><altitude-assessment id="invalid" src="/host/invalid.json"></altitude-assessment><altitude-assessment id="good" src="/assessments/em-to-head-of-engineering.json" role="director-of-engineering"></altitude-assessment>'),
  '/host/invalid.json': { type: 'application/json', body: '{"format": "altitude.question-set/1", "id": "broken", "qestions": []}' },
  '/careers/growth/plan.html': {
    type: 'text/html; charset=utf-8',
    body: '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Deep page</title><link rel="icon" href="/favicon.svg"><script type="module" src="/portal/static/altitude/altitude.js"></script></head><body><altitude-assessment id="deep" set="em-to-head-of-engineering"></altitude-assessment></body></html>',
  },
};
const set = readSet('tech-lead-to-engineering-manager');
// A question answered on the frequency scale (the sets open with a level ladder).
const rated = set.questions.find((q) => q.kind === 'likert' && q.dimension === set.dimensions[0].id);
const shared = sharedBrowserAndSite({ before, after }, { pages: PAGES, alsoUnder: ['/portal/static/altitude/'], headers: (path) => (path === '/' || path.endsWith('.html') ? { 'content-security-policy': CSP } : {}) });

/** A page of `path` that records events from widgets, CSP violations and console errors. */
async function host(path, options = {}) {
  const context = await shared.browser().newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 }, ...options });
  await context.addInitScript(() => {
    window.__events = [];
    window.__violations = [];
    for (const name of ['altitude-ready', 'altitude-progress', 'altitude-complete', 'altitude-error']) {
      document.addEventListener(name, (e) => window.__events.push({ type: name, target: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail }));
    }
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL(path, shared.site().url).href);
  return { context, page, errors, events: (type) => page.evaluate((t) => window.__events.filter((e) => !t || e.type === t), type) };
}

async function assertClean(page, errors, allowed = () => false) {
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  assert.deepEqual(errors.filter((e) => !allowed(e)), [], 'no console errors');
}

test('hostile host CSS changes nothing: the widget looks the same as on a plain page', async () => {
  const shots = {};
  for (const name of ['plain', 'hostile']) {
    const { context, page, errors } = await host(`/host/${name}.html`);
    const altitude = new Altitude(page);
    await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
    // The whole load in, so both shots show the same state: until then the masthead's links and
    // "See a team's results" are drawn disabled (a shot taken earlier on one page only differed there).
    await page.getByRole('button', { name: "See a team's results", disabled: false }).waitFor();
    // The element's box, cut to whole pixels: a fractional last row would show the host's background.
    // (caret 'initial': Playwright's default 'hide' would inject a <style>, which the CSP blocks.)
    const shoot = async () => {
      const box = await page.locator('altitude-assessment').boundingBox();
      return page.screenshot({ caret: 'initial', fullPage: true, clip: { x: box.x, y: box.y, width: Math.floor(box.width), height: Math.floor(box.height) } });
    };
    shots[`${name}-start`] = await shoot();
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await altitude.answer(rated, 'Often');
    shots[`${name}-question`] = await shoot();
    // CSP first: axe itself injects a <style> to read the shadow root's stylesheet.
    await assertClean(page, errors);
    if (name === 'hostile') await assertAccessible(page, 'the widget on a hostile host page');
    await context.close();
  }
  for (const [name, shot] of Object.entries(shots)) writeFileSync(join(ROOT, 'target', `embed-${name}.png`), shot);
  assert.ok(shots['plain-start'].equals(shots['hostile-start']), 'start screen pixel-identical');
  assert.ok(shots['plain-question'].equals(shots['hostile-question']), 'question page pixel-identical');
});

test('every event arrives with its documented detail, and a changed role attribute redraws the results', async () => {
  const { context, page, errors, events } = await host('/host/hostile.html');
  const altitude = new Altitude(page);
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  const [ready] = await events('altitude-ready');
  assert.deepEqual(ready, { type: 'altitude-ready', target: 'w', bubbles: true, composed: true, detail: { set: set.id, version: set.version } });
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await altitude.answerAll(set);
  const progress = await events('altitude-progress');
  assert.deepEqual(progress.at(-1).detail, { answered: set.questions.length, total: set.questions.length });
  assert.ok(progress.every((e) => e.bubbles && e.composed && e.target === 'w'));
  await altitude.finish();
  const [complete] = await events('altitude-complete');
  assert.equal(complete.detail.result.format, 'altitude.result/1');
  assert.equal(complete.detail.result.set.id, set.id);
  assert.equal(Object.keys(complete.detail.result.answers).length, set.questions.length);
  assert.equal(complete.detail.report.role, 'engineering-manager');
  assert.equal(complete.detail.report.dimensions.length, 4);

  const targetOf = async () => (await altitude.scoreTable())['People leadership'].target;
  assert.equal(await targetOf(), String(set.roles.find((r) => r.id === 'engineering-manager').targets['people-leadership']));
  await page.evaluate(() => document.getElementById('w').setAttribute('role', 'tech-lead'));
  await page.waitForFunction(() => document.getElementById('w').shadowRoot.querySelector('#results-role').selectedOptions[0].textContent === 'Tech Lead');
  assert.equal(await targetOf(), String(set.roles.find((r) => r.id === 'tech-lead').targets['people-leadership']));
  assert.match(await page.getByRole('img', { name: /^Radar chart/ }).getAttribute('aria-label'), /the Tech Lead targets/);
  await assertClean(page, errors);
  await context.close();
});

test('two instances with different storage keys keep separate data and work independently', async () => {
  const { context, page, errors } = await host('/host/two.html');
  const a = page.locator('#a');
  const b = page.locator('#b');
  await a.getByRole('button', { name: 'Start the assessment' }).click();
  await a.getByRole('group', { name: rated.text }).getByRole('radio', { name: 'Often', exact: true }).check();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, [`portal-a.v1.current.${set.id}`]);
  assert.equal(await b.getByRole('button', { name: 'Start the assessment' }).count(), 1, 'b has no unfinished attempt');
  assert.equal(await b.getByText(/You have an unfinished attempt/).count(), 0);
  assert.equal(await b.locator('.altitude').getAttribute('data-theme'), 'dark');
  assert.equal(await a.locator('.altitude').getAttribute('data-theme'), 'auto');
  // Removing an element releases it; a new one works.
  await page.evaluate(() => document.getElementById('b').remove());
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<altitude-assessment id="c" storage-key="portal-a" set="tech-lead-to-engineering-manager"></altitude-assessment>'));
  // Same storage key as #a: it picks the attempt up where #a is, on its page.
  await page.locator('#c').getByText(new RegExp(`^1 of ${set.questions.length} answered`)).waitFor();
  // Another storage key on a live element is another person's data.
  await page.evaluate(() => document.getElementById('c').setAttribute('storage-key', 'portal-c'));
  await page.locator('#c').getByRole('button', { name: 'Start the assessment' }).waitFor();
  await assertClean(page, errors);
  await assertAccessible(page, 'two widgets on one page');
  await context.close();
});

test('a set that cannot be loaded shows why inside the element and fires altitude-error; the host carries on', async () => {
  const { context, page, errors, events } = await host('/host/broken.html');
  await page.locator('#good').getByRole('heading', { name: /How ready are you/ }).waitFor();
  await page.locator('#missing').getByText('the server answered 404 Not Found').waitFor();
  await page.locator('#invalid').getByText(/unknown key "qestions" in the question set; did you mean "questions"\?/).waitFor();
  const failures = await events('altitude-error');
  const byTarget = Object.fromEntries(failures.map((e) => [e.target, e.detail]));
  assert.match(byTarget.missing.url, /\/career\/nowhere\.json$/);
  assert.match(byTarget.missing.message, /404/);
  assert.match(byTarget.invalid.url, /\/host\/invalid\.json$/);
  assert.match(byTarget.invalid.message, /qestions/);
  assert.equal(byTarget.good, undefined);
  // The good widget takes its set from src and its role from the attribute.
  assert.equal(await page.locator('#good').getByLabel('Target role').inputValue(), '1');
  assert.equal(await page.locator('#good').getByLabel('Target role').locator('option:checked').textContent(), 'Director of Engineering');
  await assertClean(page, errors, (e) => /404 \(Not Found\)/.test(e));
  await context.close();
});

test('the bundle works from any folder: its assets are found relative to altitude.js', async () => {
  const { context, page, errors, events } = await host('/careers/growth/plan.html');
  await page.getByRole('heading', { name: /How ready are you/ }).waitFor();
  assert.deepEqual((await events('altitude-ready'))[0].detail, { set: 'em-to-head-of-engineering', version: readSet('em-to-head-of-engineering').version });
  assert.ok(await page.getByRole('radio', { name: titled('Engineering Manager to Head of Engineering') }).isChecked());
  const requests = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => new URL(r.name).pathname));
  assert.ok(requests.includes('/portal/static/altitude/altitude-web_bg.wasm'));
  assert.ok(requests.includes('/portal/static/altitude/assessments/catalog.json'));
  await assertClean(page, errors);
  await context.close();
});

test('the standalone page and the demo portal run under the strict policy too', async () => {
  for (const path of ['/', '/embed-demo.html']) {
    // Every page of this site is served with the strict policy (see the server's headers above).
    const context = await shared.browser().newContext();
    const violations = [];
    const errors = [];
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('console', (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
    const response = await page.goto(new URL(path, shared.site().url).href);
    assert.equal(response.headers()['content-security-policy'], CSP);
    await page.getByRole('heading', { name: /How ready are you/ }).first().waitFor();
    if (path !== '/') {
      // The demo's own script logs the events it receives.
      await page.locator('#portal').getByRole('button', { name: 'Start the assessment' }).click();
      await page.locator('#portal').getByRole('group', { name: rated.text }).getByRole('radio', { name: 'Often', exact: true }).check();
      await page.locator('#event-log li').filter({ hasText: `portal: altitude-progress {"answered":1,"total":${set.questions.length}}` }).waitFor();
      await page.locator('#event-log li').filter({ hasText: 'flagship: altitude-ready' }).waitFor();
    }
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
    // Last: axe itself injects a <style> to read the shadow root's stylesheet.
    if (path !== '/') await assertAccessible(page, 'the demo portal');
    await context.close();
  }
});
