import SQLite from 'better-sqlite3';

// Another process holding SQLite's write lock, as `npm run import` of a big file, a backup or the
// sqlite3 shell would: BEGIN IMMEDIATE on the same file, held for --seconds, then committed.
// Prints "locked" once it holds the lock and "released" when it lets go.
const [database, seconds = '10'] = process.argv.slice(2);
if (!database) throw new Error('usage: lock-holder.ts <database> [seconds]');
const db = new SQLite(database, { fileMustExist: true });
db.pragma('busy_timeout = 30000');
db.exec('BEGIN IMMEDIATE');
console.log('locked');
setTimeout(
  () => {
    db.exec('COMMIT');
    db.close();
    console.log('released');
  },
  Number(seconds) * 1000,
);
