import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchDisclosure, DEMO_RESPONSES, disclosureReport } from './disclosure';
import { table } from './report';

// The disclosure step of `npm run bench` on its own (bench/disclosure.ts), with no build and no
// server: `npx tsx bench/disclosure-loss.ts [--responses 3800] [--audit no] [--threshold 10]`.
// The demo is seeded into bench/out/cache/ the first time (about a minute), then reused.

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: String(DEMO_RESPONSES) },
    audit: { type: 'string', default: 'yes' },
    threshold: { type: 'string', default: '10' },
  },
});
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'heard-disclosure-'));
try {
  const result = await benchDisclosure({
    cacheDir: join(root, 'bench', 'out', 'cache'),
    tmp,
    responses: Number(values.responses),
    threshold: Number(values.threshold),
    audit: values.audit !== 'no',
  });
  const { text, targets } = disclosureReport(result);
  console.log(`\n${text}\n`);
  console.log(
    table(
      ['', 'target', 'measured'],
      targets.map((t) => [t.pass ? 'PASS' : 'FAIL', t.target, t.measured]),
    ),
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exit(0);
