/**
 * The canonical topic taxonomy (`src/lib/taxonomy/topics.ts`): the data is
 * sound, overrides and headings win in that order, broad headings fall
 * through, the keyword rules give real commitments the topic a human reader
 * gives them, and almost no built-in commitment is left as 其他.
 *
 * The expected topics of the real commitments below were decided by reading
 * them, before the rules were run; title and text are copied from
 * `content/commitments/2023/<district>/<n>.md`. Items whose notice has a group
 * heading are assigned here without it, to test the keyword rules alone.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { TopicAssignment } from '../src/lib/schema.ts';
import { assignTopic, otherTopics, topicBySlug, topics } from '../src/lib/taxonomy/topics.ts';

const slugs = topics.map((topic) => topic.slug);

describe('the taxonomy', () => {
  test('has around a dozen topics', () => {
    expect(topics.length).toBeGreaterThanOrEqual(10);
    expect(topics.length).toBeLessThanOrEqual(15);
  });

  test.each(slugs)('uses a readable ASCII kebab-case slug: %s', (slug) => {
    expect(slug).toMatch(/^[a-z]+(?:-[a-z]+)*$/u);
  });

  test('gives every topic its own slug and its own name', () => {
    expect(new Set(slugs).size).toBe(topics.length);
    expect(new Set(topics.map((topic) => topic.name)).size).toBe(topics.length);
  });

  test('ends with the catch-all other (其他), which has no keywords', () => {
    const last = topics.at(-1);
    expect(last?.slug).toBe('other');
    expect(last?.name).toBe('其他');
    expect(last?.keywords).toEqual([]);
  });

  test('gives every other topic a Chinese name and keywords', () => {
    for (const topic of topics.slice(0, -1)) {
      expect(topic.name).toMatch(/^[\u4e00-\u9fff与]+$/u);
      expect(topic.keywords.length).toBeGreaterThan(5);
    }
  });

  test('never puts a keyword or heading word in two topics, or twice in one', () => {
    const owner = new Map<string, string>();
    for (const topic of topics) {
      expect(new Set(topic.keywords).size).toBe(topic.keywords.length);
      for (const word of new Set([...topic.keywords, ...(topic.headingWords ?? [])])) {
        expect(word.trim()).toBe(word);
        expect(word).not.toBe('');
        expect(owner.get(word) ?? topic.slug, `"${word}" is in ${owner.get(word)} and ${topic.slug}`).toBe(topic.slug);
        owner.set(word, topic.slug);
      }
    }
  });

  test.each(slugs)('finds the topic %s by its slug', (slug) => {
    expect(topicBySlug(slug)?.slug).toBe(slug);
  });

  test.each(['', 'Health', 'healthcare', 'elderly_care', '医疗卫生'])('finds no topic for the unknown slug %j', (slug) => {
    expect(topicBySlug(slug)).toBeUndefined();
  });
});

describe('overrides', () => {
  test.each(slugs)('lets an override to %s win over heading and keywords', (slug) => {
    const result = assignTopic({ heading: '促进就业', title: '推进老旧小区改造', text: '推进老旧小区改造，改造城镇老旧小区34个。', override: slug });
    expect(result.slug).toBe(slug);
    expect(result.how).toBe('override');
    expect(result.matched).toBeUndefined();
  });

  test.each(['healthcare', 'Health', '', '医疗卫生', 'other '])('throws an Error naming the unknown override %j', (slug) => {
    expect(() => assignTopic({ title: '推进老旧小区改造', text: '推进老旧小区改造。', override: slug })).toThrow(Error);
    expect(() => assignTopic({ title: '推进老旧小区改造', text: '推进老旧小区改造。', override: slug })).toThrow(`"${slug}"`);
  });
});

describe('other topics', () => {
  test('files 实施老有所学行动 under an 教育 heading as education, and also as elderly care', () => {
    expect(assignTopic({ heading: '教育惠民', title: '实施老有所学行动', text: '实施老有所学行动，参与学习教育活动的老年人达到1.9万人左右。' })).toEqual<TopicAssignment>({
      slug: 'childcare-education',
      how: 'heading',
      matched: '教育',
      also: ['elderly-care'],
    });
  });

  test('lists every other topic the title names, in taxonomy order, and never the main topic or other', () => {
    expect(otherTopics('中小学生、老年人、妇女关爱行动', 'health')).toEqual(['elderly-care', 'childcare-education']);
    expect(otherTopics('中小学生、老年人、妇女关爱行动', 'elderly-care')).toEqual(['childcare-education']);
    expect(otherTopics('优化营商环境', 'other')).toEqual([]);
  });

  test('reads only the title, without its unit notes: the text and the departments do not add topics', () => {
    const result = assignTopic({ title: '新增城市停车泊位（牵头单位：区教育局）', text: '新增城市停车泊位300个，方便老年人就医。' });
    expect(result.slug).toBe('transport');
    expect(result.also).toBeUndefined();
  });

  test('keeps an override as the main topic and still lists the others the title names', () => {
    expect(assignTopic({ title: '实施老有所学行动', text: '实施老有所学行动。', override: 'culture-sports' })).toEqual<TopicAssignment>({
      slug: 'culture-sports',
      how: 'override',
      also: ['elderly-care'],
    });
  });
});

describe('group headings', () => {
  test.each<readonly [string, string]>([
    ['促进就业', 'employment'],
    ['社会保障', 'social-security'],
    ['困难群体救助', 'social-security'],
    ['教育惠民', 'childcare-education'],
    ['卫生健康', 'health'],
    ['环境保护', 'environment'],
    ['交通出行', 'transport'],
    ['文体服务', 'culture-sports'],
    ['公共安全', 'public-safety'],
    ['养老服务', 'elderly-care'],
    ['住房保障', 'housing-renewal'],
    ['乡村振兴', 'agriculture-rural'],
    ['便民服务', 'convenience'],
  ])('maps the heading %s to %s', (heading, slug) => {
    // The item's own words point elsewhere: the heading must decide.
    const result = assignTopic({ heading, title: '实施便民停车行动', text: '实施便民停车行动，新增城市停车泊位1660个。' });
    expect(result.how).toBe('heading');
    expect(result.slug).toBe(slug);
    expect(result.matched === undefined ? false : heading.includes(result.matched)).toBe(true);
  });

  test.each(topics.slice(0, -1).map((topic) => [topic.name, topic.slug] as const))('maps a heading that is the topic name %s to %s', (heading, slug) => {
    expect(assignTopic({ heading, title: '无关', text: '无关。' })).toMatchObject({ slug, how: 'heading' });
  });

  test.each<readonly [string, string, string, string, string]>([
    // 城乡建设 names no topic: each item of the heading goes by its own words.
    ['城乡建设', '推动充换电基础设施建设', '推动充换电基础设施建设，新建公共充电桩600个。（属市级任务）', 'transport', '充换电'],
    ['城乡建设', '推进老旧小区改造', '推进老旧小区改造，改造城镇老旧小区34个。（牵头单位：区住建局）', 'housing-renewal', '老旧小区'],
    ['城乡建设', '实施文明菜市行动', '实施文明菜市行动，整治和改造提升城乡菜市场7个。（牵头单位：区商务局）', 'convenience', '文明菜市'],
    ['城乡建设', '实施高素质农民培育计划', '实施高素质农民培育计划，培育高素质农民200人。（牵头单位：区农水局）', 'agriculture-rural', '农民'],
    // A heading naming two topics is as broad as one naming none.
    ['教育卫生', '实施安心托幼行动', '实施安心托幼行动，新增托位675个、新增公办幼儿园学位540个。', 'childcare-education', '托幼'],
    ['民生保障', '推进棚户区改造', '推进棚户区改造，新开工棚户区改造900套。', 'housing-renewal', '棚户区'],
    ['其他', '新增城市停车泊位', '新增城市停车泊位。利用闲置空地等资源增建城市停车泊位300个，方便群众停车。', 'transport', '停车泊位'],
    ['', '新增城市停车泊位', '新增城市停车泊位。利用闲置空地等资源增建城市停车泊位300个，方便群众停车。', 'transport', '停车泊位'],
  ])('lets the broad heading %j fall through to the keywords of %s', (heading, title, text, slug, matched) => {
    expect(assignTopic({ heading, title, text })).toEqual<TopicAssignment>({ slug, how: 'rule', matched });
  });
});

describe('keyword rules', () => {
  test.each<readonly [string, string, string, string]>([
    ['老年食堂 beats the shorter 老年 and is elderly care', '新增老年食堂', '新增老年食堂。', 'elderly-care'],
    ['托位 is childcare', '新增托位', '新增托位675个。', 'childcare-education'],
    ['停车泊位 is transport', '新增停车泊位', '新增停车泊位300个。', 'transport'],
    ['新增就业 is employment', '新增就业', '城镇新增就业0.98万人。', 'employment'],
    ['老旧小区 is housing renewal', '老旧小区改造', '改造老旧小区14个。', 'housing-renewal'],
    ['农村公路 is transport, not rural', '农村公路', '农村公路提质改造1.7公里。', 'transport'],
    ['公共卫生间 is environment, not health', '公共卫生间', '新建公共卫生间7座。', 'environment'],
    ['医疗废物 is environment, not health', '医疗废物', '医疗废物及时安全处置。', 'environment'],
    ['心理健康 in schools is health', '中小学心理健康', '中小学心理健康普查。', 'health'],
  ])('decides that %s', (_rule, title, text, slug) => {
    expect(assignTopic({ title, text })).toMatchObject({ slug, how: 'rule' });
  });

  test('gives a tie to the topic earlier in the list', () => {
    expect(assignTopic({ title: '两项工作', text: '低保；就业。' })).toEqual<TopicAssignment>({ slug: 'employment', how: 'rule', matched: '就业' });
  });

  test('weighs a keyword in the title more than one in the text, which would otherwise win the tie', () => {
    expect(assignTopic({ title: '低保', text: '就业。' })).toMatchObject({ slug: 'social-security', matched: '低保' });
    expect(assignTopic({ title: '工作', text: '低保；就业。' })).toMatchObject({ slug: 'employment', matched: '就业' });
  });

  test('ignores the departments named in unit notes', () => {
    expect(assignTopic({ title: '做好服务工作', text: '做好服务工作（区卫生健康局、区教育体育局负责）。' })).toEqual<TopicAssignment>({ slug: 'other', how: 'none' });
    expect(assignTopic({ title: '做好服务工作', text: '做好服务工作。（牵头单位：区住房城乡建设局、区文化和旅游局）' })).toEqual<TopicAssignment>({ slug: 'other', how: 'none' });
  });

  test('ignores a bracketed note of co-operating units, which names no 单位 or 负责: （区卫生健康局、区财政局配合） gives no 卫生', () => {
    expect(assignTopic({ title: '做好服务工作', text: '做好服务工作（区卫生健康局、区财政局配合）。' })).toEqual<TopicAssignment>({ slug: 'other', how: 'none' });
    expect(otherTopics('新增托位675个（区卫生健康局、区财政局配合）', 'childcare-education')).toEqual([]);
  });

  test('still reads a bracketed aside that is no unit note', () => {
    expect(assignTopic({ title: '做好服务工作', text: '做好服务工作（含社区卫生服务中心）。' })).toMatchObject({ slug: 'health', how: 'rule' });
  });

  test('returns other with how none when no keyword occurs', () => {
    expect(assignTopic({ title: '扎实做好各项工作', text: '扎实做好各项工作。' })).toEqual<TopicAssignment>({ slug: 'other', how: 'none' });
  });

  test('returns the same answer every time', () => {
    const input = { title: '建设便民停车场、社区卫生服务中心', text: '建设党家片区便民停车场；建设改造社区一刻钟便民生活圈3个。' };
    expect(assignTopic(input)).toEqual(assignTopic(input));
  });
});

describe('real commitments of the built-in notices', () => {
  test.each<readonly [string, string, string, string]>([
    [
      'huaibei-xiangshan/1',
      '促进重点群体稳定就业',
      '促进重点群体稳定就业，城镇新增就业0.98万人；力争36个城市社区达到省级“三公里”充分就业社区标准。（牵头单位：区人社局）',
      'employment',
    ],
    ['huaibei-xiangshan/5', '新增22个城乡老年食堂（助餐点）', '新增22个城乡老年食堂（助餐点），争取培育1家省示范性社区嵌入式养老服务机构。（牵头单位：区民政局）', 'elderly-care'],
    ['huaibei-xiangshan/7', '实施困难残疾人康复工程', '实施困难残疾人康复工程，为797名残疾人提供康复救助。（牵头单位：区残联）', 'social-security'],
    ['huaibei-xiangshan/14', '全市办理法律援助案件不少于 500 件', '全市办理法律援助案件不少于 500 件，实现刑事法律援助案件全覆盖。（牵头单位：区司法局）', 'public-safety'],
    [
      'huaibei-xiangshan/17',
      '开展青少年心理健康行动',
      '开展青少年心理健康行动，开设一档公益性心理健康教育专栏节目，推动市属高校心理健康教育场地面积达到300平方米。（属市级任务）',
      'health',
    ],
    ['huaibei-xiangshan/18', '实施安心托幼行动', '实施安心托幼行动，新增托位675个、新增公办幼儿园学位540个。（牵头单位：区教育局、区卫健委）', 'childcare-education'],
    ['huaibei-xiangshan/20', '实施农村义务教育学生营养改善计划', '实施农村义务教育学生营养改善计划。（属省级任务）', 'childcare-education'],
    ['huaibei-xiangshan/27', '完善长期护理保险制度', '完善长期护理保险制度，加强护理服务能力建设。（属省级任务）', 'elderly-care'],
    ['huaibei-xiangshan/28', '开展农村黑臭水体核查', '开展农村黑臭水体核查，新增完成1个农村黑臭水体治理任务。（牵头单位：区生态环境分局）', 'environment'],
    ['huaibei-xiangshan/29', '加强对我市1个医疗废物处置单位监督管理', '加强对我市1个医疗废物处置单位监督管理，确保医疗废物及时安全有效处置。（属市级任务）', 'environment'],
    [
      'huaibei-xiangshan/30',
      '扎实推进“四好农村路”建设',
      '扎实推进“四好农村路”建设，实施农村公路提质改造项目1.749公里、村道安防工程10.006公里，安防设施提升工程计划里程9.47公里、农村公路养护提升工程15.166公里。（牵头单位：区住建局）',
      'transport',
    ],
    ['huaibei-xiangshan/31', '实施便民停车行动', '实施便民停车行动，新增城市停车泊位1660个，其中新增公共停车泊位720个以上。（牵头单位：区住建局）', 'transport'],
    ['huaibei-xiangshan/33', '推动“15分钟阅读圈”建设', '推动“15分钟阅读圈”建设，建成8个城市阅读空间。（牵头单位：区委宣传部、区文旅体局）', 'culture-sports'],
    ['huaibei-xiangshan/36', '推动充换电基础设施建设', '推动充换电基础设施建设，新建公共充电桩600个。（属市级任务）', 'transport'],
    ['huaibei-xiangshan/37', '推进“千村引领、万村升级”工程', '推进“千村引领、万村升级”工程，建设宜居宜业和美乡村精品示范村8个左右。（属市级任务）', 'agriculture-rural'],
    ['huaibei-xiangshan/38', '推进老旧小区改造', '推进老旧小区改造，改造城镇老旧小区34个。（牵头单位：区住建局）', 'housing-renewal'],
    [
      'huaibei-xiangshan/39',
      '推进棚户区改造',
      '推进棚户区改造，新开工棚户区改造900套。着力解决新市民、青年人等住房困难，发展保障性租赁住房439套（间）。（牵头单位：区住建局）',
      'housing-renewal',
    ],
    ['huaibei-xiangshan/42', '实施农村供水保障工程', '实施农村供水保障工程，新增解决不能24小时供水村庄5个。（属市级任务）', 'agriculture-rural'],
    ['huaibei-xiangshan/44', '推动“快递进村”', '推动“快递进村”，稳定运营90个村级寄递物流综合服务站。（属市级任务）', 'agriculture-rural'],
    ['huaibei-xiangshan/45', '实施文明菜市行动', '实施文明菜市行动，整治和改造提升城乡菜市场7个。（牵头单位：区商务局）', 'convenience'],
    ['huaibei-xiangshan/46', '加强对户外劳动者的关心关爱', '加强对户外劳动者的关心关爱，新建、提升户外劳动者服务站点（工会驿站）20个以上。（牵头单位：区总工会）', 'convenience'],
    ['huaibei-xiangshan/47', '实施“惠民菜篮子”行动', '实施“惠民菜篮子”行动，推进25家商超及社区连锁店运行“惠民菜篮子”。（属市级任务）', 'convenience'],
    [
      'huaibei-xiangshan/49',
      '深入推进打击治理电信网络诈骗犯罪工作',
      '深入推进打击治理电信网络诈骗犯罪工作，全力遏制电信网络诈骗犯罪发案，强化反电诈专职队伍建设，电信网络诈骗发案幅度低于全省平均水平，预后被骗率低于全省平均水平，百警打处数高于全省平均水平（全市参照执行）。（牵头单位：区公安分局）',
      'public-safety',
    ],
    ['huaibei-xiangshan/50', '围绕重点民生食品', '围绕重点民生食品，开展食品安全“你点我检”监督抽检240批次。（属市级任务）', 'public-safety'],
    ['jinan-shizhong/1', '保障“学有所教”', '保障“学有所教”（区教育体育局负责） 建成中小学幼儿园8处，开工新建、改扩建中小学幼儿园6处。', 'childcare-education'],
    [
      'jinan-shizhong/2',
      '开展困难家庭学生扶助计划',
      '开展困难家庭学生扶助计划（区教育体育局负责） 为因家庭困难享受扶助政策的学生提供午餐补助，免费为一年级、四年级和七年级学生提供校服。',
      'childcare-education',
    ],
    [
      'jinan-shizhong/5',
      '举办各类文体活动',
      '举办各类文体活动（区教育体育局负责） 举行“科技筑梦”科普报告30场、家庭教育讲座100场；完善市中区艺术教育基地建设，研发艺术课程100项；建立校外劳动实践教育基地80处，开展劳动教育主题活动100次；为各街道办事处分别配备兼职全民健身志愿者2名，举办群众性体育活动及体育志愿服务不少于15次。',
      'culture-sports',
    ],
    [
      'jinan-shizhong/7',
      '9类困难群众11项保障标准再提升',
      '9类困难群众11项保障标准再提升（区民政局负责） 提高困难群众救助保障标准，对9类困难群众11项保障标准分别提高5%以上。',
      'social-security',
    ],
    [
      'jinan-shizhong/10',
      '建设零工市场、增加就业',
      '建设零工市场、增加就业（区人力资源社会保障局负责） 新增城镇就业1.78万人以上；发展公益性零工市场１家以上，建设零工公寓200间。',
      'employment',
    ],
    [
      'jinan-shizhong/12',
      '文化工程建设',
      '文化工程建设（区文化和旅游局负责） 提升更新农家书屋10家，建设历史文化展示工程示范点5处，开展“戏曲进乡村”及农村公益电影放映1000场次。',
      'culture-sports',
    ],
    [
      'jinan-shizhong/13',
      '安置房建设、租赁住房补贴',
      '安置房建设、租赁住房补贴（区住房城乡建设局、区重点工程服务中心负责） 建设市中安置基地、后魏华庄居民安置房2700套以上；筹集保障性租赁住房4700套（间）；为符合条件的城市中低收入住房困难家庭、新市民、青年人发放租赁住房补贴。',
      'housing-renewal',
    ],
    [
      'jinan-shizhong/16',
      '实施服务“一老一小”两个一工程',
      '实施服务“一老一小”两个一工程（区卫生健康局负责） 推出符合老年人需求的养老服务产品，开展“点餐式”“外卖式”的社区“嵌入式”养老服务；成立托育服务指导中心，设置社区托育点，逐步建立托育服务体系。',
      'elderly-care',
    ],
    [
      'jinan-shizhong/18',
      '中小学生、老年人、妇女关爱行动',
      '中小学生、老年人、妇女关爱行动（区卫生健康局、区妇联负责） 为全区白内障、翼状胬肉患者实施免费惠民手术至少500例；为全区中小学生、65岁以上老年人建立视觉健康档案，与部分社区建立眼科服务站并完善眼病防治体系。为全区城镇灵活就业和无业适龄妇女进行“两癌”免费检查；实现全区低收入适龄妇女“两癌”保险全覆盖。',
      'health',
    ],
    [
      'jinan-shizhong/20',
      '新建公园、公共卫生间',
      '新建公园、公共卫生间（区园林绿化服务中心、区城管局、生态环境市中分局负责） 建设口袋公园、社区公园、古树公园共8处，绿道6.6公里，新建、改建公共卫生间7座，建成5个“无废”社区和多座“无废”楼宇。',
      'environment',
    ],
    [
      'jining-jingkai/1',
      '实施婴幼儿托育扩容提质工程',
      '实施婴幼儿托育扩容提质工程。①婴幼儿托育扩容增位，强力推进公办幼托一体，年内新增托位162个，托位总数达到537个。②完成1个市级示范托育机构创建目标。',
      'childcare-education',
    ],
    [
      'jining-jingkai/3',
      '构建心理健康服务体系',
      '构建心理健康服务体系。①全区各乡镇卫生院设立心理咨询室，为全区广大群众提供优质心理咨询服务。②开展心理健康“五讲”宣传活动不少于6次，公益讲座不少于4场。',
      'health',
    ],
    [
      'jining-jingkai/5',
      '实施残疾儿童康复救助',
      '实施残疾儿童康复救助。为符合康复救助指征的脑瘫儿童实施手术救助，为有辅助器具需求的残疾儿童配发辅助器具，为有康复救助需求的残疾儿童和孤独症儿童提供康复训练。',
      'social-security',
    ],
    [
      'jining-jingkai/7',
      '实施困难老年人家庭适老化改造',
      '实施困难老年人家庭适老化改造。对50户高龄、失能等困难老年人家庭，根据房屋结构和老年人身体情况，进行卧室、厨房、卫生间基本适老化改造，方便老年人通行、洗浴、如厕、休息。',
      'elderly-care',
    ],
    ['jining-jingkai/8', '实施有线电视“银龄工程”', '实施有线电视“银龄工程”。在2022年的基础上，继续为1200户65岁以上老年人免费提供有线电视服务。', 'elderly-care'],
    [
      'jining-jingkai/10',
      '建全配齐中小学师生心理辅导室',
      '建全配齐中小学师生心理辅导室。①建设中小学心理辅导室30所，配置心理辅导室设施设备，开展心理健康讲座、心理辅导。②为中小学师生建立心理健康档案，每年进行1次心理健康普查，对问题师生进行跟踪干预。',
      'health',
    ],
    [
      'jining-jingkai/14',
      '实施城乡公益性岗位扩容提质行动',
      '实施城乡公益性岗位扩容提质行动。帮扶农村剩余劳动力和城镇长期失业人员就业，开发城乡公益性岗位549个，其中城镇公益性岗位209个，乡村公益性岗位340个。',
      'employment',
    ],
    [
      'jining-jingkai/15',
      '开展农业生产经营从业者培训',
      '开展农业生产经营从业者培训。年内培训农业生产经营从业者150人次，对学员开展后续跟踪服务，打造高素质农业生产经营队伍。',
      'agriculture-rural',
    ],
    [
      'jining-jingkai/16',
      '完成农村生活污水治理项目',
      '完成农村生活污水治理项目。采用建设集中污水处理站、集中拉运、纳入污水管网处理、集中生态处理等方式，完成各村生活污水治理，达到全区农村生活污水治理全覆盖。',
      'environment',
    ],
    [
      'jining-jingkai/17',
      '开展普法宣传教育',
      '开展普法宣传教育。深入开展普法工作进村居、进学校、进企业等“法律十进”活动，进行不少于10场次普法文艺惠演，增强全民法治观念，提升法治经开建设水平。',
      'public-safety',
    ],
    [
      'jining-jingkai/19',
      '提升社区物业管理能力水平',
      '提升社区物业管理能力水平。①建立健全我区红色物业，打造“儒风济宁·红色物业”品牌；开展“全员素质教育培训”工作，提高物业人员的服务效率与服务态度。②强化物业对业主进行消防安全隐患问题宣传，做到将消防安全深入人心；督促物业做好电动车上楼、飞线等问题监管，定期开展消防演练、防汛演练等。',
      'housing-renewal',
    ],
    [
      'jining-jingkai/20',
      '提升城市环境品质工程',
      '提升城市环境品质工程。①新建文祥路（嘉瑞路以东）、嘉德路（宏祥路一松岩机械）道路及配套工程。②对嘉路段（嘉诚1号）进行绿化提升，对星祥大道（中云）北侧绿化进行提档升级改造，建设嘉兴路与呈祥大道西南角口袋公园。③城区供热工程，铺设供热管道4km，覆盖下步所需上房的社区，基本做到城区社区集中供热全覆益。④燃气管网延伸工程，建设低压管网15.6km，实现主管网全覆盖。',
      'environment',
    ],
    [
      'jining-jingkai/21',
      '提升垃圾分类处理水平',
      '提升垃圾分类处理水平。在麟祥路北、济徐高速东建设日处理200吨生活垃圾全封闭直压式中转站1处，健全可回收物资源化利用设施；和嘉祥光大环保能源有限公司合作实现餐厨垃圾的集中收集处理；加强有害垃圾分类和暂存管理。',
      'environment',
    ],
    [
      'jining-yanzhou/1',
      '北护城河环河公园改造提升工程',
      '沿北护城河两岸，东起东御桥路，西至吕公堂街，按照“水清、岸绿、景美、河畅”的理念要求，充分结合现有自然条件，栽植乔灌木及地被，对河两岸现有护栏修整粉刷改造，局部铺设彩色透水混凝土园路，完善相关市政设施，结合景观需求增加、维修射树灯、草坪灯及庭院灯等景观装饰灯，努力为广大市民打造一个良好的休闲娱乐游玩的好去处。',
      'environment',
    ],
    ['jining-yanzhou/2', '老体育中心提升改造项目', '对老体育中心基础设施升级改造，满足东城区群众体育健身需求。', 'culture-sports'],
    [
      'jining-yanzhou/8',
      '政策性农业保险作物全覆盖',
      '实施政策性农业保险作物全覆盖工程。继续为全区政策性农业保险粮食作物小麦、玉米和大豆种植面积全额投保，投保时应由农户缴纳的20%保费由区财政承担，实现全区三大粮食作物政策性农业保险种植面积全覆盖。',
      'agriculture-rural',
    ],
    [
      'jining-yanzhou/9',
      '全民救助能力提升工程',
      '实施政府灾害民生综合保险项目。继续按照每人每年2元、每户每年2元的标准，为全区居民购买政府灾害民生综合保险，不断健全我区自然灾害和意外事故救助体系，降低群众财产损失。 实施电梯安全保险项目。继续为全区居民住宅、公众聚集场所和机关企事业单位电梯购买电梯安全责任保险。',
      'social-security',
    ],
    [
      'jining-yanzhou/11',
      '长期护理保险全覆盖项目',
      '实施职工、居民长期护理保险提升工程，设立长期护理保险社区服务站，优化工作流程，实现申请、鉴定、结算一站式服务，惠及全区50.41万参保职工和居民。',
      'elderly-care',
    ],
    [
      'jining-yanzhou/12',
      '职工大病医疗补助工程',
      '已在职在册加入工会组织且已参加城镇职工基本医疗保险的职工，患重大疾病在一个保障期内每年因病住院治疗、门诊治疗所花医药费，经基本医疗保险和大额医疗救助基金（参照医疗保障部门医疗结算单）报销后自费额累计超过0.8万元的视自费数额20%一次性给予大病医疗补助金，最高补助3万元。',
      'health',
    ],
    [
      'tianjin-hedong/1',
      '综合施策推动就业',
      '综合施策推动就业。促进高质量充分就业，推动全年新增就业1.65万人；开展补贴性职业培训1000人次；推荐550名高校毕业生等青年到见习基地开展见习，增强就业实践能力；帮扶就业困难群体就业，确保零就业家庭动态为零。加强困难群体就业兜底帮扶，自2023年7月1日起提高失业保险待遇标准。',
      'employment',
    ],
    [
      'tianjin-hedong/2',
      '优化教育资源配置',
      '优化教育资源配置。新增义务教育学位，加快义务教育学位资源建设，投入使用金地紫云府配套学校和路劲太阳城配套学校，新增义务教育学位2880个。完善特殊教育体系，建成1所十五年一贯制特殊教育学校。',
      'childcare-education',
    ],
    [
      'tianjin-hedong/4',
      '完善社区养老服务',
      '完善社区养老服务。推进老年人助餐服务，新建1家一级老人家食堂。开展家庭养老床位建设，建设家庭养老床位406张。优化智慧养老服务，为1200名高龄独居的特殊困难老人安装红外监测物联设备。',
      'elderly-care',
    ],
    [
      'tianjin-hedong/5',
      '提高医疗保障水平',
      '提高医疗保障水平。促进多层次医疗保障有序衔接，2023年，将居民医保住院最高支付限额从18万元提高到25万元；大病保险各费用段报销比例提高5个百分点；将本市基本医保门（急）诊政策范围内个人负担的医疗费用纳入大病保险保障范围，及时兑现待遇。实施积极生育保险政策，统筹提高生育保障待遇，支持灵活就业人员参加生育保险并享受待遇。降低群众医疗费用支出，深入开展长期护理保险制度试点，减轻重度失能人员及其家庭长期照护负担。',
      'health',
    ],
    [
      'tianjin-hedong/6',
      '救助帮扶困难群体',
      '救助帮扶困难群体。关爱特殊困难群体，对有需求且符合条件的残疾人家庭进行无障碍改造，切实为残疾人创造安全、便捷的居家环境，全年惠及260户残疾人家庭。在困难群众绿色通道救助的基础上，针对全区特困供养人员，开展免费陪诊、免费医疗等一站式服务。创新社会救助方式，将河东区享受低保、低收入家庭、特困供养人员、事实无人抚养儿童及散居孤儿人群1.4万余人列为保险对象，购买商业保险。健全社会救助体系，推动低保边缘家庭认定工作，落实居住地申办低保业务，方便群众办理，聚焦“更精准、更暖心”服务目标，保障困难群众生活。',
      'social-security',
    ],
    ['tianjin-hedong/10', '新增城市停车泊位', '新增城市停车泊位。利用闲置空地等资源增建城市停车泊位300个，方便群众停车。', 'transport'],
    [
      'tianjin-hedong/11',
      '改造供热管网设施',
      '改造供热管网设施。提升供暖服务质量，开展城区供热“冬病夏治”，对部分终端用户室内供热设施进行提升改造，改善用户室内供热效果。',
      'housing-renewal',
    ],
    ['tianjin-hedong/12', '优化便民商业布局', '优化便民商业布局。持续提升居民消费便利化水平，引进品牌连锁便利店5个。新建标准化菜市场1个。', 'convenience'],
    ['tianjin-hedong/14', '加强环境治理监测', '加强环境治理监测。持续推进安静居住小区创建，全年创建安静居住小区不少于1个。', 'environment'],
    [
      'tianjin-hedong/15',
      '打造生态宜居环境',
      '打造生态宜居环境。提升改造街头绿地，建设4个公众日常休闲的特色“口袋公园”。努力建设城市“绿水青山”，绿化提升重点道路、点位15万平方米。提升改造公厕2座。',
      'environment',
    ],
    [
      'tianjin-hedong/18',
      '关爱群众身心健康',
      '关爱群众身心健康。在全区20个社区建设未成年人“五爱”(爱祖国、爱人民、爱劳动、爱科学、爱社会主义)教育阵地。开展妇女儿童心理健康讲座、团体辅导共计20场。开展群众性、普及性红十字应急救护取证专题培训，普及应急救护知识与技能。',
      'health',
    ],
    [
      'tianjin-hedong/19',
      '加强人防社区维护',
      '加强人防社区维护。对全区11个人防示范社区进行维护，充分发挥示范社区宣传阵地作用，拓展宣传内容和渠道，将人防科普与党建宣传、创文创卫等工作相结合，更好地服务群众。',
      'public-safety',
    ],
    ['tianjin-hedong/20', '扎实做好服务保障', '扎实做好服务保障。推进服务体系建设，提升退役军人服务站服务保障效能。', 'social-security'],
  ])('gives %s (%s) the topic a reader gives it', (_id, title, text, slug) => {
    const result = assignTopic({ title, text });
    expect(result.slug).toBe(slug);
    expect(result.how).toBe('rule');
    expect(result.matched === undefined ? false : `${title}${text}`.includes(result.matched)).toBe(true);
  });
});

/** Frontmatter fields of a commitment entry that the topics need. */
interface EntryFields {
  district: string;
  number: number;
  title: string;
  text: string;
  category?: string;
}

/** Reads the frontmatter (between the first two `---` lines) of every built-in commitment. */
function builtInCommitments(): EntryFields[] {
  const root = join(import.meta.dirname, '..', 'content', 'commitments', '2023');
  const entries: EntryFields[] = [];
  for (const district of readdirSync(root).sort()) {
    for (const file of readdirSync(join(root, district)).filter((name) => name.endsWith('.md'))) {
      const lines = readFileSync(join(root, district, file), 'utf8').split(/\r?\n/u);
      const start = lines.indexOf('---');
      const end = lines.indexOf('---', start + 1);
      if (start < 0 || end < 0) throw new Error(`no frontmatter in ${district}/${file}`);
      entries.push(parse(lines.slice(start + 1, end).join('\n')) as EntryFields);
    }
  }
  return entries;
}

describe('report over every built-in commitment', () => {
  const entries = builtInCommitments();
  const assigned = entries.map((entry) => ({
    id: `${entry.district}/${entry.number}`,
    result: assignTopic({ heading: entry.category, title: entry.title, text: entry.text }),
  }));

  test('reads all five built-in notices', () => {
    expect(new Set(entries.map((entry) => entry.district)).size).toBe(5);
    expect(entries.length).toBeGreaterThan(100);
  });

  test('assigns every commitment a known topic', () => {
    for (const { result } of assigned) expect(topicBySlug(result.slug)).toBeDefined();
  });

  test('leaves fewer than 10% of the commitments as other', () => {
    const others = assigned.filter(({ result }) => result.slug === 'other').map(({ id }) => id);
    expect(others.length / assigned.length, `left as other: ${others.join(', ')}`).toBeLessThan(0.1);
  });

  test('uses the group heading for items of headings that name one topic', () => {
    const byHeading = assigned.filter(({ result }) => result.how === 'heading');
    expect(byHeading.length).toBeGreaterThan(0);
    expect(assigned.find(({ id }) => id === 'huaibei-xiangshan/5')?.result).toEqual<TopicAssignment>({
      slug: 'social-security',
      how: 'heading',
      matched: '社会保障',
      also: ['elderly-care'],
    });
    expect(assigned.find(({ id }) => id === 'huaibei-xiangshan/38')?.result).toEqual<TopicAssignment>({ slug: 'housing-renewal', how: 'rule', matched: '老旧小区' });
  });
});
