// @ts-check
// Narrows a district's list of commitments by facet, in place (src/components/Facets.astro).
// Each facet's index becomes a row of buttons; the choice is kept in the address (#topic-<slug>),
// the same anchor the index line has without JavaScript.
for (const box of document.querySelectorAll('[data-facets]')) {
  const items = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('[data-facet-item]')]);
  const status = box.querySelector('[data-facet-shown]');
  /** @type {Record<string, string>} */
  const chosen = {};
  /** @type {Record<string, HTMLElement[]>} */
  const buttons = {};
  const show = () => {
    let shown = 0;
    for (const item of items) {
      item.hidden = !Object.entries(chosen).every(([name, v]) => !v || (item.dataset['facet' + name[0].toUpperCase() + name.slice(1)] || '').split(' ').includes(v));
      if (!item.hidden) shown++;
    }
    for (const group of document.querySelectorAll('[data-facet-group]')) {
      /** @type {HTMLElement} */ (group).hidden = !group.querySelector('[data-facet-item]:not([hidden])');
    }
    for (const [name, list] of Object.entries(buttons)) for (const b of list) b.setAttribute('aria-pressed', String(b.dataset.value === (chosen[name] || '')));
    if (status) status.textContent = shown === items.length ? '' : `显示 ${shown} 项（共 ${items.length} 项）`;
  };
  for (const list of /** @type {NodeListOf<HTMLElement>} */ (box.querySelectorAll('[data-facet]'))) {
    const name = list.dataset.facet || '';
    const bar = document.createElement('div');
    bar.className = 'facet-bar';
    bar.setAttribute('role', 'group');
    bar.setAttribute('aria-label', `按${list.dataset.label}筛选`);
    const values = [{ value: '', label: '全部', count: String(items.length) }, ...[...list.children].map((li) => ({ .../** @type {HTMLElement} */ (li).dataset }))];
    buttons[name] = values.map(({ value = '', label, count }) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.dataset.value = value;
      b.textContent = `${label} ${count}`;
      b.addEventListener('click', () => {
        chosen[name] = value;
        history.replaceState(null, '', value ? `#${name}-${value}` : location.pathname + location.search);
        show();
      });
      bar.append(b);
      return b;
    });
    list.hidden = true;
    list.before(bar);
    const m = location.hash.match(new RegExp(`^#${name}-([a-z0-9-]+)$`));
    if (m && values.some((v) => v.value === m[1])) chosen[name] = m[1];
  }
  show();
}
