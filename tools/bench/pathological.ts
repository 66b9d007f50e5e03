/**
 * Inputs that once made the parser super-linear or crash, generated at any
 * size: the benchmark times them at 10 K, 100 K and 1 M characters and the
 * tests bound what they produce. Pure and deterministic.
 */

/** The name of each pathological input. */
export type PathologicalKind = 'unclosed-bookmark' | 'wrapped-unit-cell' | 'many-items' | 'inline-paragraph' | 'sentence-paragraph';

/** Every kind, in the order the benchmark prints them. */
export const pathologicalKinds: readonly PathologicalKind[] = ['unclosed-bookmark', 'wrapped-unit-cell', 'many-items', 'inline-paragraph', 'sentence-paragraph'];

const title = '关于2024年民生实事项目的通知';

/** Returns `unit` repeated until the text is about `size` characters long. */
function fill(unit: (i: number) => string, size: number, join = ''): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = unit(i);
    parts.push(part);
    length += part.length + join.length;
  }
  return parts.join(join);
}

/** Returns a notice of about `size` characters holding the pathological `kind`. */
export function pathological(kind: PathologicalKind, size: number): string {
  switch (kind) {
    case 'unclosed-bookmark':
      // `[bookmark:` without its `]`, over and over on one long line.
      return `${title}\n1、新建幼儿园2所${fill(() => '[bookmark: _GoBack', size)}\n2、改造小区3个\n3、新增车位100个\n`;
    case 'wrapped-unit-cell':
      // A flattened table whose unit cell is wrapped over many lines.
      return `${title}\n\t序号\n\t项目名称\n\t建设内容\n\t牵头单位\n\t1\n\t托育扩容\n\t新增托位100个\n\t区${fill(() => '\n综合', size)}\n\t2\n\t道路改造\n\t改造道路3条\n\t区交通局\n`;
    case 'many-items':
      return `${title}\n${fill((i) => `${i + 1}、新建口袋公园一处，改造绿地${(i % 9) + 1}块。`, size, '\n')}\n`;
    case 'inline-paragraph':
      // One paragraph enumerating items inline: （1）…（2）… (numbers beyond 99 stay text).
      return `${title}\n今年办好以下民生实事：${fill((i) => `（${(i % 99) + 1}）新建社区食堂${(i % 9) + 1}个；`, size)}\n`;
    case 'sentence-paragraph':
      // An introducing sentence and one paragraph of many sentences.
      return `${title}\n具体包括：\n${fill((i) => `改造背街小巷${(i % 9) + 1}条。`, size)}\n`;
  }
}
