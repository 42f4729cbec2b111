import type { Db, Trx } from '#db/connection';
import type { ResponseFields } from '~/responses/answers';
import { storeResponse, type SubmitMeta, type SubmitResult } from '~/responses/submit.server';
import { isBelowCreditAge } from './ages';
import { safeguardingAges } from '../safeguarding.server';
import type { YouthDef } from '../../consultations/versions/youth-definition';
import { youthAnswerRows } from './answers';
import { youthRoute } from './steps';

type Values = Record<string, unknown>;
const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);

/**
 * A young person's response: stored like any other, counted as a young person on the young people's form.
 * `also` runs in the storing transaction (the place under the client's limit: screenAndStore).
 */
export function submitYouthResponse(
  db: Db,
  def: YouthDef,
  values: Values,
  meta: Omit<SubmitMeta, 'channel'>,
  also?: (trx: Trx) => Promise<void>,
): Promise<SubmitResult> {
  const belowCreditAge = isBelowCreditAge(text(values.age_band), safeguardingAges());
  const consent = !belowCreditAge && values.quote_consent === 'yes';
  const credit = consent ? (text(values.quote_credit) ?? 'anonymous') : null;
  const fields: ResponseFields = {
    respondent_group: 'young_person',
    age_band: text(values.age_band),
    postcode_district: belowCreditAge ? null : text(values.postcode_district),
    never_attribute: belowCreditAge ? 1 : 0,
    quote_consent: consent ? 1 : 0,
    quote_credit: credit,
    quote_name: credit === 'name_age_area' ? text(values.quote_name) : null,
  };
  // Answers only to the questions on the route; the main questions behind the items it passed by are "not asked".
  const route = youthRoute(def, values);
  const asked = def.items.filter((item) => route.asked.has(item.key));
  const notAsked = def.items.filter((item) => !route.asked.has(item.key)).map((item) => item.questionId);
  return storeResponse(
    db,
    { consultationId: def.consultationId, fields, answers: youthAnswerRows({ ...def, items: asked }, values), notAsked },
    { ...meta, channel: 'young_people' },
    also,
  );
}
