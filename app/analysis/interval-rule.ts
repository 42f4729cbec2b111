import { HiddenNetwork, type Entry } from './feasibility';

// The interval rule of issue 15 on one table (the rule tests/bounds-auditor.ts audits, after
// tau-ARGUS; Hundepool et al. 2012): whatever the shown figures and "every count is a whole
// number ≥ 0" let a reader work out, a primary (small) value x must still be possibly anything
// from 0 to t-1, as its "fewer than t" label says, so it needs room to fall by x and rise by
// t-1-x; any other hidden value needs room to move at all (else it is determined). The room is
// measured by maximum flow (feasibility.ts). Hiding more only ever adds room, so an entry once
// found to keep the rule keeps it until one of the entries its room ran through is shown again:
// that is remembered, and most checks cost nothing.

export type Failure = { entry: Entry; way: 'rise' | 'fall' | 'either'; need: number };

export class IntervalRule {
  private readonly network: HiddenNetwork;
  private readonly width: number;
  /** Entries found to keep the rule, with the entries their room ran through. */
  private readonly kept = new Map<number, number[]>();

  constructor(
    private readonly grid: readonly (readonly number[])[],
    private readonly hidden: boolean[][],
    private readonly primary: readonly (readonly boolean[])[],
    private readonly threshold: number,
    ceilings?: readonly (readonly (number | undefined)[])[],
  ) {
    this.network = new HiddenNetwork(grid, hidden, ceilings);
    this.width = grid[0]?.length ?? 0;
  }

  hide(entry: Entry): void {
    (this.hidden[entry.i] as boolean[])[entry.j] = true;
    this.network.set(entry, true);
  }

  show(entry: Entry): void {
    (this.hidden[entry.i] as boolean[])[entry.j] = false;
    this.network.set(entry, false);
    const id = entry.i * this.width + entry.j;
    this.kept.delete(id);
    for (const [other, through] of this.kept) if (through.includes(id)) this.kept.delete(other);
  }

  /** Where a hidden entry breaks the rule, and the room it lacks. */
  failure(entry: Entry): Failure | undefined {
    const id = entry.i * this.width + entry.j;
    if (this.kept.has(id)) return undefined;
    const value = this.grid[entry.i]?.[entry.j] ?? 0;
    let found: Failure | undefined;
    let through: number[];
    if (this.primary[entry.i]?.[entry.j]) {
      const down = value;
      const up = Math.max(0, this.threshold - 1 - value);
      const room = this.network.movement(entry, Math.max(down, up));
      through = room.through;
      if (room.fall < down) found = { entry, way: 'fall', need: down };
      else if (room.rise < up) found = { entry, way: 'rise', need: up };
    } else {
      const room = this.network.movement(entry, 1);
      through = room.through;
      // Either way will do: rising never runs into zero on the entry's own edge, falling may be cheaper.
      if (room.rise < 1 && room.fall < 1) found = { entry, way: value > 0 ? 'either' : 'rise', need: 1 };
    }
    if (!found) this.kept.set(id, through);
    return found;
  }

  /** The first hidden entry, in reading order, that breaks the rule (`skip`: those no hiding can help). */
  firstFailure(skip: ReadonlySet<string> = new Set()): Failure | undefined {
    for (let i = 0; i < this.hidden.length; i++) {
      for (let j = 0; j < this.width; j++) {
        if (!this.hidden[i]?.[j] || skip.has(`${i},${j}`)) continue;
        const found = this.failure({ i, j });
        if (found) return found;
      }
    }
    return undefined;
  }

  /**
   * Hides more until every hidden entry keeps the rule, cheapest first (`order`) among the entries
   * crossing the minimum cut that holds the failing one in: a single one that gives it all the
   * room it lacks, else one that closes a cycle carrying more of it, else any that takes the cut
   * further. Returns the entries no hiding could help (only in a table whose lines do not add
   * up, see feasibility.ts), as "i,j".
   */
  widen(order: (a: Entry, b: Entry) => number): Set<string> {
    const unrepairable = new Set<string>();
    for (;;) {
      const failing = this.firstFailure(unrepairable);
      if (!failing) return unrepairable;
      // A cell whose own ceiling leaves it less room than it needs: hiding more cannot help.
      const [up] = this.network.room(failing.entry);
      if (failing.way === 'rise' && up < failing.need) {
        unrepairable.add(`${failing.entry.i},${failing.entry.j}`);
        continue;
      }
      const ways = failing.way === 'either' ? (['rise', 'fall'] as const) : [failing.way];
      const across: Entry[] = [];
      const closing: Entry[] = [];
      const add = (list: Entry[], more: Entry[]) => list.push(...more.filter((e) => !list.some((a) => a.i === e.i && a.j === e.j)));
      for (const way of ways) {
        const found = this.network.widening(failing.entry, way, this.hidden, failing.need);
        add(across, found.across);
        add(closing, found.closing);
      }
      across.sort(order);
      closing.sort(order);
      // Only an entry that closes a cycle can carry more of the flow, so only those can be enough.
      const enough = closing.slice(0, 12).find((candidate) => {
        this.hide(candidate);
        const still = this.failure(failing.entry);
        this.show(candidate);
        return !still;
      });
      const pick = enough ?? closing[0] ?? across[0];
      if (pick) this.hide(pick);
      else unrepairable.add(`${failing.entry.i},${failing.entry.j}`);
    }
  }
}
