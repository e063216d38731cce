// The widget's benchmark, against the release build on loopback in headless Chromium:
// transfer size, time to the first question, time from an answer to the updated progress,
// and wasm memory after finishing the flagship set. Medians over RUNS cold loads.
import { performance } from 'node:perf_hooks';
import { launch, startSite, readSet, Altitude, DIST } from './tests/support.mjs';
import { transferSizes, printSizes } from './size.mjs';

const RUNS = Number(process.env.RUNS ?? 9);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => `${ms.toFixed(1)} ms`;

// Records, inside the page, when the start screen and the first question appear, and how long each
// answer takes to show in the progress text (to the DOM change, and to the next frame after it).
const probe = () => {
  window.__altitude = { answers: [] };
  let clickedAt = null;
  // Clicks inside the widget's shadow root reach the document retargeted; the path still shows them.
  document.addEventListener('click', (e) => {
    const path = e.composedPath();
    if (path.some((n) => n.classList?.contains('choice'))) clickedAt = performance.now();
    if (window.__altitude.startClick === undefined && path.some((n) => n.textContent === 'Start the assessment' && n.tagName === 'BUTTON')) window.__altitude.startClick = performance.now();
  }, true);
  const root = () => document.querySelector('altitude-assessment')?.shadowRoot;
  const watchScreens = () => {
    if (!root()) return requestAnimationFrame(watchScreens);
    new MutationObserver(() => {
      const a = window.__altitude;
      if (a.start === undefined && root().querySelector('#start-heading')) a.start = performance.now();
      if (a.question === undefined && root().querySelector('fieldset.question')) a.question = performance.now();
    }).observe(root(), { childList: true, subtree: true });
  };
  watchScreens();
  const watchProgress = () => {
    const text = root()?.querySelector('#progress-text');
    if (!text) return requestAnimationFrame(watchProgress);
    new MutationObserver(() => {
      if (clickedAt === null) return;
      const dom = performance.now() - clickedAt;
      const from = clickedAt;
      clickedAt = null;
      requestAnimationFrame(() => window.__altitude.answers.push({ dom, frame: performance.now() - from }));
    }).observe(text, { childList: true, characterData: true, subtree: true });
  };
  watchProgress();
};

const browser = await launch();
const site = await startSite();
const set = readSet('cto-readiness');
const startTimes = [], questionTimes = [], afterClickTimes = [], domTimes = [], frameTimes = [];
let memory = null;
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    await context.addInitScript(probe);
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(site.url);
    await page.getByRole('button', { name: 'Start the assessment' }).click();
    await page.locator('fieldset.question').first().waitFor();
    const marks = await page.evaluate(() => window.__altitude);
    startTimes.push(marks.start);
    questionTimes.push(marks.question);
    afterClickTimes.push(marks.question - marks.startClick);
    if (run === 0) {
      // One full pass through the flagship for the answer latency and the memory in use at the end.
      const altitude = new Altitude(page);
      await altitude.answerAll(set);
      await altitude.finish();
      const result = await page.evaluate(() => ({ answers: window.__altitude.answers, memory: customElements.get('altitude-assessment').wasmMemoryBytes() }));
      for (const a of result.answers) { domTimes.push(a.dom); frameTimes.push(a.frame); }
      memory = result.memory;
    }
    await context.close();
    process.stderr.write(`run ${run + 1}/${RUNS} done in ${fmt(performance.now() - started)}\n`);
  }
} finally {
  await browser.close();
  await site.close();
}

console.log('Transfer (dist/):');
printSizes(transferSizes(DIST));
console.log(`\nOver ${RUNS} cold loads on loopback (navigation start = 0):`);
console.log(`  start screen visible        median ${fmt(median(startTimes))}  (min ${fmt(Math.min(...startTimes))}, max ${fmt(Math.max(...startTimes))})`);
console.log(`  first question visible      median ${fmt(median(questionTimes))}  (min ${fmt(Math.min(...questionTimes))}, max ${fmt(Math.max(...questionTimes))}; includes the click on Start)`);
console.log(`  click on Start → question    median ${fmt(median(afterClickTimes))}  (max ${fmt(Math.max(...afterClickTimes))}; so the page itself is ready at about ${fmt(median(questionTimes) - median(afterClickTimes))})`);
console.log(`Over ${domTimes.length} answers to the flagship set:`);
console.log(`  click → progress updated    median ${fmt(median(domTimes))}  (max ${fmt(Math.max(...domTimes))})`);
console.log(`  click → next frame          median ${fmt(median(frameTimes))}  (max ${fmt(Math.max(...frameTimes))})`);
console.log(`wasm memory after finishing the flagship: ${memory === null ? 'unknown' : `${(memory / 1048576).toFixed(2)} MiB (${memory} bytes)`}`);
