// Loaded before the page's own scripts (Playwright's add_init_script) by bench_slider.py:
// records when an input reaches the page (keydown, pointerdown) and when the page has
// painted after the server's message that a run has finished (a ForwardMsg whose
// script_finished field, number 6, is not FINISHED_EARLY_FOR_RERUN), all with
// performance.now(), so that nothing crosses to Python per websocket message.
(() => {
  const Native = window.WebSocket;
  window.__finished = [];
  window.__pressed = [];
  const FINISHED = 6, EARLY_FOR_RERUN = 2;
  function finishedStatus(buffer) {
    const bytes = new Uint8Array(buffer);
    let i = 0;
    const varint = () => {
      let value = 0, shift = 0, byte;
      do { byte = bytes[i++]; value += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
      return value;
    };
    while (i < bytes.length) {
      const tag = varint(), field = Math.floor(tag / 8), wire = tag & 7;
      if (wire === 0) { const value = varint(); if (field === FINISHED) return value; }
      else if (wire === 2) { const length = varint(); i += length; }
      else if (wire === 1) { i += 8; }
      else if (wire === 5) { i += 4; }
      else return -1;
    }
    return -1;
  }
  const painted = () => requestAnimationFrame(() => requestAnimationFrame(
    () => window.__finished.push(performance.now())));
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (typeof event.data === "string") return;
        const check = (buffer) => {
          const status = finishedStatus(buffer);
          if (status >= 0 && status !== EARLY_FOR_RERUN) painted();
        };
        if (event.data instanceof ArrayBuffer) check(event.data);
        else event.data.arrayBuffer().then(check);
      });
    }
  };
  const pressed = () => window.__pressed.push(performance.now());
  document.addEventListener("keydown", pressed, true);
  document.addEventListener("pointerdown", pressed, true);
})();
