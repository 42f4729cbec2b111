import { protectFamily, type Family, type TabulatedQuestion } from '../app/analysis/safe-figures';

// What disclosure control costs in time on one results page (issue 15): protectFamily on a
// breakdown of 40 questions by 21 wards, counts drawn as the demo's (some wards small, some
// answers rare). Aggregated counts only: no database, no summary.
// `npx tsx bench/protection-time.ts [--rounds N]`; prints the median and the slowest round.

const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 30;
let seed = 15;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WARDS = 21;
// A 1,000,000-response consultation by ward, with three wards of a handful (a new ward, "not stated", "unknown").
const responses = Array.from({ length: WARDS }, (_, w) => (w < 3 ? 1 + Math.floor(random() * 9) : 30_000 + Math.floor(random() * 40_000)));
const family: Family = { columns: responses.map((_, w) => ({ key: `w${w}`, label: `W${w}` })), responses, breakdown: true, allLabel: 'All' };

function question(q: number): TabulatedQuestion {
  const options = 2 + (q % 9);
  const single = q % 3 !== 2;
  const weights = Array.from({ length: options }, (_, i) => (i === options - 1 ? 0.002 : 0.2 + random()));
  const total = weights.reduce((a, b) => a + b, 0);
  const noAnswer = responses.map((r) => Math.floor(r * 0.05 * random()));
  const counts = weights.map((w) => responses.map((r, j) => Math.floor(((r - (noAnswer[j] ?? 0)) * w) / total)));
  // Single choice: the lines add up to the responses, the remainder to the first answer.
  if (single) responses.forEach((r, j) => (counts[0]![j]! += r - (noAnswer[j] ?? 0) - counts.reduce((a, row) => a + row[j]!, 0)));
  return {
    key: `q${q}`,
    text: `Q${q}`,
    kind: single ? 'single_choice' : 'multiple_choice',
    scale: false,
    hidden: false,
    options: weights.map((_, i) => ({ key: `o${i}`, label: `O${i}` })),
    counts,
    noAnswer,
    notAsked: responses.map(() => 0),
  };
}
// A fresh set of counts each round: protectTable remembers the tables it has protected, and a
// page whose counts have not changed since is the warm case, measured apart.
const time = (questions: TabulatedQuestion[]) => {
  const start = performance.now();
  const result = protectFamily(family, questions, 10);
  const ms = performance.now() - start;
  return { ms, hidden: result.questions.flatMap((q) => q.rows.flatMap((r) => r.cells)).filter((c) => c.suppressed).length };
};
const cold: number[] = [];
const warm: number[] = [];
let hidden = 0;
for (let round = 0; round < rounds; round++) {
  const questions = Array.from({ length: 40 }, (_, q) => question(q));
  const first = time(questions);
  cold.push(first.ms);
  warm.push(time(questions).ms);
  hidden += first.hidden;
}
const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0;
console.log(
  `protectFamily, 40 questions × ${WARDS} wards, ${rounds} sets of counts: median ${median(cold).toFixed(2)} ms (slowest ${Math.max(...cold).toFixed(2)}), ` +
    `the same counts again ${median(warm).toFixed(2)} ms; ${(hidden / rounds).toFixed(0)} answer counts hidden a set`,
);
