import type { Db } from '#db/connection';
import { REDACTED, redactContactDetails } from '~/exports/redact';
import { REDACTED_TEXT } from '~/responses/text';
import type { ContactKind } from './categories';
import { findTextSources } from './holdings.server';

// Contact details residents wrote into free text ("ring me on 07700 900123"). Finding them means
// reading the text, which is too slow to do for every answer of a big consultation while a page
// waits, so a page reads at most SCAN_LIMIT answers and says so; below that the figure is exact.

export const CONTACT_SCAN_LIMIT = 10_000;

export interface ContactScan {
  /** Free-text answers read. */
  checked: number;
  /** True when every free-text answer was read, so the counts are exact. */
  complete: boolean;
  /** Responses with at least one contact detail in their words. */
  responses: number;
  /** Answers holding each kind. */
  byKind: Record<ContactKind, number>;
}

/** Contact details in one consultation's free-text answers, reading at most `limit` answers. */
export async function scanContactDetails(db: Db, consultationId: number, limit = CONTACT_SCAN_LIMIT): Promise<ContactScan> {
  const byKind: Record<ContactKind, number> = { email: 0, phone: 0, postcode: 0 };
  const responses = new Set<number>();
  let checked = 0;
  let complete = true;
  for (const source of await findTextSources(db, consultationId)) {
    // One more than is left tells whether anything was left unread.
    let query = db
      .selectFrom('answers')
      .select(['response_id', 'value_text'])
      .where('question_id', '=', source.questionId)
      .where('value_text', 'is not', null)
      .where('value_text', 'not in', ['', REDACTED_TEXT])
      .limit(limit - checked + 1);
    if (source.optionId !== null) query = query.where('option_id', '=', source.optionId);
    const rows = await query.execute();
    if (rows.length > limit - checked) {
      rows.length = limit - checked;
      complete = false;
    }
    for (const { response_id, value_text } of rows) {
      checked++;
      const redacted = redactContactDetails(value_text ?? '');
      if (redacted === value_text) continue;
      responses.add(response_id);
      for (const kind of ['email', 'phone', 'postcode'] as const) if (redacted.includes(REDACTED[kind])) byKind[kind]++;
    }
    if (!complete) break;
  }
  return { checked, complete, responses: responses.size, byKind };
}
