import type { Figure, PublishedTables, Relation } from './bounds-auditor';

// Every table a consultation publishes, read together (issue 15: "safe to publish means safe
// together"). Each page (the overall figures, or one breakdown) comes as familyTables
// (bounds-auditor.ts) builds it, its columns numbered: 0 is everyone (the overall page's one
// column, a breakdown's All), 1.. a breakdown's groups. Read side by side they share figures and
// sums a single page does not show:
//   - a breakdown's All column is the overall figures themselves, so both are one figure (known
//     wherever either page shows it);
//   - a breakdown that nests in another (wards in area committees, detailed ethnicity in its
//     census group) adds up to it group by group, figure by figure: the committee's count of an
//     answer is the sum of its wards' counts of it.
// The pages' own sums (groups to All, answers to responses) come along unchanged.

export interface Page {
  /** 'overall', or the breakdown's dimension: pages of one name are the same groups' figures. */
  name: string;
  /** The group key of each column after All (a breakdown); null for the overall page (one column). */
  groups: readonly string[] | null;
  tables: PublishedTables;
}

/** Each inner group belongs to one outer group (wards to area committees), by group key. */
export interface Nesting {
  inner: string;
  outer: string;
  parentOf: ReadonlyMap<string, string>;
}

/** A figure's name in familyTables: `r3`, `q0:n3`, `q0:s3`, `q0:x2,3` (or a ranking's `f`, `t`, `m`), its column last. */
const COLUMN = /^(r|q\d+:[ns]|q\d+:[xftm]\d+,)(\d+)$/;

export const EVERYONE = 'all';

function split(name: string): { stem: string; column: number } {
  const m = COLUMN.exec(name);
  if (!m) throw new Error(`not a page's figure: ${name}`);
  return { stem: m[1]!, column: Number(m[2]) };
}

/** The figure's name among all pages: `stem@all` for everyone, `stem@page=group` for a group. */
function renamer(page: Page): (name: string) => string {
  return (name) => {
    const { stem, column } = split(name);
    if (column === 0) return `${stem}@${EVERYONE}`;
    const group = page.groups?.[column - 1];
    if (group === undefined) throw new Error(`${page.name}: no group for column ${column} of ${name}`);
    return `${stem}@${page.name}=${group}`;
  };
}

/** The page a figure of linkPages belongs to: 'overall' for everyone's figures. */
export function pageOf(name: string): string {
  const at = name.slice(name.lastIndexOf('@') + 1);
  return at === EVERYONE ? 'overall' : at.slice(0, at.indexOf('='));
}

const relationKey = (r: Relation) =>
  `${r.sense}${r.constant ?? 0}:${r.terms
    .map((t) => `${t.coefficient}*${t.name}`)
    .sort()
    .join('+')}`;

/** Every page as one system: shared figures merged, each page's sums, and the sums between nested breakdowns. */
export function linkPages(pages: readonly Page[], nestings: readonly Nesting[]): PublishedTables {
  const threshold = pages[0]?.tables.threshold;
  if (threshold === undefined) throw new Error('no page to link');
  const figures = new Map<string, Figure>();
  const relations = new Map<string, Relation>();
  const stems = new Map<string, Set<string>>();
  const add = (relation: Relation) => relations.set(relationKey(relation), relation);

  for (const page of pages) {
    if (page.tables.threshold !== threshold) throw new Error(`${page.name}: another threshold`);
    const rename = renamer(page);
    // The same breakdown published twice (protected apart) is one set of figures and sums.
    const own = stems.get(page.name) ?? new Set<string>();
    for (const figure of page.tables.figures) {
      const name = rename(figure.name);
      own.add(split(figure.name).stem);
      const seen = figures.get(name);
      // One figure on two pages is the same true value: shown on either, it is known.
      if (seen && seen.value !== figure.value) throw new Error(`${name} is ${seen.value} on one page and ${figure.value} on ${page.name}`);
      figures.set(name, {
        name,
        value: figure.value,
        shown: figure.shown || (seen?.shown ?? false),
        sensitive: figure.sensitive || (seen?.sensitive ?? false),
      });
    }
    stems.set(page.name, own);
    for (const relation of page.tables.relations) add({ ...relation, terms: relation.terms.map((t) => ({ ...t, name: rename(t.name) })) });
  }

  for (const { inner, outer, parentOf } of nestings) {
    const innerPage = pages.find((p) => p.name === inner);
    const outerPage = pages.find((p) => p.name === outer);
    if (!innerPage?.groups || !outerPage?.groups) continue;
    const children = new Map<string, string[]>();
    for (const group of innerPage.groups) {
      const parent = parentOf.get(group);
      if (parent === undefined || !outerPage.groups.includes(parent)) throw new Error(`${inner} ${group} is in no ${outer} group shown`);
      children.set(parent, [...(children.get(parent) ?? []), group]);
    }
    for (const parent of outerPage.groups) {
      const wards = children.get(parent) ?? [];
      for (const stem of stems.get(outer) ?? []) {
        if (!stems.get(inner)?.has(stem)) throw new Error(`${inner} has no ${stem} figures to add up to ${outer}'s`);
        add({
          terms: [{ name: `${stem}@${outer}=${parent}`, coefficient: -1 }, ...wards.map((w) => ({ name: `${stem}@${inner}=${w}`, coefficient: 1 }))],
          sense: '=',
        });
      }
    }
  }
  return { threshold, figures: [...figures.values()], relations: [...relations.values()] };
}
