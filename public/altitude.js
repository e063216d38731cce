// <altitude-assessment>: the Altitude widget as a custom element. Import this module once; every
// asset (the wasm, the stylesheet, the bundled assessments) is found relative to it, so the bundle
// works from any path and origin it is served from. No inline script, style or eval: it runs under
// `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`.
import init, { mount } from './altitude-web.js';

const base = new URL('./', import.meta.url).href;
let ready = null;
let exports = null;

/** Loads the wasm once for every element on the page. */
function load() {
  ready ??= init({ module_or_path: new URL('./altitude-web_bg.wasm', import.meta.url) }).then((wasm) => { exports = wasm; });
  return ready;
}

class AltitudeAssessment extends HTMLElement {
  static observedAttributes = ['src', 'set', 'role', 'target-role', 'storage-key', 'theme'];

  /** Bytes of wasm memory in use by all widgets on the page (for benchmarks and diagnostics). */
  static wasmMemoryBytes() {
    return exports?.memory.buffer.byteLength ?? null;
  }

  #widget = null;
  #container = null;

  async connectedCallback() {
    if (!this.shadowRoot) {
      const shadow = this.attachShadow({ mode: 'open' });
      const style = document.createElement('link');
      style.rel = 'stylesheet';
      style.href = new URL('./altitude.css', import.meta.url).href;
      shadow.append(style);
    }
    await load();
    this.#start();
  }

  disconnectedCallback() {
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
    if (name === 'storage-key') {
      // Another storage key is another person's data: start afresh on it.
      this.#stop();
      this.#start();
    } else {
      this.#widget.set_attribute(name, after);
    }
  }

  #start() {
    if (this.#widget || !this.isConnected) return;
    this.#container = document.createElement('div');
    this.#container.setAttribute('part', 'root');
    this.shadowRoot.append(this.#container);
    const value = (name) => this.getAttribute(name);
    this.#widget = mount(this.#container, this, base, value('src'), value('set'), value('target-role'), value('storage-key') || 'altitude', value('theme'));
  }

  #stop() {
    this.#widget?.free();
    this.#widget = null;
    this.#container?.remove();
    this.#container = null;
  }
}

if (!customElements.get('altitude-assessment')) customElements.define('altitude-assessment', AltitudeAssessment);
