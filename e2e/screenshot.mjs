// Takes the README's screenshot (docs/screenshot.png) and a few review shots into target/,
// from the release build: a question page and the results of a sample attempt.
import { launch, startSite, readSet, Altitude, ROOT } from './tests/support.mjs';
import { join } from 'node:path';

const browser = await launch();
const site = await startSite();
try {
  const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.goto(site.url);
  const altitude = new Altitude(page);
  await altitude.start('CTO readiness', 'CTO');
  await page.screenshot({ path: join(ROOT, 'target', 'question-page.png') });
  const set = readSet('cto-readiness');
  await altitude.answerAll(set, (s, i) => ({ label: s.questions[i].kind === 'likert' ? s.scale.labels[(i * 7 + 2) % 5] : s.questions[i].options[(i + 1) % s.questions[i].options.length].text }));
  await altitude.finish();
  await page.screenshot({ path: join(ROOT, 'target', 'results-page.png'), fullPage: true });
  await page.locator('.charts').screenshot({ path: join(ROOT, 'docs', 'screenshot.png') });
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
