// Commitment page (src/components/CiteBox.astro): copy citations with today's access date, copy or share the permalink.
(() => {
  const d = new Date();
  const day = { iso: d.toLocaleDateString('sv'), zh: `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日` };
  const button = (label, act) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.className = 'quiet';
    b.textContent = label;
    b.onclick = act;
    return b;
  };
  const add = (after, label, text, done) => {
    const box = document.createElement('p');
    const status = document.createElement('span');
    box.className = 'cite-actions';
    status.setAttribute('role', 'status');
    box.append(button(label, () => navigator.clipboard.writeText(text()).then(() => (status.textContent = done), () => (status.textContent = '未能复制，请手动选取'))), status);
    after.after(box);
    return box;
  };
  for (const pre of document.querySelectorAll('[data-cite-text]')) {
    const date = day[pre.dataset.citeText];
    add(pre, `复制 ${pre.dataset.label}`, () => pre.textContent.replace(pre.dataset.placeholder, date), `已复制，引用日期为 ${date}`);
  }
  const link = document.querySelector('[data-permalink]');
  if (!link) return;
  const box = add(link.parentElement, '复制链接', () => link.href, '已复制链接');
  if (navigator.share) box.prepend(button('分享', () => navigator.share({ title: document.title, url: link.href }).catch(() => {})));
})();
