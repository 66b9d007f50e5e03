// @ts-check
// 关怀版 (large-type mode). Loaded blocking in <head> so the chosen mode applies before the first
// paint; then it shows the header's switch and remembers the reader's choice in localStorage.
(() => {
  const key = 'minsheng-mode';
  const root = document.documentElement;
  /** @param {boolean} on */
  const apply = (on) => {
    if (on) root.dataset.mode = 'care';
    else delete root.dataset.mode;
  };
  try {
    apply(localStorage.getItem(key) === 'care');
  } catch {}
  document.addEventListener('DOMContentLoaded', () => {
    const button = document.querySelector('[data-mode-switch]');
    if (!button) return;
    const sync = () => button.setAttribute('aria-pressed', String(root.dataset.mode === 'care'));
    sync();
    button.removeAttribute('hidden');
    button.addEventListener('click', () => {
      const on = root.dataset.mode !== 'care';
      apply(on);
      sync();
      try {
        if (on) localStorage.setItem(key, 'care');
        else localStorage.removeItem(key);
      } catch {}
    });
  });
})();
