// Altitude in the visitor's language (issue 26): the language asked for by `lang` (the element's, an
// ancestor's, the page's), followed live; the bundled German and Spanish locale files and set
// translations; a portal's own locale file; a stale translation not offered; a right-to-left locale
// that mirrors the layout; and an English visitor who fetches none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowserAndSite, assertAccessible, readSet, ROOT, titled } from './support.mjs';

/** A locale file's translation of an English text (the English when it has none). */
const locales = {};
function t(language, source) {
  locales[language] ??= JSON.parse(readFileSync(join(ROOT, 'locales', `${language}.json`), 'utf8'));
  const found = locales[language].messages.find((m) => m.source === source);
  return found?.translation ?? found?.other ?? source;
}

/** A set's translation, by place. */
function translated(setId, language) {
  const file = JSON.parse(readFileSync(join(ROOT, 'assessments', 'translations', `${setId}.${language}.json`), 'utf8'));
  return Object.fromEntries(file.strings.map((s) => [s.place, s.translation]));
}

/** Every English text the widget or a bundled set can show, with its translation into `language`:
 * a text node that shows one of them, untranslated where the translation differs, is English left over. */
function englishTexts(language, setIds) {
  const english = new Map();
  const messages = JSON.parse(readFileSync(join(ROOT, 'locales', 'messages.json'), 'utf8')).messages;
  for (const m of messages) {
    const source = m.translation ?? m.other;
    if (!/\{/.test(source)) english.set(source, t(language, source));
  }
  for (const id of setIds) {
    const file = JSON.parse(readFileSync(join(ROOT, 'assessments', 'translations', `${id}.${language}.json`), 'utf8'));
    for (const s of file.strings) english.set(s.source, s.translation);
  }
  return english;
}

/** The English texts the widget shows that should have been translated. */
async function englishLeft(page, english) {
  const shown = await page.evaluate(() => {
    const root = document.querySelector('altitude-assessment').shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && node.parentElement.closest('[hidden]') === null) texts.push(text);
    }
    return texts;
  });
  return shown.filter((text) => english.has(text) && english.get(text) !== text);
}

const portalPage = (html, lang = 'en') => ({
  type: 'text/html; charset=utf-8',
  body: `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Portal</title><link rel="icon" href="/favicon.svg"><script type="module" src="/altitude.js"></script></head><body>${html}</body></html>`,
});

const HEADING = 'How ready are you for your next leadership role?';
const START = 'Start the assessment';
/** A portal's French file: a few texts, so the rest shows in English (a catalog that lacks a text). */
const FRENCH = {
  format: 'altitude.messages/1',
  language: 'fr',
  messages: [
    { source: HEADING, translation: 'Êtes-vous prêt pour votre prochain rôle de direction ?' },
    { source: START, translation: "Commencer l'évaluation" },
  ],
};
/** A right-to-left locale made for the tests: the English texts, marked, written right to left. */
const RIGHT_TO_LEFT = {
  format: 'altitude.messages/1',
  language: 'ar-XB',
  direction: 'rtl',
  messages: JSON.parse(readFileSync(join(ROOT, 'locales', 'messages.json'), 'utf8')).messages.map((m) =>
    m.translation ? { source: m.source, translation: `‏${m.translation}‏` } : { source: m.source, one: `‏${m.one}‏`, other: `‏${m.other}‏` }),
};

const PAGES = {
  '/de.html': portalPage('<altitude-assessment></altitude-assessment>', 'de'),
  '/es.html': portalPage('<main lang="es"><altitude-assessment></altitude-assessment></main>', 'en'),
  '/live.html': portalPage('<div id="wrap"><altitude-assessment></altitude-assessment></div>', 'en'),
  '/portal.html': portalPage('<altitude-assessment lang="fr-CA" locales="fr=/portal/i18n/fr.json"></altitude-assessment>'),
  '/portal/i18n/fr.json': { type: 'application/json', body: JSON.stringify(FRENCH) },
  '/rtl.html': portalPage('<altitude-assessment lang="ar-XB" locales="ar-XB=/test/rtl.json"></altitude-assessment>'),
  '/test/rtl.json': { type: 'application/json', body: JSON.stringify(RIGHT_TO_LEFT) },
};
const shared = sharedBrowserAndSite({ before, after }, { pages: PAGES });
const cto = readSet('cto-readiness');

async function open(path, { onRequest, route } = {}) {
  const context = await shared.browser().newContext({ viewport: { width: 1000, height: 900 } });
  await context.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('altitude-error', (e) => window.__errors.push(e.detail));
  });
  if (route) await route(context);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  if (onRequest) page.on('request', onRequest);
  await page.goto(new URL(path, shared.site().url).href);
  return { context, page, errors };
}

const rootOf = (page) => page.evaluate(() => {
  const root = document.querySelector('altitude-assessment').shadowRoot.querySelector('[part=root]');
  return { lang: root?.getAttribute('lang'), dir: root?.getAttribute('dir') };
});

test('an English visitor fetches no locale file, no translation and no language module', async () => {
  const requested = [];
  const { context, page, errors } = await open('/', { onRequest: (r) => requested.push(r.url()) });
  await page.getByRole('heading', { name: HEADING }).waitFor();
  await page.getByRole('button', { name: START }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^${cto.dimensions[0].name}`) }).waitFor();
  const languageFiles = requested.filter((url) => /\/locales\/|\/translations\/|split_altitude_language/.test(url));
  assert.deepEqual(languageFiles, [], 'nothing of another language is fetched');
  assert.deepEqual(await rootOf(page), { lang: 'en', dir: 'ltr' });
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [language, path] of [['de', '/de.html'], ['es', '/es.html']]) {
  test(`a page in "${language}" gets the widget and the flagship in ${language}, nothing left in English`, async () => {
    const { context, page, errors } = await open(path);
    const set = translated('cto-readiness', language);
    await page.getByRole('heading', { name: t(language, HEADING) }).waitFor();
    assert.deepEqual(await rootOf(page), { lang: language, dir: 'ltr' });
    await page.getByRole('radio', { name: titled(set.title) }).waitFor();
    // The start screen once every set is in: each in the language, none offered in its own.
    await page.getByRole('button', { name: t(language, 'See a team\'s results') }).and(page.locator(':enabled')).waitFor();
    const english = englishTexts(language, ['cto-readiness', 'em-to-head-of-engineering', 'tech-lead-to-engineering-manager', 'staff-engineer-readiness']);
    assert.deepEqual(await englishLeft(page, english), [], 'the start screen');
    await assertAccessible(page, `the start screen in ${language}`);
    await page.getByRole('button', { name: t(language, START) }).click();
    const first = cto.questions.find((q) => q.dimension === cto.dimensions[0].id);
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${set[`dimensions[${cto.dimensions[0].id}].name`]}`) }).waitFor();
    await page.getByRole('group', { name: set[`questions[${first.id}].text`] }).waitFor();
    assert.deepEqual(await englishLeft(page, english), [], 'the first page of questions');
    await assertAccessible(page, `the questions in ${language}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the language follows `lang` live: the element\'s, then its ancestor\'s, keeping the answers', async () => {
  const { context, page, errors } = await open('/live.html');
  await page.getByRole('heading', { name: HEADING }).waitFor();
  await page.getByRole('button', { name: START }).click();
  const first = cto.questions.find((q) => q.dimension === cto.dimensions[0].id);
  await page.getByRole('group', { name: first.text }).getByRole('radio').first().check();
  await page.locator('#wrap').evaluate((wrap) => wrap.setAttribute('lang', 'de'));
  const german = translated('cto-readiness', 'de');
  const group = page.getByRole('group', { name: german[`questions[${first.id}].text`] });
  await group.waitFor();
  assert.equal(await group.getByRole('radio').first().isChecked(), true, 'the answer given in English is still there');
  assert.deepEqual(await rootOf(page), { lang: 'de', dir: 'ltr' });
  await page.locator('altitude-assessment').evaluate((element) => element.setAttribute('lang', 'es'));
  const spanish = translated('cto-readiness', 'es');
  await page.getByRole('group', { name: spanish[`questions[${first.id}].text`] }).waitFor();
  assert.equal((await rootOf(page)).lang, 'es');
  // Without its own `lang`, the element speaks its ancestor's again; the page never gets a `lang` or `dir` from it.
  await page.locator('altitude-assessment').evaluate((element) => element.removeAttribute('lang'));
  await page.getByRole('group', { name: german[`questions[${first.id}].text`] }).waitFor();
  assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.querySelector('#wrap').lang]), ['en', '', 'de']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a portal\'s own locale file, from its own path, is used for a language the bundle lacks', async () => {
  const { context, page, errors } = await open('/portal.html');
  await page.getByRole('heading', { name: FRENCH.messages[0].translation }).waitFor();
  assert.equal((await rootOf(page)).lang, 'fr');
  await page.getByRole('button', { name: FRENCH.messages[1].translation }).waitFor();
  // No bundled set has a French translation: each is offered in its own language, and says so.
  const choice = page.getByRole('radio', { name: titled(cto.title) });
  await choice.waitFor();
  assert.match(await page.locator('altitude-assessment').evaluate((e) => e.shadowRoot.querySelector('.set-language').textContent), /no current translation/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a stale translation is not offered: the set shows in its own language, and the page is told', async () => {
  const route = (context) => context.route('**/assessments/translations/cto-readiness.de.json', async (route) => {
    const response = await route.fetch();
    const translation = await response.json();
    // The set's text changed under the translation: its source no longer matches.
    translation.strings[5].source = `${translation.strings[5].source} (before an edit)`;
    await route.fulfill({ response, json: translation });
  });
  const { context, page, errors } = await open('/de.html', { route });
  await page.getByRole('heading', { name: t('de', HEADING) }).waitFor();
  const choice = page.getByRole('radio', { name: titled(cto.title) });
  await choice.waitFor();
  const line = t('de', 'This assessment has no current translation into your language, so it is shown in its own.');
  await page.getByText(line).first().waitFor();
  const told = await page.evaluate(() => window.__errors);
  assert.ok(told.some((e) => /cto-readiness\.de\.json is not used/.test(e.message) && /stale/.test(e.message)), JSON.stringify(told));
  // The other sets are still in German.
  await page.getByRole('radio', { name: titled(translated('em-to-head-of-engineering', 'de').title) }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('a right-to-left locale mirrors the layout, in the widget only', async () => {
  const { context, page, errors } = await open('/rtl.html');
  await page.getByRole('heading', { name: RIGHT_TO_LEFT.messages.find((m) => m.source === HEADING).translation }).waitFor();
  assert.deepEqual(await rootOf(page), { lang: 'ar-XB', dir: 'rtl' });
  const choice = page.getByRole('radio', { name: titled(cto.title) });
  await choice.waitFor();
  const radio = await choice.boundingBox();
  const label = await page.locator('altitude-assessment').evaluate((e) => {
    const box = e.shadowRoot.querySelector('.set-choice label').getBoundingClientRect();
    return { x: box.x, right: box.right };
  });
  assert.ok(radio.x > label.right - 1, `the radio (${radio.x}) stands right of its label (${label.right})`);
  const heading = await page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).direction);
  assert.equal(heading, 'rtl');
  assert.deepEqual(await page.evaluate(() => document.documentElement.dir), '');
  await assertAccessible(page, 'the start screen, right to left');
  assert.deepEqual(errors, []);
  await context.close();
});
