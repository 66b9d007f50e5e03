/**
 * What kind of document a text is: a notice of commitments, or a progress
 * or completion report on them (进展情况, 完成情况, 进度公示), whose status
 * sentences are no promises. Reading reports is another matter; this only
 * recognizes them so the parser can say so instead of misreading one.
 */
import { readingText } from './normalize.ts';
import { squash } from './text.ts';

/** The kinds of document. */
export type DocumentKind = 'notice' | 'report';

/** Words a report's title uses for what it reports. */
const reportTitle = /(进展|完成|落实|推进|办理|实施)情况|进度(公示|公开|通报|情况|报告)|进展(公示|公开|通报)|完成进度|(半年|季度|年度|前三季度|上半年).{0,6}(进展|完成|进度)/u;
/** A title (or news headline) announcing that commitments were done: `10件民生实事圆满完成`. */
const doneTitle = /(圆满|全部|全面|如期|顺利|基本)(完成|完工|办结|兑现)|(完成|办结|兑现)率/u;
/** A sentence saying a counted set of commitments was all done: `10件民生实事全部完成`. */
const allDone = /[\d一二三四五六七八九十]+\s*(件|项|个)[^。；]{0,8}(民生实事|为民办实事|惠民实事|实事项目|实事)[^。；]{0,12}(全部|圆满|全面|如期|顺利)(完成|完工|办结|兑现)/u;
/** A line that opens with a list marker (`1.`, `（一）`, `一、`, `①`) or holds table cells: a notice lists, a news report of completion does not. */
const listed = /^(\d{1,3}(\s|[.．、])|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|[①-⑳]|第[一二三四五六七八九十]+[项件条])|\t/u;

/** Words a notice's title uses for what it announces. */
const noticeTitle = /通知|公告|通告|意见|方案|计划|决定|清单|征集/u;
/** A status sentence of a report: done, begun, a percentage of progress. */
const status = /已(全部|基本)?完成|已开工|已竣工|已建成|已投入使用|完成(年度)?(目标|任务)的?\d|完成率|进度(为|达)?\d|完成投资|正在(推进|实施|施工)|序时进度/u;

/**
 * Returns `report` when the text reports progress on commitments (its title
 * names progress or completion and not a notice; or it is prose, with no
 * list and no notice title, saying the commitments were all done; or most of
 * its lines are status sentences), else `notice`.
 */
export function documentKind(text: string): DocumentKind {
  const lines: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/u)) {
    const line = squash(raw);
    if (line !== '') lines.push(line);
  }
  // The title is among the first lines: the first one that names 民生/实事, else the first line.
  const head = lines.slice(0, 8).map(readingText);
  const title = head.find((l) => /民生|实事|惠民|为民办/u.test(l) && l.length <= 80) ?? head[0] ?? '';
  if (reportTitle.test(title) && !noticeTitle.test(title.replace(/通报/gu, ''))) return 'report';
  if (reportTitle.test(title) && /通报|报告|公示/u.test(title)) return 'report';
  const notice = noticeTitle.test(title.replace(/通报/gu, ''));
  if (doneTitle.test(title) && !notice) return 'report';
  // News prose that says the year's commitments were all done, with no list and no notice title.
  const body = lines.slice(0, 400).map(readingText);
  if (!notice && body.some((l) => allDone.test(l)) && !body.some((l) => listed.test(l))) return 'report';
  const statusLines = body.filter((l) => status.test(l)).length;
  return body.length >= 4 && statusLines * 2 >= body.length ? 'report' : 'notice';
}
