// The author's workbench: a question set's JSON in CodeMirror 6, checked by Altitude's own core
// (compiled to a wasm of its own: `problems` and `lint`), previewed in the real widget, with the
// verdicts of simulated respondents. Everything from the draft is put into the page as text
// (textContent, attributes), never as markup. build/build-author.mjs bundles this file.
import { EditorView, basicSetup } from 'codemirror';
import { EditorSelection } from '@codemirror/state';
import { json } from '@codemirror/lang-json';
import { linter, lintGutter, forceLinting } from '@codemirror/lint';
import init, { problems as coreProblems, lint as coreLint } from 'altitude-author-core';

const DRAFT_KEY = 'altitude-author.draft';
const $ = (id) => document.getElementById(id);

/** The draft kept in this browser; a failed write (blocked or full storage) is said, never fatal. */
function keep(text) {
  try {
    // An empty editor keeps nothing: a discarded draft stays discarded.
    if (text === '') localStorage.removeItem(DRAFT_KEY);
    else localStorage.setItem(DRAFT_KEY, text);
  } catch {
    $('problem-summary').textContent = 'This browser does not let the draft be kept: download it before leaving.';
  }
}
function kept() {
  try {
    return localStorage.getItem(DRAFT_KEY);
  } catch {
    return null;
  }
}

/** One element with text: nothing from the draft is ever parsed as markup. */
function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

let view;
/** The last check of the draft: its problems, and when it has none, the set and its lint report. */
let checked = { problems: [], report: null, set: null };

/** Moves the cursor to a character offset of the draft and gives the editor focus. */
function goTo(offset) {
  const at = Math.max(0, Math.min(offset, view.state.doc.length));
  view.dispatch({ selection: EditorSelection.cursor(at), scrollIntoView: true });
  view.focus();
}

function check(text) {
  const problems = JSON.parse(coreProblems(text));
  const report = problems.length ? null : JSON.parse(coreLint(text));
  let set = null;
  if (!problems.length) {
    try {
      set = JSON.parse(text);
    } catch {
      set = null;
    }
  }
  checked = { problems, report, set };
  showProblems();
  showReport();
  updatePreview(text);
  return problems;
}

function showProblems() {
  const list = $('problems');
  list.replaceChildren();
  const { problems } = checked;
  $('problem-summary').textContent = problems.length === 0
    ? 'No problems: the draft is a valid question set.'
    : `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}, in the order the format lists them.`;
  for (const problem of problems) {
    const item = el('li');
    const button = el('button');
    button.type = 'button';
    button.append(el('span', `${problem.line}:${problem.column}`, 'where'), ' ', el('span', problem.path ? `${problem.path}: ${problem.message}` : problem.message));
    button.addEventListener('click', () => goTo(problem.offset));
    item.append(button);
    list.append(item);
  }
}

function showReport() {
  const warnings = $('warnings');
  const table = $('respondents');
  warnings.replaceChildren();
  table.tHead.replaceChildren();
  table.tBodies[0].replaceChildren();
  const { report, set } = checked;
  if (!report || !set) {
    warnings.append(el('li', 'Fix the problems first: only a valid set can be scored.'));
    return;
  }
  if (report.warnings.length === 0) warnings.append(el('li', 'No warnings.'));
  for (const warning of report.warnings) {
    const item = el('li');
    const button = el('button');
    button.type = 'button';
    const where = warning.line ? `${warning.line}:${warning.column}` : '';
    // The message names the questions; the place is the first one's.
    button.append(el('span', where, 'where'), ' ', el('span', warning.path ? `${warning.path}: ${warning.message}` : warning.message));
    if (warning.offset !== undefined && warning.offset !== null) button.addEventListener('click', () => goTo(warning.offset));
    item.append(button);
    warnings.append(item);
  }
  const head = el('tr');
  head.append(el('th', 'Respondent'));
  for (const role of report.roles) {
    const th = el('th', role.name);
    th.scope = 'col';
    head.append(th);
  }
  head.firstChild.scope = 'col';
  table.tHead.append(head);
  for (const respondent of report.respondents) {
    const row = el('tr');
    const name = el('th', respondent.name);
    name.append(el('span', respondent.description, 'respondent-description'));
    name.scope = 'row';
    row.append(name);
    for (const role of report.roles) {
      const verdict = respondent.verdicts.find((v) => v.role === role.id);
      row.append(el('td', verdict ? verdict.sentence : ''));
    }
    table.tBodies[0].append(row);
  }
}

let previewUrl = null;
let previewTimer = null;
/** The real widget, fed the draft once it has no problem (a moment after typing stops). */
function updatePreview(text) {
  clearTimeout(previewTimer);
  const { set } = checked;
  const status = $('preview-status');
  if (!set) {
    status.textContent = 'The preview shows the last version of the draft that had no problem.';
    return;
  }
  previewTimer = setTimeout(() => {
    const roles = $('preview-role');
    const chosen = roles.value;
    roles.replaceChildren(...[...set.roles].sort((a, b) => a.stage - b.stage).map((role) => {
      const option = el('option', role.name);
      option.value = role.id;
      return option;
    }));
    if (set.roles.some((role) => role.id === chosen)) roles.value = chosen;
    const preview = $('preview');
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    preview.setAttribute('role', roles.value);
    preview.setAttribute('src', previewUrl);
    status.textContent = `The preview shows the draft: ${set.title}, version ${set.version}.`;
    const wording = $('rater-wording');
    wording.replaceChildren(...set.questions.map((q) => el('li', q.text_other ?? `(no rater's wording) ${q.text}`)));
  }, 400);
}

function setDraft(text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

async function startFrom(choice) {
  if (!choice) return;
  const url = choice === 'example' ? 'author/example-set.json' : `assessments/${choice}`;
  const response = await fetch(url);
  setDraft(await response.text());
}

async function main() {
  await init({ module_or_path: new URL('altitude_author_bg.wasm', import.meta.url) });
  const lint = linter((v) => check(v.state.doc.toString()).map((p) => {
    const from = Math.min(p.offset, v.state.doc.length);
    const line = v.state.doc.lineAt(from);
    return { from, to: Math.max(from + 1, Math.min(line.to, v.state.doc.length)), severity: 'error', message: p.path ? `${p.path}: ${p.message}` : p.message };
  }), { delay: 300 });
  view = new EditorView({
    doc: kept() ?? '',
    extensions: [
      basicSetup,
      json(),
      lint,
      lintGutter(),
      // An explicit tab stop: axe counts a contenteditable without one as no keyboard access to its scroller.
      EditorView.contentAttributes.of({ 'aria-label': 'The question set as JSON', 'aria-describedby': 'editor-label', tabindex: '0' }),
      EditorView.updateListener.of((update) => { if (update.docChanged) keep(update.state.doc.toString()); }),
    ],
    parent: $('editor'),
  });
  forceLinting(view);

  // The bundled sets, from the catalog the site serves.
  try {
    const catalog = await (await fetch('assessments/catalog.json')).json();
    for (const entry of catalog.sets) {
      const option = el('option', `${entry.title ?? entry.file} (bundled)`);
      option.value = entry.file;
      $('start-from').append(option);
    }
  } catch {
    // Offline without the catalog: the example and files still work.
  }
  $('start-from').addEventListener('change', (event) => startFrom(event.target.value));
  $('open-file').addEventListener('change', async (event) => {
    const [file] = event.target.files;
    if (file) setDraft(await file.text());
    event.target.value = '';
  });
  $('editor').addEventListener('dragover', (event) => event.preventDefault());
  $('editor').addEventListener('drop', async (event) => {
    const [file] = event.dataTransfer?.files ?? [];
    if (!file) return;
    event.preventDefault();
    setDraft(await file.text());
  });
  $('download-draft').addEventListener('click', () => {
    const text = view.state.doc.toString();
    const name = `${checked.set?.id ?? 'question-set'}.json`;
    const link = el('a');
    link.href = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    link.download = name;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  });
  $('discard-draft').addEventListener('click', () => {
    try {
      localStorage.removeItem(DRAFT_KEY);
    } catch {
      // Nothing was kept.
    }
    setDraft('');
    $('start-from').value = '';
  });
  $('preview-role').addEventListener('change', (event) => $('preview').setAttribute('role', event.target.value));
  document.body.dataset.ready = 'true';
}

main();
