/**
 * The status rules, tested as a table: report wording in, status and quoted
 * words out. And the methodology (状态说明) generated from the same rules
 * says only what the rules do.
 */
import { describe, expect, test } from 'vitest';
import { methodology, readStatus, statusFromRate, statusRules } from '../src/lib/report/status.ts';
import { Status } from '../src/lib/schema.ts';

describe('readStatus', () => {
  test.each([
    ['新增托位320个，已完成', '已完成', '已完成'],
    ['已于5月全部完成，新增泊位1100个', '已完成', '已于5月全部完成'],
    ['区级托育综合服务中心已建成投用', '已完成', '已建成'],
    ['8项民生实事已全部如期兑现、办结', '已完成', '如期兑现'],
    ['新增泊位1150个，超额完成年度目标', '超额完成', '超额完成'],
    ['主体完工3处，基本完成', '基本完成', '主体完工'],
    ['12个小区均已开工，正常推进', '正常推进', '已开工'],
    ['已完成选址，序时推进', '正常推进', '序时推进'],
    ['已完成80%，正在加快推进', '正常推进', '加快推进'],
    ['受选址调整影响，进度滞后', '进度滞后', '进度滞后'],
    ['以下项目推进缓慢', '进度滞后', '推进缓慢'],
    ['尚未开工', '未启动', '尚未开工'],
    ['因资金未到位，未能按期完成', '到期未完成', '未能按期完成'],
    ['年底未完成全年目标', '到期未完成', '未完成全年目标'],
    ['正 常 推 进', '正常推进', '正 常 推 进'],
  ] as const)('should read %s as %s, quoting %s', (text, status, words) => {
    expect(readStatus(text)).toEqual({ status, words });
  });

  test.each([['计划年底前全部完成'], ['确保如期完成'], ['已完成2公里'], ['已完成投资3000万元'], ['完成率40%'], ['新增普惠性托位300个'], ['建成5处']])(
    'should read no status from %s',
    (text) => {
      expect(readStatus(text)).toBeUndefined();
    },
  );
});

describe('statusFromRate', () => {
  test.each([
    [115, '超额完成'],
    [100, '已完成'],
    [99.5, undefined],
    [0, undefined],
  ] as const)('should read a completion rate of %s%% as %s', (rate, status) => {
    expect(statusFromRate(rate)).toBe(status);
  });
});

describe('methodology', () => {
  test('should list every status of the scale once, 未见报告 with no words', () => {
    const rows = methodology();
    expect(rows.map((r) => r.status).sort()).toEqual([...Status.options].sort());
    expect(rows.find((r) => r.status === '未见报告')?.words).toEqual([]);
    for (const row of rows) expect(row.meaning).not.toBe('');
  });

  test('should list only words that the rules read as that status', () => {
    for (const row of methodology()) {
      for (const word of row.words) expect(readStatus(word)?.status, word).toBe(row.status);
    }
  });

  test('should rank the rules in the order readStatus applies them', () => {
    const ranks = methodology()
      .filter((r) => r.precedence > 0)
      .sort((a, b) => a.precedence - b.precedence);
    expect(ranks.map((r) => r.status)).toEqual(statusRules.map((r) => r.status));
  });
});
