/**
 * The canonical taxonomy of livelihood topics (民生领域), defined once as data,
 * and the pure function that gives a commitment its topic.
 *
 * Every notice groups its items its own way (促进就业, 困难群体救助, 城乡建设 …)
 * or not at all, so districts cannot be compared by their headings. The topics
 * below are one list for all of them; a topic's slug is a permanent URL part.
 *
 * How `assignTopic` decides, in this order:
 *
 * 1. **override** — a slug given by hand wins (an unknown slug throws).
 * 2. **heading** — the notice's own group heading is scanned for the topics'
 *    keywords and heading words; when it names exactly one topic
 *    (促进就业 → employment, 卫生健康 → health), that is the topic. A broad
 *    heading that names none (城乡建设) or several falls through.
 * 3. **rule** — title and text are scanned for keywords, leftmost-longest
 *    (at each position the longest keyword of any topic is taken and its
 *    characters are consumed, so 老年食堂 counts for elderly-care and not also
 *    as 老年, 农村公路 counts for transport and not as 农村, 公共卫生间 for
 *    environment and not as 公共卫生). Each hit scores its length in
 *    characters, three times over in the title (the title weighs 2 and the
 *    text, which usually repeats the title, 1). The highest score wins; a tie
 *    goes to the topic earlier in `topics`. `matched` is the winning topic's
 *    keyword that contributed most (ties: the longer, then the first seen).
 *    Unit notes such as （牵头单位：区卫健委）, （区教育体育局负责） or
 *    （区卫生健康局配合） are removed first, by the parser's own rule
 *    (`withoutUnitNotes` of `src/lib/parse/units.ts`): who leads an item is
 *    not what it is about.
 * 4. **none** — no keyword at all: `other`.
 *
 * A commitment may also belong to **other topics**: every topic (but its own
 * and `other`) whose keyword occurs in its title, found by the same
 * leftmost-longest scan, in taxonomy order (实施老有所学行动 under an 教育
 * heading is 托育与教育, and also 养老服务 through 老有所学). Only the title
 * counts: the text names too much in passing. The main topic alone is
 * counted in charts and sums; pages that list a topic list both.
 *
 * Judgement calls written into the data:
 * - 心理健康 / 心理辅导 are health, also in schools (a counselling room in a
 *   中小学 is health unless the notice's heading puts it under education).
 * - 长期护理保险 is elderly-care (it pays for care of the disabled elderly).
 * - 残疾人 items (康复救助, 无障碍改造, 托养) are social-security.
 * - 法律援助 / 普法 are public-safety (公共安全与法治).
 * - 物业, 供热, 燃气 are housing-renewal; 充电桩 and 停车 are transport.
 * - 菜篮子 / 菜市场 / 便利店 are convenience; 放心消费 / 食品安全 are public-safety.
 * - 有线电视 is no keyword: 有线电视“银龄工程” is elderly-care through 银龄.
 * - 教育 alone is only a heading word: in an item it is too broad
 *   (普法宣传教育, 健康口腔教育, 劳动教育).
 *
 * Pure data and functions: no I/O, no clock, no randomness.
 */
import { withoutUnitNotes } from '../parse/units.ts';
import type { TopicAssignment } from '../schema.ts';

/** One topic of the canonical taxonomy. */
export interface Topic {
  /** URL part: readable ASCII kebab-case, permanent once published. */
  slug: string;
  /** The Chinese name for display. */
  name: string;
  /** Words in a commitment's title or text (and in a group heading) that point to this topic. */
  keywords: readonly string[];
  /** Extra words that map a group heading to this topic; too broad to judge an item by (e.g. 教育). */
  headingWords?: readonly string[];
}

/** The taxonomy, in display order; the last is the catch-all `other` (其他). */
export const topics: readonly Topic[] = [
  {
    slug: 'employment',
    name: '就业创业',
    keywords: [
      '就业',
      '新增就业',
      '城镇新增就业',
      '充分就业',
      '创业',
      '求职',
      '毕业生',
      '高校毕业生',
      '就业见习',
      '见习',
      '公益性岗位',
      '零工市场',
      '零工',
      '职业培训',
      '职业技能培训',
      '技能培训',
      '创业培训',
      '家政',
      '失业',
      '失业保险',
      '劳动力',
      '招聘',
      '岗位',
    ],
  },
  {
    slug: 'social-security',
    name: '社会保障与救助',
    keywords: [
      '低保',
      '最低生活保障',
      '特困',
      '特困人员',
      '救助',
      '社会救助',
      '康复救助',
      '困难群众',
      '困难群体',
      '困难职工',
      '孤儿',
      '事实无人抚养儿童',
      '残疾人',
      '残疾',
      '残疾儿童',
      '残联',
      '无障碍',
      '托养',
      '退役军人',
      '军属',
      '烈属',
      '优抚',
      '灾害民生综合保险',
      '灾害',
      '低收入',
      '帮扶',
      '兜底',
      '社会保障',
      '社会保险',
      '阳光家园',
    ],
    headingWords: ['民政', '社保'],
  },
  {
    slug: 'elderly-care',
    name: '养老服务',
    keywords: [
      '养老',
      '养老服务',
      '养老机构',
      '家庭养老床位',
      '老年人',
      '老年',
      '老人',
      '老年食堂',
      '老人家食堂',
      '助餐',
      '适老化',
      '银龄',
      '长期护理',
      '长期护理保险',
      '失能',
      '日间照料',
      '幸福院',
      '居家照护',
      '高龄',
      '独居',
      '空巢',
      '一老一小',
      '老有所学',
      '老年学校',
      '老年大学',
    ],
  },
  {
    slug: 'childcare-education',
    name: '托育与教育',
    keywords: [
      '托育',
      '托位',
      '托幼',
      '幼托',
      '幼儿园',
      '婴幼儿',
      '学位',
      '义务教育',
      '特殊教育',
      '中小学',
      '学校',
      '学生',
      '学生资助',
      '教室',
      '教学',
      '师生',
      '育人',
      '学有所教',
      '校服',
      '营养改善',
      '家庭教育',
      '教育资源',
      '教育基础设施',
      '高等教育',
      '职业教育',
    ],
    headingWords: ['教育', '托育'],
  },
  {
    slug: 'health',
    name: '医疗卫生',
    keywords: [
      '医疗',
      '医保',
      '医疗保险',
      '基本医疗保险',
      '医疗保障',
      '卫生',
      '公共卫生',
      '卫生院',
      '社区卫生服务中心',
      '健康',
      '筛查',
      '产前',
      '孕妇',
      '新生儿',
      '出生缺陷',
      '两癌',
      '疾病',
      '大病',
      '慢性病',
      '就医',
      '医院',
      '诊疗',
      '诊断',
      '患者',
      '手术',
      '口腔',
      '白内障',
      '眼科',
      '眼病',
      '防治',
      '心理',
      '心理健康',
      '心理咨询',
      '心理辅导',
      '乡村医生',
      '家医',
      '急救',
      '救治',
      '应急救护',
      '生育保险',
      '疫苗',
      '体检',
      '医护',
    ],
    headingWords: ['卫健', '医药'],
  },
  {
    slug: 'housing-renewal',
    name: '住房与城市更新',
    keywords: ['老旧小区', '住房', '安置房', '棚户区', '保障性租赁住房', '租赁住房', '租房补贴', '物业', '供热', '供暖', '燃气', '城市更新', '住宅', '危房', '加装电梯'],
    headingWords: ['安居'],
  },
  {
    slug: 'transport',
    name: '交通出行',
    keywords: ['道路', '路网', '停车', '停车场', '停车泊位', '公路', '农村公路', '四好农村路', '村道', '充电桩', '充换电', '公交', '交通', '出行', '地铁', '桥梁', '人行道'],
  },
  {
    slug: 'culture-sports',
    name: '文化体育',
    keywords: [
      '文化',
      '文化惠民',
      '体育',
      '健身',
      '全民健身',
      '文体',
      '书房',
      '书屋',
      '农家书屋',
      '阅读',
      '送戏',
      '戏曲',
      '电影',
      '艺术',
      '文艺',
      '演出',
      '图书馆',
      '博物馆',
      '体育场',
      '体育中心',
      '球场',
      '健身园',
    ],
  },
  {
    slug: 'environment',
    name: '生态环境',
    keywords: [
      '公园',
      '口袋公园',
      '绿化',
      '绿地',
      '绿道',
      '污水',
      '生活污水',
      '垃圾',
      '垃圾分类',
      '黑臭水体',
      '无废',
      '公厕',
      '公共卫生间',
      '卫生间',
      '生态',
      '环境保护',
      '环境治理',
      '人居环境',
      '城市环境',
      '医疗废物',
      '废物',
      '噪声',
      '安静居住小区',
      '大气',
      '护城河',
      '景观',
      '园林',
      '古树',
    ],
    headingWords: ['环境', '环保'],
  },
  {
    slug: 'public-safety',
    name: '公共安全与法治',
    keywords: [
      '食品安全',
      '食品',
      '诈骗',
      '电信网络诈骗',
      '反电诈',
      '消防',
      '应急',
      '法律援助',
      '法律服务',
      '普法',
      '法治',
      '人防',
      '放心消费',
      '市场监管',
      '治安',
      '防汛',
      '安全生产',
      '电梯安全',
    ],
    headingWords: ['安全', '平安'],
  },
  {
    slug: 'agriculture-rural',
    name: '农业农村',
    keywords: ['农村', '农业', '农民', '乡村', '村庄', '农户', '农田', '粮食', '水利', '农村供水', '农村电网', '快递进村', '寄递物流', '和美乡村', '示范村', '千村引领', '种植'],
    headingWords: ['乡村振兴', '三农'],
  },
  {
    slug: 'convenience',
    name: '便民服务',
    keywords: ['菜市场', '文明菜市', '菜篮子', '便利店', '商超', '商业', '生活圈', '便民生活圈', '户外劳动者', '驿站', '早餐'],
    headingWords: ['便民', '商贸'],
  },
  { slug: 'other', name: '其他', keywords: [] },
];

/** Returns the topic with this slug, or undefined. */
export function topicBySlug(slug: string): Topic | undefined {
  return topics.find((topic) => topic.slug === slug);
}

/** How much a hit in the title weighs against a hit in the text. */
const titleWeight = 2;

/** One keyword found in a string. */
interface Hit {
  /** The keyword. */
  word: string;
  /** Index of its topic in `topics`. */
  topic: number;
}

/** A word → topic-index lookup with the longest word's length, for leftmost-longest scanning. */
interface Lexicon {
  words: ReadonlyMap<string, number>;
  longest: number;
}

/** Builds a lexicon from each topic's keywords (and heading words when asked). */
function lexicon(withHeadingWords: boolean): Lexicon {
  const words = new Map<string, number>();
  topics.forEach((topic, index) => {
    const list = withHeadingWords ? [...topic.keywords, ...(topic.headingWords ?? [])] : topic.keywords;
    for (const word of list) {
      const owner = words.get(word);
      if (owner !== undefined && owner !== index) {
        throw new Error(`taxonomy: "${word}" belongs to both ${topics[owner]?.slug} and ${topic.slug}`);
      }
      words.set(word, index);
    }
  });
  let longest = 0;
  for (const word of words.keys()) longest = Math.max(longest, word.length);
  return { words, longest };
}

const itemLexicon = lexicon(false);
const headingLexicon = lexicon(true);

/** Finds the keywords of `text`, leftmost-longest: a hit consumes its characters. */
function scan(text: string, { words, longest }: Lexicon): Hit[] {
  const hits: Hit[] = [];
  let i = 0;
  while (i < text.length) {
    let found = 0;
    for (let length = Math.min(longest, text.length - i); length > 0; length--) {
      const word = text.slice(i, i + length);
      const topic = words.get(word);
      if (topic !== undefined) {
        hits.push({ word, topic });
        found = length;
        break;
      }
    }
    i += found > 0 ? found : 1;
  }
  return hits;
}

/** The topic a group heading names, when it names exactly one. */
function topicOfHeading(heading: string): TopicAssignment | undefined {
  const hits = scan(heading, headingLexicon);
  const named = new Set(hits.map((hit) => hit.topic));
  if (named.size !== 1) return undefined;
  // The longest word decides; on a tie the first.
  let best: Hit | undefined;
  for (const hit of hits) if (best === undefined || hit.word.length > best.word.length) best = hit;
  const topic = best === undefined ? undefined : topics[best.topic];
  if (best === undefined || topic === undefined) return undefined;
  return { slug: topic.slug, how: 'heading', matched: best.word };
}

/** The topic the keywords of title and text point to, when any keyword occurs. */
function topicByRules(title: string, text: string): TopicAssignment | undefined {
  const scores = topics.map(() => 0);
  // Per topic, each keyword's contribution, in order of first appearance.
  const contributions = topics.map(() => new Map<string, number>());
  const count = (hits: Hit[], weight: number): void => {
    for (const hit of hits) {
      const points = hit.word.length * weight;
      scores[hit.topic] = (scores[hit.topic] ?? 0) + points;
      const words = contributions[hit.topic];
      words?.set(hit.word, (words.get(hit.word) ?? 0) + points);
    }
  };
  count(scan(withoutUnitNotes(title), itemLexicon), titleWeight);
  count(scan(withoutUnitNotes(text), itemLexicon), 1);

  let winner = -1;
  scores.forEach((score, index) => {
    if (score > 0 && (winner < 0 || score > (scores[winner] ?? 0))) winner = index;
  });
  const topic = topics[winner];
  const words = contributions[winner];
  if (topic === undefined || words === undefined) return undefined;
  let matched = '';
  let most = 0;
  for (const [word, points] of words) {
    if (points > most || (points === most && word.length > matched.length)) {
      matched = word;
      most = points;
    }
  }
  return { slug: topic.slug, how: 'rule', matched };
}

/** The slug of the catch-all topic, always last. */
const otherSlug = 'other';

/**
 * Returns the topic of a commitment: an override when given (must be a known
 * slug, else throw a clear Error naming it), else from the notice's own group
 * heading when the heading maps to one topic, else by keyword rules on title
 * and text, else `other` with how 'none'.
 */
export function assignTopic(input: { heading?: string; title: string; text: string; override?: string }): TopicAssignment {
  const main = mainTopic(input);
  const also = otherTopics(input.title, main.slug);
  return also.length > 0 ? { ...main, also } : main;
}

/**
 * Returns the slugs of the topics, other than `main` and `other`, whose keywords occur in `title`,
 * in taxonomy order.
 */
export function otherTopics(title: string, main: string): string[] {
  const named = new Set(scan(withoutUnitNotes(title), itemLexicon).map((hit) => hit.topic));
  return topics.filter((topic, index) => named.has(index) && topic.slug !== main && topic.slug !== otherSlug).map((topic) => topic.slug);
}

/** Returns a commitment's main topic: override, heading, keyword rules or none, in that order. */
function mainTopic(input: { heading?: string; title: string; text: string; override?: string }): TopicAssignment {
  const { heading, title, text, override } = input;
  if (override !== undefined) {
    if (topicBySlug(override) === undefined) {
      throw new Error(`Unknown topic override "${override}": known topics are ${topics.map((topic) => topic.slug).join(', ')}`);
    }
    return { slug: override, how: 'override' };
  }
  if (heading !== undefined && heading.trim() !== '') {
    const byHeading = topicOfHeading(heading);
    if (byHeading !== undefined) return byHeading;
  }
  return topicByRules(title, text) ?? { slug: otherSlug, how: 'none' };
}
