import { describe, expect, it } from 'vitest';
import { auditBounds, type Figure, type PublishedTables, type Relation } from './bounds-auditor';
import { determinedBySums } from './linked-auditor';
import { linkPages, pageOf, type Page } from './published-tables';

const T = 10;

/**
 * A page of one yes/no question as familyTables names it: column 0 is All, then the groups;
 * lines[option][group]; "no answer" and "not asked" are 0 and shown. `hidden` names figures.
 */
function page(name: string, groups: string[], lines: number[][], hidden: string[]): Page {
  const columns = [0, ...groups.map((_, g) => g + 1)];
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const withAll = lines.map((line) => [sum(line), ...line]);
  const responses = columns.map((j) => sum(withAll.map((line) => line[j]!)));
  const figures: Figure[] = [];
  const put = (figure: string, value: number, j: number) =>
    figures.push({ name: figure, value, shown: !hidden.includes(figure), sensitive: (value > 0 && value < T) || (value === 0 && responses[j]! < T) });
  const sumsTo = (total: string, parts: string[]): Relation => ({
    terms: [{ name: total, coefficient: -1 }, ...parts.map((p) => ({ name: p, coefficient: 1 }))],
    sense: '=',
  });
  const relations: Relation[] = [];
  const stems = ['r', 'q0:n', 'q0:s', ...lines.map((_, i) => `q0:x${i},`)];
  for (const j of columns) {
    put(`r${j}`, responses[j]!, j);
    put(`q0:n${j}`, 0, j);
    put(`q0:s${j}`, 0, j);
    withAll.forEach((line, i) => put(`q0:x${i},${j}`, line[j]!, j));
    relations.push(sumsTo(`r${j}`, [...lines.map((_, i) => `q0:x${i},${j}`), `q0:n${j}`, `q0:s${j}`]));
  }
  for (const stem of stems)
    relations.push(
      sumsTo(
        `${stem}0`,
        columns.slice(1).map((j) => `${stem}${j}`),
      ),
    );
  return { name, groups, tables: { threshold: T, figures, relations } };
}

// Wards W1 and W2 are in committee C1, W3 and W4 in C2. The ward page hides yes and no of W2
// and W3 (W2's yes is 5): a box whose every sum is shown, so on its own the page leaves W2's yes
// anywhere from 0 to 17. C1's yes (25, shown on the committee page) less W1's (20) is W2's.
const wards = page(
  'ward',
  ['W1', 'W2', 'W3', 'W4'],
  [
    [20, 5, 14, 30],
    [15, 12, 16, 25],
  ],
  ['q0:x0,2', 'q0:x1,2', 'q0:x0,3', 'q0:x1,3'],
);
const committees = page(
  'areaCommittee',
  ['C1', 'C2'],
  [
    [25, 44],
    [27, 41],
  ],
  [],
);
const overall: Page = {
  name: 'overall',
  groups: null,
  tables: {
    ...committees.tables,
    figures: committees.tables.figures.filter((f) => /\D0$/.test(f.name)),
    relations: committees.tables.relations.filter((r) => r.terms.every((t) => /\D0$/.test(t.name))),
  },
};
const nesting = {
  inner: 'ward',
  outer: 'areaCommittee',
  parentOf: new Map([
    ['W1', 'C1'],
    ['W2', 'C1'],
    ['W3', 'C2'],
    ['W4', 'C2'],
  ]),
};

describe('every published page read together', () => {
  it('leaves each page safe on its own', async () => {
    for (const p of [overall, wards, committees]) {
      expect(determinedBySums(p.tables), p.name).toEqual([]);
      expect((await auditBounds(p.tables)).failures, p.name).toEqual([]);
    }
  });

  it("finds a hidden ward's figure from its committee's: determined only across the two tables", async () => {
    const together: PublishedTables = linkPages([overall, wards, committees], [nesting]);
    const exact = determinedBySums(together);
    expect(exact).toContainEqual({ name: 'q0:x0,@ward=W2', value: 5n });
    // The rest of the box follows: W2's no, and W3's yes and no.
    expect(exact.map((f) => f.name).sort()).toEqual(['q0:x0,@ward=W2', 'q0:x0,@ward=W3', 'q0:x1,@ward=W2', 'q0:x1,@ward=W3']);
    const { failures } = await auditBounds(together);
    expect(failures.find((f) => f.name === 'q0:x0,@ward=W2')).toMatchObject({ kind: 'determined', lower: 5, upper: 5, sensitive: true });
    expect(new Set(failures.map((f) => pageOf(f.name)))).toEqual(new Set(['ward']));
  });

  it('shares the All column with the overall page, and adds nothing between pages that do not nest', async () => {
    const together = linkPages([overall, wards, committees], []);
    // One figure for everyone's yes, not one per page.
    expect(together.figures.filter((f) => f.name === 'q0:x0,@all')).toHaveLength(1);
    expect(pageOf('q0:x0,@all')).toBe('overall');
    expect(determinedBySums(together)).toEqual([]);
    expect((await auditBounds(together)).failures).toEqual([]);
  });

  it('refuses two pages that disagree about one figure', () => {
    const other = page(
      'sex',
      ['F', 'M'],
      [
        [40, 29],
        [50, 8],
      ],
      [],
    );
    expect(() => linkPages([wards, other], [])).toThrow('r@all is 137 on one page and 127 on sex');
  });
});
