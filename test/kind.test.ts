/**
 * `documentKind`: a notice of commitments, or a report on their progress.
 * A reports helper builds on it; here it only has to tell the two apart.
 */
import { describe, expect, test } from 'vitest';
import { documentKind } from '../src/lib/parse/kind.ts';

describe('documentKind', () => {
  test.each([
    ['关于2023年区级民生实事项目第三季度进展情况的通报\n一、新建幼儿园3所。已完成2所。'],
    ['2024年县政府民生实事项目完成情况公示\n1.改造老旧小区10个，已全部完成。'],
    ['2025年民生实事进度公示\n新增托位300个，完成率86%。'],
    ['我县2023年10件民生实事圆满完成\n近日获悉，年初确定的10件民生实事全部完成。'],
    ['2023年我区民生实事回眸\n记者 李某\n今年我区确定的12件民生实事项目已全部完成，群众满意度持续提升。\n下一步将谋划明年项目。'],
    ['民生实事半年进展\n1.新建公园2个，已开工。\n2.改造道路5条，已竣工。\n3.新增车位500个，完成率80%。\n4.新建食堂3个，正在推进。'],
  ])('should call a progress or completion report a report: %s', (text) => {
    expect(documentKind(text)).toBe('report');
  });

  test.each([
    ['关于印发2024年民生实事项目的通知\n2023年，全区民生实事完成情况良好。\n1.新建学校1所。\n2.改造道路3条。'],
    ['关于征集2025年民生实事项目的公告\n请于3月1日前提出建议。'],
    ['關於2024年縣政府民生實事項目的通知\n1.新建幼兒園1所。'],
    ['关于公布2024年民生实事项目的通知\n2023年确定的10件民生实事项目全部完成。2024年确定实施3件。\n新建公园2个；改造道路5条；新增车位500个。'],
    ['2024年区民生实事项目\n去年10件民生实事全部完成。\n1.新建公园2个。\n2.改造道路5条。'],
    ['2024年民生实事\n1.新建公园2个。\n2.改造道路5条。\n3.新增车位500个。'],
  ])('should call a notice a notice, even when it mentions last year’s completion: %s', (text) => {
    expect(documentKind(text)).toBe('notice');
  });
});
