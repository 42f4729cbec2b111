import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ROLES, type Role } from '../schema';
import { openDatabase } from '../connection';
import { migrateToLatest } from '../migrate';
import { env } from '../../app/platform/env.server';
import { COMMAND_LINE, recordAudit } from '../../app/platform/audit.server';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../../app/auth/password.server';
import { findUserByEmail, insertActiveUser, userForAudit } from '../../app/auth/users.server';

// npm run user:create -- --email X --role admin [--name "Sam Jones"] [--database PATH|URL]
// The password is read from standard input (piped) or asked for without echo (at a terminal);
// never from the command line, where it would be kept in the shell's history and `ps`.

const usage = `Usage: npm run user:create -- --email name@council.gov.uk --role ${ROLES.join('|')} [--name "Full name"] [--database PATH|URL]
The password is read from standard input, or asked for at a terminal.`;

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    role: { type: 'string' },
    name: { type: 'string', default: '' },
    database: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (values.help) {
  console.log(usage);
  process.exit(0);
}
const email = z.email().safeParse(values.email?.trim());
if (!email.success) fail(`--email must be an email address.\n${usage}`);
if (!(ROLES as readonly string[]).includes(values.role ?? '')) fail(`--role must be one of ${ROLES.join(', ')}.\n${usage}`);
const role = values.role as Role;

async function askHidden(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  return new Promise((done) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      done(answer);
    });
    muted = true;
  });
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    const first = await askHidden('Password: ');
    const again = await askHidden('Password again: ');
    if (first !== again) fail('The two passwords are not the same.');
    return first;
  }
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  return input.split(/\r?\n/)[0] ?? '';
}

const password = await readPassword();
if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH) {
  fail(`The password must be ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters long.`);
}

const db = openDatabase(values.database ?? env().DATABASE_URL);
try {
  await migrateToLatest(db);
  if (await findUserByEmail(db, email.data)) fail(`There is already a user with the email address ${email.data}.`);
  const user = await insertActiveUser(db, { email: email.data, name: values.name, role, password });
  await recordAudit(db, COMMAND_LINE, {
    action: 'user.create',
    entityType: 'user',
    entityId: user.id,
    summary: `Created ${user.email} as ${role} from the command line`,
    after: userForAudit(user),
  });
  console.log(`Created ${user.email} (${role}). They can sign in at /admin.`);
} finally {
  await db.destroy();
}
