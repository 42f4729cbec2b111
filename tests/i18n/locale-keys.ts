import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Messages = Record<string, string>;

/** A locale file as flat "a.b.c" → text. */
export function flatten(value: unknown, prefix = '', out: Messages = {}): Messages {
  if (typeof value === 'string') out[prefix] = value;
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

export function readLocale(root: string, locale: string, ns: string): Messages {
  return flatten(JSON.parse(readFileSync(join(root, 'locales', locale, `${ns}.json`), 'utf8')));
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The key without its plural suffix, as code refers to it. */
export const baseKey = (key: string) => key.replace(PLURAL_SUFFIX, '');

/** The plural forms a language needs, from the same rules i18next uses. */
export function pluralForms(locale: string): string[] {
  return new Intl.PluralRules(locale).resolvedOptions().pluralCategories as string[];
}

/**
 * Whether a key is one form of a plural: English always has both _one and _other, so a code
 * that merely ends in "_other" (ethnicity.asian_other) is not mistaken for one.
 */
export function isPluralKey(key: string, english: Messages): boolean {
  return PLURAL_SUFFIX.test(key) && `${baseKey(key)}_one` in english && `${baseKey(key)}_other` in english;
}

/** The keys a language must have, given the English ones: English plurals become that language's plural forms. */
export function expectedKeys(english: Messages, locale: string): string[] {
  const keys = new Set<string>();
  for (const key of Object.keys(english)) {
    if (isPluralKey(key, english)) for (const form of pluralForms(locale)) keys.add(`${baseKey(key)}_${form}`);
    else keys.add(key);
  }
  return [...keys].sort();
}

export const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}|<(\d+)>/g)].map((m) => m[0]).sort();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/**
 * Whether code refers to a key: as a literal ('hub.title', "survey:check.title") or through a
 * template whose fixed parts fit it (`status.${status}` covers status.open).
 */
export function keyUsage(root: string): (key: string) => boolean {
  const source = sourceFiles(join(root, 'app'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const literals = new Set([...source.matchAll(/['"`]([\w:.-]+)['"`]/g)].map((m) => m[1]!.replace(/^\w+:/, '')));
  const templates = [...source.matchAll(/`([^`]*\$\{[^`]*)`/g)]
    .map((m) => m[1]!.replace(/^\w+:/, ''))
    .filter((t) => /[\w.]/.test(t.replace(/\$\{[^}]*\}/g, '')))
    .map(
      (t) =>
        new RegExp(
          `^${t
            .split(/\$\{[^}]*\}/)
            .map((part) => part.replace(/[.*+?^()|[\]\\]/g, '\\$&'))
            .join('[\\w-]+')}$`,
        ),
    );
  return (key) => literals.has(key) || templates.some((re) => re.test(key));
}
