import { matchUnit, parseRoster, rosterUnitFor, unitKey } from '../../src/core/rollup/roster';
import type { Roster, RosterUnit } from '../../src/core/rollup/types';
import type { Grid } from '../../src/core/table/grid';
import type { CellValue } from '../../src/core/values/types';

const HEADER = ['序号', '单位名称', '单位层级', '上级单位', '别名', '截止日期'];

function sheet(rows: CellValue[][], typed = true): Grid {
  return { sheet: '单位名单', rows, typed };
}

function names(units: readonly RosterUnit[]): string[] {
  return units.map((unit) => unit.name);
}

/** A roster made by hand, as the CLI may load one from JSON. */
function roster(units: Partial<RosterUnit>[]): Roster {
  return {
    source: 'test',
    units: units.map((unit, i) => ({ name: '', aliases: [], row: i + 2, ...unit })),
    issues: [],
  };
}

describe('unitKey', () => {
  it.each([
    ['河东区总工会女职工委员会', '河东区总工会'],
    ['河东区总工会女职委', '河东区总工会'],
    ['河东区总工会女职工部', '河东区总工会'],
    ['河东区总工会女工部', '河东区总工会'],
    ['河东区总工会（女职委）', '河东区总工会'],
    ['河东区总工会 女职工委员会', '河东区总工会'],
  ])('strips the department suffix of %s, keeping 工会', (name, key) => {
    expect(unitKey(name)).toBe(key);
  });

  it('strips the suffix only at the end', () => {
    expect(unitKey('女职委活动中心')).toBe('女职委活动中心');
    expect(unitKey('天津市女职工部联络站')).toBe('天津市女职工部联络站');
  });

  it('keeps a name that is nothing but a department', () => {
    expect(unitKey('女职委')).toBe('女职委');
  });

  it('folds full-width forms, spaces of every width and brackets', () => {
    expect(unitKey('天津港（集团）有限公司工会')).toBe(unitKey('天津港(集团)有限公司工会'));
    expect(unitKey('天津港【集团】有限公司工会')).toBe('天津港(集团)有限公司工会');
    expect(unitKey('河东区　总工会')).toBe('河东区总工会');
    expect(unitKey(' 河东区 总\t工会\n')).toBe('河东区总工会');
    expect(unitKey('ＴＥＤＡ第１中学工会')).toBe('teda第1中学工会');
  });

  it('keeps different names apart', () => {
    expect(unitKey('河东区总工会')).not.toBe(unitKey('河西区总工会'));
    expect(unitKey('河东区总工会女职委')).not.toBe(unitKey('河东区总工会机关工会'));
  });
});

describe('parseRoster', () => {
  it('reads units below a title row and a unit line, with every column', () => {
    const grid = sheet([
      ['2024年河东区女职工工作报表单位名单'],
      ['填报单位：', '河东区总工会'],
      HEADER,
      [
        1,
        '河东区教育局工会',
        '系统',
        '河东区总工会',
        '教育局工会、区教育工会；教育系统工会,教委工会，教育工会',
        new Date(Date.UTC(2024, 2, 20)),
      ],
      [2, '大王庄街总工会', '街道', '河东区总工会', '', '2024/3/21'],
      [],
      [3, '河东区卫健委工会', '系统', '河东区总工会', null, 45376],
      [4, '二号桥街总工会', '街道', '', '', '2024年3月22日'],
    ]);
    const result = parseRoster(grid, '名单.xlsx', 'zh-CN');
    expect(result.issues).toEqual([]);
    expect(result.source).toBe('名单.xlsx');
    expect(result.units).toEqual([
      {
        name: '河东区教育局工会',
        level: '系统',
        parent: '河东区总工会',
        aliases: ['教育局工会', '区教育工会', '教育系统工会', '教委工会', '教育工会'],
        deadline: '2024-03-20',
        row: 4,
      },
      { name: '大王庄街总工会', level: '街道', parent: '河东区总工会', aliases: [], deadline: '2024-03-21', row: 5 },
      { name: '河东区卫健委工会', level: '系统', parent: '河东区总工会', aliases: [], deadline: '2024-03-25', row: 7 },
      { name: '二号桥街总工会', level: '街道', aliases: [], deadline: '2024-03-22', row: 8 },
    ]);
  });

  it('accepts the 单位/名称/单位全称 variants and columns in any order, without optional ones', () => {
    for (const label of ['单位', '名称', '单位全称', '*单位名称', '单位名称（全称）']) {
      const result = parseRoster(
        sheet([
          ['上级单位', label],
          ['河东区总工会', '大王庄街总工会'],
        ]),
        'r.csv',
        'zh-CN',
      );
      expect(result.issues).toEqual([]);
      expect(result.units).toEqual([{ name: '大王庄街总工会', parent: '河东区总工会', aliases: [], row: 2 }]);
    }
  });

  it('does not take a unit line (单位：) for the header', () => {
    const result = parseRoster(
      sheet([
        ['单位：', '河东区总工会'],
        ['单位', '上级单位'],
        ['大王庄街总工会', '河东区总工会'],
      ]),
      'r.xlsx',
      'zh-CN',
    );
    expect(names(result.units)).toEqual(['大王庄街总工会']);
    expect(result.units[0]!.row).toBe(3);
  });

  it('reports a sheet without a 单位名称 header: no units, one issue', () => {
    const result = parseRoster(
      sheet([
        ['序号', '名字'],
        [1, '河东区总工会'],
      ]),
      '名单.xlsx',
      'zh-CN',
    );
    expect(result.units).toEqual([]);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.code).toBe('roster.no-name-column');
    expect(result.issues[0]!.severity).toBe('error');
    expect(result.issues[0]!.message).toBe('单位名单中没有找到“单位名称”列，请在前10行内的表头中写明“单位名称”，每个单位占一行');
    expect(result.issues[0]!.file).toBe('名单.xlsx');
  });

  it('looks for the header in the first 10 rows only', () => {
    const title = (n: number): CellValue[][] => Array.from({ length: n }, (_, i) => [`说明文字${i}`]);
    expect(names(parseRoster(sheet([...title(9), ['单位名称'], ['河东区总工会']]), 'r', 'zh-CN').units)).toEqual(['河东区总工会']);
    const late = parseRoster(sheet([...title(10), ['单位名称'], ['河东区总工会']]), 'r', 'zh-CN');
    expect(late.units).toEqual([]);
    expect(late.issues.map((i) => i.code)).toEqual(['roster.no-name-column']);
  });

  it('reports an empty grid as having no 单位名称 column', () => {
    const result = parseRoster(sheet([]), 'r.csv', 'zh-CN');
    expect(result.units).toEqual([]);
    expect(result.issues.map((i) => i.code)).toEqual(['roster.no-name-column']);
  });

  it('warns when the header is there but no unit is listed', () => {
    const result = parseRoster(sheet([HEADER, [1], [2]]), 'r', 'zh-CN');
    expect(result.units).toEqual([]);
    expect(result.issues.map((i) => [i.code, i.message])).toEqual([
      ['roster.empty', '单位名单中没有单位，请在“单位名称”列下逐行填写应报送的单位'],
    ]);
  });

  it('skips blank rows, numbered empty rows, 合计 and note lines; warns of a row with details but no name', () => {
    const result = parseRoster(
      sheet([
        HEADER,
        [1, '大王庄街总工会', '街道'],
        ['', '   ', null],
        [2, '', ''],
        [3, '　', '街道', '河东区总工会'],
        [4, '二号桥街总工会'],
        ['合计', '2个单位'],
        ['注：名单由区总工会女职工部提供'],
        ['填表人：张三'],
      ]),
      'r',
      'zh-CN',
    );
    expect(names(result.units)).toEqual(['大王庄街总工会', '二号桥街总工会']);
    expect(result.issues.map((i) => [i.code, i.row, i.message])).toEqual([
      ['roster.blank-name', 5, '第5行：这一行没有填写单位名称，已跳过；请补上单位名称或删去这一行'],
    ]);
  });

  it('keeps the first of two rows naming one unit and names both rows', () => {
    const result = parseRoster(
      sheet([
        ['河东区单位名单'],
        HEADER,
        [1, '河东区总工会', '区县'],
        [2, '大王庄街总工会'],
        [3, '二号桥街总工会'],
        [4, '春华街总工会'],
        [5, '河东区总工会女职委', '街道'],
      ]),
      'r',
      'zh-CN',
    );
    expect(names(result.units)).toEqual(['河东区总工会', '大王庄街总工会', '二号桥街总工会', '春华街总工会']);
    expect(result.units[0]!.level).toBe('区县');
    expect(result.issues).toHaveLength(1);
    const [issue] = result.issues;
    expect(issue!.code).toBe('roster.duplicate');
    expect(issue!.row).toBe(7);
    expect(issue!.message).toBe('名单中“河东区总工会”重复（第3行、第7行），已按第3行读取；请删去重复的一行');
  });

  it('reports a deadline that is not a date and keeps the unit without one', () => {
    const result = parseRoster(
      sheet([
        HEADER,
        [1, '大王庄街总工会', '', '', '', '2024-13-01'],
        [2, '二号桥街总工会', '', '', '', '月底前'],
        [3, '春华街总工会', '', '', '', '—'],
        [4, '中山门街总工会', '', '', '', '3月20日'],
      ]),
      'r',
      'zh-CN',
    );
    expect(names(result.units)).toEqual(['大王庄街总工会', '二号桥街总工会', '春华街总工会', '中山门街总工会']);
    for (const unit of result.units) expect(unit.deadline).toBeUndefined();
    expect(result.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      // Shaped like a date but no day on the calendar: said in so many words.
      [
        'roster.impossible-deadline',
        'F2',
        'F2 截止日期：“2024-13-01”不是真实的日期：一年只有 12 个月，没有 13 月；请核对后按 2024-03-20 的格式填写。在改正之前，该单位暂不设单独的截止日期',
      ],
      ['roster.bad-deadline', 'F3', 'F3 截止日期：“月底前”不是有效日期，该单位暂不设单独的截止日期；请按 2024-03-20 的格式填写'],
      // A day without a year: never guessed.
      ['roster.bad-deadline', 'F5', 'F5 截止日期：“3月20日”不是有效日期，该单位暂不设单独的截止日期；请按 2024-03-20 的格式填写'],
    ]);
    expect(result.issues[0]!.severity).toBe('error');
  });

  it('reads deadlines in a CSV roster, where every cell is text', () => {
    const result = parseRoster(
      sheet(
        [
          ['单位名称', '截止日期'],
          ['大王庄街总工会', '２０２４－０３－２０'],
          ['二号桥街总工会', '2024.3.21'],
        ],
        false,
      ),
      'r.csv',
      'zh-CN',
    );
    expect(result.issues).toEqual([]);
    expect(result.units.map((u) => u.deadline)).toEqual(['2024-03-20', '2024-03-21']);
  });

  it('reports an alias that is another unit’s name or alias, and does not use it', () => {
    const result = parseRoster(
      sheet([
        HEADER,
        [1, '河东区教育局工会', '', '', '教育局工会、二号桥街总工会女职委'],
        [2, '二号桥街总工会', '', '', ''],
        [3, '河东区教育局机关工会', '', '', '教育局工会，机关工会'],
      ]),
      'r',
      'zh-CN',
    );
    expect(result.units.map((u) => u.aliases)).toEqual([['教育局工会'], [], ['机关工会']]);
    expect(result.issues.map((i) => [i.code, i.cell, i.message])).toEqual([
      [
        'roster.alias-clash',
        'E2',
        'E2 别名：别名“二号桥街总工会女职委”已是第3行“二号桥街总工会”的名称或别名，无法区分，已不按此别名匹配；请删去或改正该别名',
      ],
      [
        'roster.alias-clash',
        'E4',
        'E4 别名：别名“教育局工会”已是第2行“河东区教育局工会”的名称或别名，无法区分，已不按此别名匹配；请删去或改正该别名',
      ],
    ]);
    expect(matchUnit(result, '二号桥街总工会女职委').unit?.name).toBe('二号桥街总工会');
    expect(matchUnit(result, '教育局工会').unit?.name).toBe('河东区教育局工会');
  });

  it('writes its messages in English when asked', () => {
    const result = parseRoster(sheet([HEADER, [1, '河东区总工会'], [2, '河东区总工会']]), 'r', 'en');
    expect(result.issues.map((i) => i.message)).toEqual([
      '"河东区总工会" appears twice in the roster (rows 2 and 3); row 2 is used. Please delete the repeated row',
    ]);
  });
});

describe('matchUnit', () => {
  const units = roster([
    { name: '天津市河东区总工会', aliases: ['河东区总工会', '河东总工会'] },
    { name: '大王庄街道总工会', aliases: [] },
    { name: '河东区教育局工会', aliases: ['区教育工会'] },
    { name: '河东区卫生健康委员会工会', aliases: [] },
    { name: '天津港（集团）有限公司工会', aliases: [] },
  ]);

  it('matches exactly after folding widths, spaces, brackets and department suffixes', () => {
    expect(matchUnit(units, '大王庄街道总工会女职委').unit?.name).toBe('大王庄街道总工会');
    expect(matchUnit(units, '大王庄街道总工会（女职工委员会）').unit?.name).toBe('大王庄街道总工会');
    expect(matchUnit(units, ' 大王庄街道　总工会 ').unit?.name).toBe('大王庄街道总工会');
    expect(matchUnit(units, '天津港(集团)有限公司工会女工部').unit?.name).toBe('天津港（集团）有限公司工会');
    expect(matchUnit(units, '大王庄街道总工会女职委').suggestions).toEqual([]);
  });

  it('matches aliases exactly after the same folding', () => {
    expect(matchUnit(units, '河东总工会').unit?.name).toBe('天津市河东区总工会');
    expect(matchUnit(units, '河东区总工会女职工委员会').unit?.name).toBe('天津市河东区总工会');
    expect(matchUnit(units, '区教育工会').unit?.name).toBe('河东区教育局工会');
  });

  it('never matches a looser name silently: suggestions only', () => {
    // Contained in a roster name.
    const street = matchUnit(units, '大王庄街道');
    expect(street.unit).toBeUndefined();
    expect(names(street.suggestions)).toEqual(['大王庄街道总工会']);
    // A roster name with a place in front.
    const port = matchUnit(units, '天津市天津港（集团）有限公司工会');
    expect(port.unit).toBeUndefined();
    expect(names(port.suggestions)).toEqual(['天津港（集团）有限公司工会']);
    // The same name under another place.
    const health = matchUnit(units, '河西区卫生健康委员会工会');
    expect(health.unit).toBeUndefined();
    expect(names(health.suggestions)).toEqual(['河东区卫生健康委员会工会']);
  });

  it('suggests a roster name one character away (a homophone typed for another), in longer names only', () => {
    const streets = roster([{ name: '向阳楼街道总工会' }, { name: '河东区总工会' }]);
    const typo = matchUnit(streets, '向阳路街道总工会');
    expect(typo.unit).toBeUndefined();
    expect(names(typo.suggestions)).toEqual(['向阳楼街道总工会']);
    // two characters off, or a short name: no suggestion
    expect(matchUnit(streets, '向东路街道总工会').suggestions).toEqual([]);
    expect(matchUnit(streets, '河西区总工会').suggestions).toEqual([]);
  });

  it('suggests nothing for unrelated, generic or blank names', () => {
    expect(matchUnit(units, '红桥区总工会')).toEqual({ suggestions: [] });
    expect(matchUnit(units, '工会')).toEqual({ suggestions: [] });
    expect(matchUnit(units, '   ')).toEqual({ suggestions: [] });
    // 河西区总工会 and 天津市河东区总工会 share only 总工会: not a suggestion.
    expect(matchUnit(units, '河西区总工会')).toEqual({ suggestions: [] });
  });

  it('gives at most three suggestions, closest first', () => {
    const many = roster([
      { name: '河东区教育局机关工会' },
      { name: '河东区教育局工会' },
      { name: '河东区教育局第一中学工会' },
      { name: '河东区教育局第二中学工会' },
      { name: '天津市河东区教育局' },
    ]);
    const result = matchUnit(many, '河东区教育局');
    expect(result.unit).toBeUndefined();
    expect(names(result.suggestions)).toEqual(['天津市河东区教育局', '河东区教育局工会', '河东区教育局机关工会']);
  });

  it('follows a roster that changes after it was indexed', () => {
    const growing = roster([{ name: '大王庄街道总工会' }]);
    expect(matchUnit(growing, '二号桥街道总工会').unit).toBeUndefined();
    growing.units.push({ name: '二号桥街道总工会', aliases: [], row: 3 });
    expect(matchUnit(growing, '二号桥街道总工会').unit?.name).toBe('二号桥街道总工会');
  });

  it('answers 10,000 look-ups against a large roster quickly', () => {
    const big = roster(Array.from({ length: 1000 }, (_, i) => ({ name: `河东区第${i}号单位工会`, aliases: [`第${i}号单位`] })));
    const started = Date.now();
    let matched = 0;
    for (let i = 0; i < 10_000; i++) if (matchUnit(big, i % 2 ? `河东区第${i % 1000}号单位工会女职委` : `河西区某单位${i}`).unit) matched++;
    expect(matched).toBe(5000);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('rosterUnitFor', () => {
  const units = roster([
    { name: '河东区总工会', aliases: ['河东总工会'] },
    { name: '河东区教育局工会', parent: '河东区总工会' },
  ]);

  it('is the unit itself when it is on the roster', () => {
    expect(rosterUnitFor(units, '河东区教育局工会女职委', '河东区总工会')).toEqual({ unit: units.units[1], via: 'self' });
  });

  it('is the 上级单位 when only that is on the roster', () => {
    expect(rosterUnitFor(units, '河东区第一中学工会', '河东区教育局工会')).toEqual({ unit: units.units[1], via: 'parent' });
    expect(rosterUnitFor(units, '大王庄街道总工会', '河东总工会')).toEqual({ unit: units.units[0], via: 'parent' });
  });

  it('is nothing when neither is on the roster, and never a near match', () => {
    expect(rosterUnitFor(units, '红桥区总工会')).toEqual({});
    expect(rosterUnitFor(units, '红桥区第一中学工会', '红桥区总工会')).toEqual({});
    expect(rosterUnitFor(units, '天津市河东区教育局工会', '')).toEqual({});
  });
});
