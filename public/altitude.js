// <altitude-assessment>: the Altitude widget as a custom element. Import this module once; every
// asset (the wasm, the stylesheet, the bundled assessments) is found relative to it, so the bundle
// works from any path and origin it is served from. No inline script, style or eval: it runs under
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
// The glue is imported when the first element connects, not statically: a static import would
// fetch it before this module runs, and only then could the wasm be requested. This way the glue
// (with its own import), the wasm and the data are all requested at once.
const base = new URL('./', import.meta.url).href;
let ready = null;
let glue = null;
let exports = null;

/** Loads the glue and the wasm once for every element on the page, both downloads at once. */
function load() {
  ready ??= (async () => {
    // Requested, and compiled as it streams in, while the glue is still on its way: the glue's init
    // accepts the pending module. A response that cannot be compiled as it comes (an error status, or
    // a type other than exactly `application/wasm`, which is all `compileStreaming` accepts: not even
    // a charset) is handed to the glue as it is, which reports the error or falls back to reading
    // the bytes; a request that fails rejects, as before.
    const wasm = fetch(new URL('./altitude-web_bg.wasm', import.meta.url)).then((response) =>
      response.ok && typeof WebAssembly.compileStreaming === 'function' && isWasm(response)
        ? WebAssembly.compileStreaming(response)
        : response);
    // A failure is reported once, where the glue's init awaits it; this keeps it from being reported
    // also as unhandled when it comes before the glue does.
    wasm.catch(() => {});
    // The glue's own import, requested beside it rather than once the glue is parsed: the glue
    // cannot run before it arrives (`make build` checks that every import of the glue is here).
    const [module] = await Promise.all([import('./altitude-web.js'), import('./__wasm_split.js')]);
    exports = await module.default({ module_or_path: wasm });
    glue = module;
  })();
  return ready;
}

/** Whether `compileStreaming` will take the response's type: `application/wasm`, in any case, with no parameter. */
function isWasm(response) {
  return response.headers.get('Content-Type')?.toLowerCase() === 'application/wasm';
}

// What the widget fetches first when it shows the bundled assessments (no `src`): the catalog and its
// default set. They are fetched here, beside the wasm, and read in full as they arrive, then handed
// to the widget when it asks for them (`takePrefetched`): by the time the wasm runs their bytes are
// here, and its first steps cost neither a round trip nor a wait for a body to be read (a task of
// its own, which let the browser draw a frame first: 13-31 ms before the start screen, measured).
// DEFAULT_SET must be the catalog's `default` (`make build` checks it, as it checks the standalone
// page's preloads).
const CATALOG = './assessments/catalog.json';
const DEFAULT_SET = './assessments/cto-readiness.json';
/** Requests started before the wasm ran, by URL; each is handed over once. */
const prefetched = new Map();
/** How long a file nobody took is kept, bytes and all (a page whose `set` names another set, say): the
 * widget takes its own within a few seconds of the wasm's arrival, and would fetch one it asks for later anew. */
const UNTAKEN_MS = 60_000;

function prefetch(path) {
  const href = new URL(path, import.meta.url).href;
  if (prefetched.has(href)) return;
  const request = fetch(href).then(readAhead);
  // A failure is handled where the request is taken; this keeps one nobody takes from being reported as unhandled.
  request.catch(() => {});
  prefetched.set(href, request);
  setTimeout(() => { if (prefetched.get(href) === request) prefetched.delete(href); }, UNTAKEN_MS);
}

/**
 * The body of a successful response, read in full (an ArrayBuffer); any other response as it is,
 * for the widget to report: an error status, or a body that could not be read (already disturbed,
 * so the widget's own read fails and says so).
 */
function readAhead(response) {
  if (!response.ok) return response;
  return response.arrayBuffer().catch(() => response);
}

// The locale files bundled beside the widget (`locales/<tag>.json`, `altitude.messages/1`). English
// is built in and needs none; a page adds or replaces a language with the element's `locales`
// attribute: space-separated `tag=url` pairs, each url relative to the page.
const BUNDLED_LOCALES = ['de', 'es'];

/**
 * The locale file for the language `element` is asked to speak, or none (English, or a language no
 * file is offered for): the language is the element's `lang`, else the nearest ancestor's (out of
 * shadow roots too, so `<html lang>` last), else the browser's; an empty `lang` says nothing. Its own
 * file is looked for, then its language's without region or script (`de-AT`, then `de`).
 */
function localeUrl(element) {
  let tag;
  for (let node = element; node && !tag; node = node.parentNode ?? node.host) tag = node.getAttribute?.('lang')?.trim();
  tag = (tag || navigator.language || 'en').toLowerCase();
  const offered = new Map(BUNDLED_LOCALES.map((bundled) => [bundled, new URL(`./locales/${bundled}.json`, import.meta.url).href]));
  for (const pair of (element.getAttribute('locales') ?? '').split(/\s+/)) {
    // `tag=url`, split at the first `=` (a url may hold more); an address that is no URL is passed over.
    const at = pair.indexOf('=');
    try {
      if (at > 0) offered.set(pair.slice(0, at).toLowerCase(), new URL(pair.slice(at + 1), document.baseURI).href);
    } catch {}
  }
  return offered.get(tag) ?? offered.get(tag.split('-')[0]);
}

function prefetchData(element) {
  if (element.getAttribute('src')) return;
  prefetch(CATALOG);
  if (!element.getAttribute('set')) prefetch(DEFAULT_SET);
}

/** A `<link>` to one of the bundle's stylesheets, for a shadow root. */
function stylesheet(path) {
  const style = document.createElement('link');
  style.rel = 'stylesheet';
  style.href = new URL(path, import.meta.url).href;
  return style;
}

class AltitudeAssessment extends HTMLElement {
  static observedAttributes = ['src', 'set', 'role', 'target-role', 'storage-key', 'theme', 'lang', 'locales'];

  /** Bytes of wasm memory in use by all widgets on the page (for benchmarks and diagnostics). */
  static wasmMemoryBytes() {
    return exports?.memory.buffer.byteLength ?? null;
  }

  #widget = null;
  #container = null;
  #laterStyles = null;
  /** The locale file to read (none for English) and the request for it. */
  #locale = null;
  /** Follows `lang` on the ancestors and the page, and the browser's languages. */
  #languageWatch = null;

  async connectedCallback() {
    if (!this.shadowRoot) this.attachShadow({ mode: 'open' }).append(stylesheet('./altitude.css'));
    prefetchData(this);
    this.#followLanguage();
    // Fetched beside the wasm; `#start` has the widget wait for the file of the language asked for by then.
    this.#chooseLocale();
    await load();
    this.#start();
  }

  /**
   * The locale file to read now (none: English) and the request for it; kept while it stays the
   * same file, so a change elsewhere on the page fetches nothing.
   */
  #chooseLocale() {
    const url = localeUrl(this);
    if (!this.#locale || this.#locale.url !== url) {
      // Read as the catalog's prefetches are (`readAhead`); the widget reports a failure.
      const request = url && fetch(url).then(readAhead);
      request?.catch(() => {});
      this.#locale = { url, request };
    }
    return this.#locale;
  }

  /** Speaks the language asked for now: when it differs from the one spoken, the widget is drawn
   * again in it, from what it has saved (the answers, the screen), once its locale file is read;
   * the widget in the old language stays until then. */
  #languageChanged() {
    const before = this.#locale;
    const locale = this.#chooseLocale();
    if (locale === before || !this.#widget) return;
    const redraw = () => {
      if (locale !== this.#locale || !this.#widget) return;
      this.#stop();
      this.#start();
    };
    if (locale.url) this.#read(locale, redraw);
    else redraw();
  }

  /** Has the glue read `locale`'s file and speak its language, then calls `then`: the glue calls
   * back with why the file could not be used, if it could not. */
  #read(locale, then) {
    glue.installLocale(locale.url, locale.request, (problem) => {
      Object.assign(locale, { read: true, problem });
      then();
    });
  }

  /** Follows every `lang` that can decide the language (on this element and its ancestors, in each
   * tree up to the page: one observer for all) and the browser's languages. */
  #followLanguage() {
    this.#unfollowLanguage();
    const changed = () => this.#languageChanged();
    const observer = new MutationObserver(changed);
    for (let root = this.getRootNode(); root; root = root.host?.getRootNode()) {
      observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
    addEventListener('languagechange', changed);
    this.#languageWatch = () => {
      observer.disconnect();
      removeEventListener('languagechange', changed);
    };
  }

  #unfollowLanguage() {
    this.#languageWatch?.();
    this.#languageWatch = null;
  }

  /**
   * The widget's request for `url`, if this module started it before the wasm ran, handed over once:
   * a promise of the body's bytes (an ArrayBuffer) or of a response that failed (see `readAhead`).
   */
  takePrefetched(url) {
    const request = prefetched.get(url);
    prefetched.delete(url);
    return request;
  }

  /**
   * Adds the later screens' stylesheet to this element's shadow root, once: the widget asks as it
   * loads the later screens' module, so the first download holds only the start screen's and the
   * questions' styles. Resolves when the sheet has loaded or failed, or after 10 s when it is still
   * on its way (the screen then shows, and is styled once the sheet comes): no screen waits longer.
   * A sheet that failed is taken out and asked for again the next time a later screen opens.
   */
  laterStyles() {
    this.#laterStyles ??= new Promise((resolve) => {
      const style = stylesheet('./altitude-later.css');
      const waited = setTimeout(resolve, 10_000);
      style.onload = () => {
        clearTimeout(waited);
        resolve();
      };
      style.onerror = () => {
        clearTimeout(waited);
        style.remove();
        this.#laterStyles = null;
        resolve();
      };
      this.shadowRoot.append(style);
    });
    return this.#laterStyles;
  }

  disconnectedCallback() {
    this.#unfollowLanguage();
    this.#stop();
  }

  attributeChangedCallback(name, before, after) {
    // `role` belongs to ARIA: a target role there would tell assistive technology nonsense, so it
    // is moved to `target-role`, which then takes effect like any other attribute.
    if (name === 'role') {
      if (after !== null) {
        this.setAttribute('target-role', after);
        this.removeAttribute('role');
      }
      return;
    }
    if (before === after || !this.#widget) return;
    if (name === 'lang' || name === 'locales') {
      this.#languageChanged();
    } else if (name === 'storage-key') {
      // Another storage key is another person's data: start afresh on it.
      this.#stop();
      this.#start();
    } else {
      this.#widget.set_attribute(name, after);
    }
  }

  #start() {
    if (this.#widget || !this.isConnected) return;
    // The language asked for now (`lang` or `locales` may have changed while the wasm loaded); in
    // another language than English, the widget is drawn once its locale file is read.
    const locale = this.#chooseLocale();
    if (locale.url && !locale.read) return this.#read(locale, () => this.#start());
    this.#container = document.createElement('div');
    this.#container.setAttribute('part', 'root');
    this.shadowRoot.append(this.#container);
    const value = (name) => this.getAttribute(name);
    this.#widget = glue.mount(this.#container, this, base, value('src'), value('set'), value('target-role'), value('storage-key') || 'altitude', value('theme'), locale.url, locale.problem);
  }

  #stop() {
    this.#widget?.free();
    this.#widget = null;
    this.#container?.remove();
    this.#container = null;
  }
}

if (!customElements.get('altitude-assessment')) customElements.define('altitude-assessment', AltitudeAssessment);
