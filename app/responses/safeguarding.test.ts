import { describe, expect, it } from 'vitest';
import { creditFor, creditText } from '~/publishing/quotes/credit';
import { DEFAULT_SAFEGUARDING_AGES, fieldsNotAsked, mayAsk, protectChild, withoutFieldsNotAsked } from './safeguarding';
import { findStep, stepsOf } from './steps';

const ages = DEFAULT_SAFEGUARDING_AGES;
const def = { sections: [{ key: 's', title: 'S', intro: null, questions: [] }], askAboutYou: true };

describe('what a child is asked, on either form', () => {
  it('asks the sensitive questions only of someone whose band shows they are 16 or over', () => {
    expect(['under_11', '11_12', '13_15', 'under_16', 'prefer_not_to_say', undefined].map((band) => mayAsk(band, ages).sensitive)).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['16_17', '18_24', '85_plus'].map((band) => mayAsk(band, ages).sensitive)).toEqual([true, true, true]);
  });

  it('credits nobody whose band may hold an under-13, and follows the installation setting', () => {
    expect(['under_11', '11_12', 'under_16'].map((band) => mayAsk(band, ages).credit)).toEqual([false, false, false]);
    expect(['13_15', '16_17', '25_34', null].map((band) => mayAsk(band, ages).credit)).toEqual([true, true, true, true]);
    const stricter = { creditMinAge: 18, sensitiveMinAge: 18 };
    expect(mayAsk('16_17', stricter)).toEqual({ credit: false, sensitive: false });
    expect(mayAsk('18_24', stricter)).toEqual({ credit: true, sensitive: true });
  });

  it('gives a child no "More about you" page and no credit choice', () => {
    const pages = (band: string) => stepsOf(def as never, mayAsk(band, ages)).map((s) => (s.kind === 'your-words' ? `${s.id}:${s.credit}` : s.id));
    expect(pages('under_16')).toEqual(['1', 'about-you', 'your-words:false']);
    expect(pages('25_34')).toEqual(['1', 'about-you', 'about-you-more', 'your-words:true']);
    expect(findStep(def as never, 'about-you-more', mayAsk('under_16', ages))).toBeNull();
  });

  it('forgets a draft’s sensitive answers and credit once an under-16 age is given', () => {
    expect(fieldsNotAsked(mayAsk('under_16', ages))).toEqual(['gender_identity', 'sexual_orientation', 'quote_credit', 'quote_name']);
    const draft = {
      age_band: 'under_16',
      sex: 'female',
      sexual_orientation: 'bisexual',
      quote_consent: 'yes',
      quote_credit: 'name_age_area',
      quote_name: 'Sam',
    };
    expect(withoutFieldsNotAsked(draft, ages)).toEqual({ age_band: 'under_16', sex: 'female', quote_consent: 'yes' });
  });

  it('never stores a child’s sensitive answers or a credit that names them, and the quote says "a young person" at most', () => {
    const stored = protectChild(
      {
        age_band: 'under_16',
        gender_identity: 'different',
        sexual_orientation: 'bisexual',
        quote_consent: 1,
        quote_credit: 'name_age_area',
        quote_name: 'Sam',
        never_attribute: 0,
      },
      ages,
    );
    expect(stored).toMatchObject({ gender_identity: null, sexual_orientation: null, quote_credit: 'anonymous', quote_name: null, never_attribute: 1 });
    const credit = creditFor({
      quoteConsent: 1,
      quoteCredit: 'name_age_area',
      quoteName: 'Sam',
      ageBand: 'under_16',
      area: 'Reddish North',
      group: 'resident',
      neverAttribute: 1,
    });
    expect(credit && creditText(credit, (key) => key)).not.toContain('Sam');
    // An adult's paper form with no age keeps what they gave.
    expect(protectChild({ age_band: null, sexual_orientation: 'bisexual' }, ages).sexual_orientation).toBe('bisexual');
  });
});
