/**
 * The status scale and the rules that read a status from a report's words.
 * One table decides the status (`readStatus`) and writes the methodology
 * (状态说明) the site shows, so the page can never disagree with the code.
 * Pure: no I/O.
 */
import type { ReportedStatus, Status } from '../schema.ts';

/** One rule: when a report's words match `pattern`, the item has `status`. */
export interface StatusRule {
  /** The status the rule gives. */
  readonly status: ReportedStatus;
  /** The words the rule looks for (tested on text with white space removed). */
  readonly pattern: RegExp;
  /** The words as the methodology page lists them, in Chinese. */
  readonly words: readonly string[];
}

/**
 * The rules, in order of precedence: the first rule whose words a text holds
 * decides. Negative and lagging words come first, so `已完成80%，正在推进`
 * is 正常推进 and `未完成` is never read as `完成`; `完成率` is never a
 * completion word, nor is a completion announced for the future (`计划…完成`).
 */
export const statusRules: readonly StatusRule[] = [
  {
    status: '到期未完成',
    pattern: /到期未完成|逾期未完成|未(?:能)?按(?:期|时|计划)完成|未能(?:如期)?完成|没有完成|未完成(?:全年|年度)?(?:目标|任务)/u,
    words: ['到期未完成', '逾期未完成', '未按期完成', '未能按期完成', '未能完成', '没有完成', '未完成全年目标'],
  },
  {
    status: '未启动',
    pattern: /尚未启动|未启动|尚未开工|未开工|暂未实施|尚未实施|暂缓实施|未开展/u,
    words: ['尚未启动', '未启动', '尚未开工', '未开工', '暂未实施', '尚未实施', '暂缓实施', '未开展'],
  },
  {
    status: '进度滞后',
    pattern: /进度滞后|进展滞后|推进缓慢|进展缓慢|进度缓慢|滞后于?序时|落后于?序时|滞后/u,
    words: ['进度滞后', '进展滞后', '推进缓慢', '进展缓慢', '进度缓慢', '滞后于序时', '滞后'],
  },
  {
    status: '超额完成',
    pattern: /超额完成|超(?:过)?(?:全年|年度)?(?:目标|计划)(?:任务)?完成/u,
    words: ['超额完成', '超目标完成', '超计划完成'],
  },
  {
    status: '基本完成',
    pattern: /基本完成|基本建成|基本办结|主体(?:工程)?完工/u,
    words: ['基本完成', '基本建成', '基本办结', '主体完工'],
  },
  {
    status: '正常推进',
    pattern: /正常推进|序时推进|按序时|正在推进|有序推进|稳步推进|加快推进|正在实施|正在建设|正在施工|推进中|实施中|建设中|施工中|已开工|进展顺利|按计划推进|按进度推进/u,
    words: ['正常推进', '序时推进', '按序时', '正在推进', '有序推进', '稳步推进', '加快推进', '正在实施', '正在建设', '正在施工', '推进中', '已开工', '进展顺利', '按计划推进'],
  },
  {
    status: '已完成',
    pattern:
      /已(?:于[^，。；：,;]{1,10})?(?:全部|全面|顺利|如期|提前)?完成(?!率|比例|进度|投资|\s*[\d０-９一二三四五六七八九十两几百])|(?:全部|全面|均已|均|顺利|如期|提前|圆满)完成(?!率|比例|进度|投资)|已(?:全部)?(?:建成|完工|竣工|办结|兑现|投入使用|投用|落实到位)|如期兑现|全部兑现|全部办结|已经完成(?!率)/u,
    words: ['已完成', '全部完成', '均已完成', '顺利完成', '如期完成', '提前完成', '已建成', '已完工', '已竣工', '已办结', '已兑现', '已投入使用', '如期兑现', '全部办结'],
  },
];

/** The methodology of each status: what it means, in Chinese, for the 状态说明 page. */
const statusMeanings: Readonly<Record<Status, string>> = {
  已完成: '报告说该项已经完成、建成、办结或兑现。',
  超额完成: '报告说该项超额完成，或以超过目标的数字说明完成。',
  基本完成: '报告说该项基本完成，主体已完成但尚有收尾。',
  正常推进: '报告说该项正在按计划推进（含“序时推进”“正在实施”等说法）。',
  进度滞后: '报告说该项进度滞后、推进缓慢。',
  未启动: '报告说该项尚未启动、尚未开工。',
  到期未完成: '报告说该项到期没有完成、未能按期完成。',
  未见报告: '仓库中没有任何报告提到该项。没有报告不等于已完成，也不等于未完成。',
};

/** The status scale, in the order pages list it. */
export const statusOrder: readonly Status[] = ['已完成', '超额完成', '基本完成', '正常推进', '进度滞后', '未启动', '到期未完成', '未见报告'];

/** What `readStatus` found: the status and the words of the text that decided it. */
export interface StatusReading {
  readonly status: ReportedStatus;
  /** The matched words, exactly as written in the text. */
  readonly words: string;
}

/** Words that announce a future completion: `计划年底前完成` is no completion yet. */
const future = /(?:计划|预计|将于|将在|力争|确保|争取|拟于|年底前|年内)[^，。；,;]{0,12}$/u;

/**
 * Returns the status a text's words state, by the first rule of `statusRules`
 * that matches, with the words quoted as written; undefined when none does.
 * A completion word announced for the future (`预计年底前完成`) does not count.
 */
export function readStatus(text: string): StatusReading | undefined {
  // Match on text without white space, then map the match back to the original characters.
  const kept: number[] = [];
  let compact = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (/\s/u.test(ch)) continue;
    compact += ch;
    kept.push(i);
  }
  for (const rule of statusRules) {
    const re = new RegExp(rule.pattern.source, 'gu');
    for (const m of compact.matchAll(re)) {
      const before = compact.slice(0, m.index);
      if ((rule.status === '已完成' || rule.status === '超额完成') && future.test(before) && !m[0].startsWith('已')) continue;
      const start = kept[m.index] ?? 0;
      const end = (kept[m.index + m[0].length - 1] ?? start) + 1;
      return { status: rule.status, words: text.slice(start, end) };
    }
  }
  return undefined;
}

/**
 * Returns the status a completion rate alone states (no status words):
 * above 100 % 超额完成, 100 % 已完成; below, nothing (a share of the year's
 * work says nothing about the pace without the words).
 */
export function statusFromRate(rate: number): ReportedStatus | undefined {
  if (rate > 100) return '超额完成';
  if (rate === 100) return '已完成';
  return undefined;
}

/** One row of the methodology table: a status, its meaning and the words that give it. */
export interface MethodologyRow {
  readonly status: Status;
  readonly meaning: string;
  readonly words: readonly string[];
  /** Its rank when several rules match one text (1 decides first); 0 for 未见报告. */
  readonly precedence: number;
}

/** Returns the methodology table for the 状态说明 page, generated from `statusRules`. */
export function methodology(): MethodologyRow[] {
  return statusOrder.map((status) => {
    const index = statusRules.findIndex((r) => r.status === status);
    const rule = statusRules[index];
    return { status, meaning: statusMeanings[status], words: rule?.words ?? [], precedence: index + 1 };
  });
}
