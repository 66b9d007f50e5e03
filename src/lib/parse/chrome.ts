/**
 * Text around a notice that is no part of it: a web page's chrome
 * (navigation, breadcrumbs, 字号/打印/关闭, share widgets, footers, ICP
 * lines), a news report's byline, vote results and contact lines, and the
 * numbered list of attachments. Readers never see these lines; they become
 * passages before or after the list.
 */
import type { SourceLine } from './lines.ts';

/** A line of page chrome or news framing, as read (`SourceLine.read`). */
const chrome = new RegExp(
  [
    '^(首页|网站首页|当前位置|您的位置|您现在的位置|所在位置)',
    '(\\s*[>＞»›]\\s*[^>＞»›]{1,12}){2,}$',
    '^【?\\s*(字号|字体)[:：]?\\s*[【\\[]?\\s*(大|默认)',
    '[【\\[]\\s*(打印|关闭)(本页|窗口)?\\s*[】\\]]',
    '^【?\\s*(打印|关闭|收藏|返回顶部|加入收藏|打印本页|关闭窗口)',
    '^(分享到|扫一扫|微信扫一扫|相关链接|相关阅读|相关新闻|上一篇|下一篇|附件下载|网站地图|联系我们|设为首页)',
    '^(来源|信息来源|发布时间|发布日期|发布机构|浏览次数|访问次数|点击数|阅读量|作者|责任编辑|编辑|审核|校对|记者|通讯员|文字|图片|摄影)\\s*[:：]',
    '^(发布时间|发布日期|来源)\\s*[:：]?\\s*\\d{4}',
    '(ICP备|公网安备|网站标识码|版权所有|Copyright|©|主办[:：].{0,20}承办)',
    '^(阅读|浏览|点赞|在看|收藏|转发)\\s*\\d*\\s*$',
    '^(联系人|联系电话|咨询电话|监督电话|电话|传真|地址|邮编|邮箱|电子邮箱)\\s*[:：]',
    '(得票|赞成票|反对票|弃权票|票数|票决结果)',
    '^[(（]?\\s*(记者|通讯员|本报记者|本台记者)[\\p{Script=Han}\\s]{1,12}[)）]?$',
    '^(原标题|来源于|转自|本文来源)',
  ].join('|'),
  'iu',
);

/**
 * The heading of a list of links to other articles (`相关链接`, `相关阅读：`,
 * `推荐阅读`, `延伸阅读`, a bare `推荐`): the article titles after it are no
 * items, even when numbered or counting things (`10项便民服务`).
 */
const linkHeading =
  /^[【\[]?\s*(相关链接|相关阅读|相关新闻|相关文章|相关推荐|推荐阅读|延伸阅读|热点推荐|精彩推荐|热门推荐|热门文章|猜你喜欢|往期回顾|往期推荐|推荐)\s*[】\]]?\s*[:：]?$/u;
/** An article title in a list of links: short, no sentence end. */
const linkTitle = /^.{2,60}$/u;

/** A line that lists attachments (`附件：1.…`), after which numbered lines are more attachments. */
const attachmentList = /^附\s*件\s*[:：]\s*\d+\s*[.．、]/u;
const attachmentItem = /^\d+\s*[.．、]\s*\S.{0,60}$/u;

/** Returns the numbers of the lines that are chrome, framing, attachment lists or lists of links at the foot. */
export function chromeLines(lines: readonly SourceLine[]): Set<number> {
  const out = new Set<number>();
  let inAttachments = false;
  let inLinks = false;
  // A list of links sits at a page's foot: a heading in the first third of the text is a sidebar's,
  // and the lines after it may be the notice itself, so only the heading is chrome there.
  const filled = lines.filter((l) => l.read !== '');
  const footFrom = filled[Math.floor(filled.length / 3)]?.no ?? 0;
  for (const l of lines) {
    if (l.read === '') continue;
    if (linkHeading.test(l.read)) {
      inLinks = l.no >= footFrom;
      out.add(l.no);
      continue;
    }
    if (inLinks && linkTitle.test(l.read) && !/[。；;：:]$/u.test(l.read)) {
      out.add(l.no);
      continue;
    }
    inLinks = false;
    if (attachmentList.test(l.read)) {
      inAttachments = true;
      out.add(l.no);
      continue;
    }
    if (inAttachments && attachmentItem.test(l.read) && !/[。；;]$/u.test(l.read)) {
      out.add(l.no);
      continue;
    }
    inAttachments = false;
    if (l.read.length <= 80 && chrome.test(l.read)) out.add(l.no);
  }
  return out;
}
