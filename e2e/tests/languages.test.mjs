// Altitude in the visitor's language (issue 26): the language asked for by `lang` (the element's, an
// ancestor's, the page's), followed live; the bundled German and Spanish locale files and set
// translations; a portal's own locale file; a stale translation not offered; a right-to-left locale
// that mirrors the layout; and an English visitor who fetches none of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedBrowserAndSite, assertAccessible, printed, readSet, ROOT, titled, saveDownload, coreReport, assertShowsReport, Altitude, bestAnswer } from './support.mjs';

/** A locale file's translation of an English text (the English when it has none). */
const locales = {};
function t(language, source) {
  locales[language] ??= JSON.parse(readFileSync(join(ROOT, 'locales', `${language}.json`), 'utf8'));
  const found = locales[language].messages.find((m) => m.source === source);
  return found?.translation ?? found?.other ?? source;
}

/** Whether the locale file itself gives `source` in English, as its translator chose. */
function keptInEnglish(language, source) {
  t(language, source);
  return locales[language].messages.some((m) => m.source === source && (m.translation ?? m.other) === source);
}

/** A set's translation, by place. */
function translated(setId, language) {
  const file = JSON.parse(readFileSync(join(ROOT, 'assessments', 'translations', `${setId}.${language}.json`), 'utf8'));
  return Object.fromEntries(file.strings.map((s) => [s.place, s.translation]));
}

/** Every English text the widget or a bundled set can show, with its translation into `language`:
 * a text node that shows one of them, untranslated where the translation differs, is English left over.
 * A message with placeholders is a pattern (`{name}` any text), caught unless the translation's
 * pattern matches the text too. */
function englishTexts(language, setIds) {
  const english = new Map();
  const patterns = [];
  const pattern = (template) => new RegExp(`^${template.trim().split(/\{[a-z_0-9]+\}/i).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+?')}$`, 's');
  locales[language] ??= JSON.parse(readFileSync(join(ROOT, 'locales', `${language}.json`), 'utf8'));
  const translations = new Map(locales[language].messages.map((m) => [m.source, m]));
  for (const m of JSON.parse(readFileSync(join(ROOT, 'locales', 'messages.json'), 'utf8')).messages) {
    const theirs = translations.get(m.source) ?? {};
    const forms = m.translation ? [[m.translation, [theirs.translation]]] : [[m.one, Object.values(theirs)], [m.other, Object.values(theirs)]];
    for (const [source, translated] of forms) {
      if (!/\{/.test(source)) english.set(source.trim(), (translated[0] ?? source).trim());
      // Short patterns ("{title}: {reason}") say nothing about the language.
      else if (source.replace(/\{[a-z_0-9]+\}/gi, '').replace(/[^A-Za-z]/g, '').length >= 12) {
        patterns.push({ english: pattern(source), translated: translated.filter((t) => typeof t === 'string' && t !== m.source).map(pattern) });
      }
    }
  }
  for (const id of setIds) {
    const file = JSON.parse(readFileSync(join(ROOT, 'assessments', 'translations', `${id}.${language}.json`), 'utf8'));
    for (const s of file.strings) english.set(s.source, s.translation);
  }
  return { english, patterns };
}

/** Every text of the shadow root with words in it (text nodes, accessible names and labels). */
function shownTexts(page) {
  return page.evaluate(() => {
    const root = document.querySelector('altitude-assessment').shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent.trim());
    for (const element of root.querySelectorAll('[aria-label], [title], [data-label]')) {
      for (const name of ['aria-label', 'title', 'data-label']) if (element.getAttribute(name)) texts.push(element.getAttribute(name).trim());
    }
    return texts.filter((text) => /[a-z]{3}/i.test(text));
  });
}

/** The English texts the widget shows that should have been translated. */
async function englishLeft(page, { english, patterns }) {
  const shown = await page.evaluate(() => {
    const root = document.querySelector('altitude-assessment').shadowRoot;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const texts = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent.trim();
      if (text && node.parentElement.closest('[hidden]') === null) texts.push(text);
    }
    // Accessible names and descriptions are heard: they count as text.
    for (const element of root.querySelectorAll('[aria-label], [title], [data-label]')) {
      for (const name of ['aria-label', 'title', 'data-label']) if (element.getAttribute(name)) texts.push(element.getAttribute(name).trim());
    }
    return texts;
  });
  return shown.filter((text) => (english.has(text) && english.get(text) !== text)
    || patterns.some((p) => p.english.test(text) && !p.translated.some((t) => t.test(text))));
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
  '/unknown-language.html': portalPage('<altitude-assessment lang="de-1" locales="de-1=/portal/i18n/de-1.json"></altitude-assessment>'),
  '/portal/i18n/de-1.json': { type: 'application/json', body: JSON.stringify({ ...FRENCH, language: 'de-1' }) },
  '/missing-locale.html': portalPage('<altitude-assessment lang="fr" locales="fr=/portal/i18n/nowhere.json"></altitude-assessment>'),
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

test('a locale file that cannot be used leaves the widget in English, and the page is told', async () => {
  // A tag the file's reader accepts but the browser's Intl refuses, then a file that is not there.
  for (const [path, reason] of [['/unknown-language.html', /the browser knows no language "de-1"/], ['/missing-locale.html', /404/]]) {
    const { context, page, errors } = await open(path);
    await page.getByRole('heading', { name: HEADING }).waitFor();
    assert.deepEqual(await rootOf(page), { lang: 'en', dir: 'ltr' });
    const told = await page.evaluate(() => window.__errors);
    assert.ok(told.some((e) => /could not be loaded, so the widget speaks English/.test(e.message) && reason.test(e.message)), JSON.stringify(told));
    // The missing file is the browser's console error, not the widget's.
    assert.deepEqual(errors.filter((e) => !/404/.test(e)), []);
    await context.close();
  }
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

/**
 * Takes the flagship with the same answers in the language of `path` (`en` for English), aiming at
 * VP of Engineering, and returns the numbers its results show: each dimension's score and target,
 * the overall score and each role's readiness, with the page at the results.
 */
async function takeFlagship(path, language) {
  const { context, page, errors } = await open(path);
  const words = (source) => (language === 'en' ? source : t(language, source));
  const set = language === 'en' ? null : translated('cto-readiness', language);
  const text = (place, english) => (set ? set[place] : english);
  await page.getByRole('radio', { name: titled(text('title', cto.title)) }).check();
  await page.getByLabel(words('Target role')).selectOption({ label: text('roles[vp-of-engineering].name', 'VP of Engineering') });
  await page.getByRole('button', { name: words(START) }).click();
  for (const dimension of cto.dimensions) {
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${text(`dimensions[${dimension.id}].name`, dimension.name)}`) }).waitFor();
    for (const [i, q] of cto.questions.entries()) {
      if (q.dimension !== dimension.id) continue;
      // The e2e plan's answers (support.mjs `plannedAnswer`), in the language.
      let label;
      if (i % 11 === 7) label = words("Doesn't apply to my situation");
      else if (i % 9 === 4 && q.kind !== 'choice') label = words('Not had the chance yet');
      else if (q.kind === 'likert') label = text(`scale.labels[${(i * 3) % 5}]`, cto.scale.labels[(i * 3) % 5]);
      else { const option = q.options[i % q.options.length]; label = text(`questions[${q.id}].options[${option.id}].text`, option.text); }
      await page.getByRole('group', { name: text(`questions[${q.id}].text`, q.text) }).getByRole('radio', { name: label, exact: true }).check();
    }
    await page.getByRole('button', { name: new RegExp(`^(${words('Next')}|${words('Review and finish')})$`) }).click();
  }
  await page.getByRole('button', { name: new RegExp(`^${words('Finish and see my results').split(' ')[0]}`) }).click();
  await page.getByRole('table', { name: words('Scores by dimension') }).waitFor();
  const scores = await page.getByRole('table', { name: words('Scores by dimension') }).locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent.trim())).map((cells) => [cells[0], cells[2]]));
  const readiness = await page.getByRole('table', { name: words('Readiness for each role') }).locator('tbody tr').evaluateAll((rows) =>
    rows.map((row) => row.querySelector('td').textContent.replace(/\s/g, '')));
  const overall = (await page.getByTestId('overall').textContent()).trim();
  // "not enough answers", said in the language, is the same finding.
  const plain = (cell) => (cell === words('not enough answers') ? 'no score' : cell);
  const numbers = { scores: scores.map((row) => row.map(plain)), readiness: readiness.map(plain), overall: plain(overall) };
  return { context, page, errors, numbers };
}

test('the flagship taken in German and in Spanish shows the numbers of the English run, its results and roadmap (and their print) in the language', async () => {
  const english = await takeFlagship('/', 'en');
  // The check below can fail: on the English run it finds the English it is looking for.
  const caught = await englishLeft(english.page, englishTexts('de', ['cto-readiness']));
  assert.ok(caught.length > 50 && caught.some((text) => /^Radar chart of your scores/.test(text)), `the check finds English: ${caught.length}`);
  // And English that was never put in the catalog: any text the English run's results show that the
  // other run shows too, word for word, but for names that stay English in every language (roles,
  // books and their authors, the brand).
  const englishShown = new Set(await shownTexts(english.page));
  await english.page.getByRole('button', { name: 'Your development roadmap' }).click();
  await english.page.getByRole('heading', { level: 1, name: 'Development roadmap' }).waitFor();
  for (const text of await shownTexts(english.page)) englishShown.add(text);
  const stays = new Set(['Altitude', ...cto.roles.map((r) => r.name)]);
  for (const guidance of [cto.guidance, ...Object.values(cto.role_guidance ?? {})]) {
    for (const area of Object.values(guidance ?? {})) for (const book of area.reading ?? []) stays.add(book.title).add(book.author);
  }
  // A text the locale file itself keeps in English („Assessments“) is a translator's choice, not a leak.
  const sameAsEnglish = async (page, language) => (await shownTexts(page)).filter((text) =>
    englishShown.has(text) && !keptInEnglish(language, text) && !stays.has(text) && ![...stays].some((name) => text.startsWith(name)));
  await english.context.close();
  for (const [language, path] of [['de', '/de.html'], ['es', '/es.html']]) {
    const { context, page, errors, numbers } = await takeFlagship(path, language);
    assert.deepEqual(numbers, english.numbers, `${language}: the same scores, targets, overall and readiness`);
    const all = englishTexts(language, ['cto-readiness']);
    assert.deepEqual(await englishLeft(page, all), [], `${language}: the results`);
    assert.deepEqual(await sameAsEnglish(page, language), [], `${language}: the results show nothing word for word as in English`);
    await assertAccessible(page, `the results in ${language}`);
    await page.getByRole('button', { name: t(language, 'Your development roadmap') }).click();
    await page.getByRole('heading', { level: 1, name: t(language, 'Development roadmap') }).waitFor();
    assert.deepEqual(await englishLeft(page, all), [], `${language}: the roadmap`);
    assert.deepEqual(await sameAsEnglish(page, language), [], `${language}: the roadmap shows nothing word for word as in English`);
    await assertAccessible(page, `the roadmap in ${language}`);
    // On paper: the roadmap's own words in the language, none of the English ones.
    await page.emulateMedia({ media: 'print' });
    const { text } = await printed(page, 'A4');
    for (const source of ['Development roadmap', 'Chances to ask for', 'Target role', 'Prepared for']) {
      if (t(language, source) !== source) assert.ok(!text.includes(source), `${language}: "${source}" printed in English`);
    }
    assert.ok(text.includes(t(language, 'Development roadmap')), `${language}: the printed heading`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test('a result saved in German imports into an English page and shows the numbers the core gives for that very file', async () => {
  const german = await takeFlagship('/de.html', 'de');
  const [download] = await Promise.all([
    german.page.waitForEvent('download'),
    german.page.getByRole('button', { name: t('de', 'Export this result') }).click(),
  ]);
  const path = await saveDownload(download, 'ergebnis.json');
  const file = JSON.parse(readFileSync(path, 'utf8'));
  assert.deepEqual(file.set, { id: cto.id, version: cto.version }, 'ids only: the set named by id and version');
  assert.deepEqual(german.errors, []);
  await german.context.close();

  const { context, page, errors } = await open('/');
  await page.getByRole('button', { name: /Past results/ }).click();
  await page.getByLabel('Import results from a file').setInputFiles(path);
  await page.getByText(`Imported a result of “${cto.title}”.`).waitFor();
  await page.getByRole('button', { name: /^Open the result of/ }).click();
  await assertShowsReport(new Altitude(page), cto, coreReport(join(ROOT, 'assessments', 'cto-readiness.json'), path));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a rater answering an English invitation in Spanish sends a reply link that an English result takes', async () => {
  const person = await open('/');
  const altitude = new Altitude(person.page);
  await altitude.start(cto.title);
  await altitude.answerAll(cto, bestAnswer);
  await altitude.finish();
  await person.page.getByLabel('Your name, as they will see it (optional)').fill('Sam');
  await person.page.getByRole('button', { name: 'Invite a peer' }).click();
  const invitation = await person.page.getByRole('region', { name: /— waiting for a reply/ }).getByLabel('Invitation link').inputValue();

  // The rater's page speaks Spanish (`<main lang="es">`); the invitation's fragment is the same.
  const rater = await open(`/es.html${invitation.slice(invitation.indexOf('#'))}`);
  const es = (source) => t('es', source);
  await rater.page.getByRole('heading', { name: es('Give your view of {name}').replace('{name}', 'Sam') }).waitFor();
  await rater.page.getByRole('button', { name: es('Start'), exact: true }).click();
  const spanish = translated('cto-readiness', 'es');
  for (const dimension of cto.dimensions) {
    await rater.page.getByRole('heading', { level: 2, name: new RegExp(`^${spanish[`dimensions[${dimension.id}].name`]}`) }).waitFor();
    for (const q of cto.questions.filter((q) => q.dimension === dimension.id)) {
      // The rater's wording of each question, in Spanish; the first option or scale point.
      const label = q.kind === 'likert' ? spanish['scale.labels[2]'] : spanish[`questions[${q.id}].options[${q.options[0].id}].text`];
      await rater.page.getByRole('group', { name: spanish[`questions[${q.id}].text_other`] ?? spanish[`questions[${q.id}].text`] })
        .getByRole('radio', { name: label, exact: true }).check();
    }
    await rater.page.getByRole('button', { name: new RegExp(`^(${es('Next')}|${es('Review and finish')})$`) }).click();
  }
  await rater.page.getByRole('button', { name: es('Finish and make my reply') }).click();
  await rater.page.getByRole('heading', { name: es('Your reply is ready') }).waitFor();
  const reply = await rater.page.getByLabel(es('Reply link')).inputValue();
  assert.deepEqual(rater.errors, []);
  await rater.context.close();

  // Back in English, on the person's own page (the link names the rater's page; its fragment is what
  // carries the reply): the reply joins the result, told in English.
  await person.page.goto(`${invitation.slice(0, invitation.indexOf('#'))}${reply.slice(reply.indexOf('#'))}`);
  await person.page.getByText(`Added the view of a peer to your results of “${cto.title}”.`).waitFor();
  await person.page.getByRole('region', { name: /^1\. Peer — replied/ }).waitFor();
  assert.deepEqual(person.errors, []);
  await person.context.close();
});
