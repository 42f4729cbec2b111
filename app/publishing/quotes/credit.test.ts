import { describe, expect, it } from 'vitest';
import { tFor } from '~/platform/i18n/i18n.server';
import { creditFor, creditText, isQuotable, type CreditSource } from './credit';
import { isExcerptOf, normaliseExcerpt } from './excerpt';

const millie: CreditSource = {
  quoteConsent: 1,
  quoteCredit: 'name_age_area',
  quoteName: 'Millie',
  ageBand: '16_17',
  area: 'Reddish North',
  group: 'resident',
  neverAttribute: 0,
};
const en = tFor('en', 'quotes');
const say = (source: Partial<CreditSource>, t = en) => {
  const credit = creditFor({ ...millie, ...source });
  return credit && creditText(credit, t);
};

describe('crediting a quote as the respondent chose', () => {
  it('name, age and area', () => {
    expect(say({})).toBe('Millie, aged 16 to 17, Reddish North');
  });

  it('age and area, without the name even when one was given', () => {
    expect(say({ quoteCredit: 'age_area' })).toBe('a resident of Reddish North, aged 16 to 17');
    expect(say({ quoteCredit: 'age_area', group: 'young_person', ageBand: '13_15', area: 'SK5' })).toBe('a young person from SK5, aged 13 to 15');
  });

  it('area only', () => {
    expect(say({ quoteCredit: 'area', area: 'Marple North' })).toBe('a resident of Marple North');
    expect(say({ quoteCredit: 'area', group: 'business', area: 'Marple North' })).toBe('a business in Marple North');
  });

  it('anonymous', () => {
    expect(say({ quoteCredit: 'anonymous' })).toBe('anonymous');
    expect(creditFor({ ...millie, quoteCredit: 'anonymous' })).toEqual({ kind: 'anonymous' });
  });

  it('leaves out what the respondent did not tell us, never guessing it', () => {
    expect(say({ area: null })).toBe('Millie, aged 16 to 17');
    expect(say({ ageBand: null })).toBe('Millie, Reddish North');
    expect(say({ ageBand: 'prefer_not_to_say', area: null })).toBe('Millie');
    expect(say({ quoteName: '  ' })).toBe('a resident of Reddish North, aged 16 to 17');
    expect(say({ quoteCredit: 'area', area: null })).toBe('a resident');
    expect(say({ quoteCredit: 'age_area', area: null, ageBand: '85_plus' })).toBe('a resident, aged 85 or over');
    expect(say({ quoteCredit: 'area', group: 'someone else', area: 'Heald Green' })).toBe('someone from Heald Green');
  });

  it('treats consent without a recorded choice as anonymous', () => {
    expect(say({ quoteCredit: null })).toBe('anonymous');
    expect(say({ quoteCredit: 'something new' })).toBe('anonymous');
  });

  it('speaks the reader’s language', () => {
    expect(say({}, tFor('pl', 'quotes'))).toContain('Millie');
    expect(say({}, tFor('pl', 'quotes'))).toContain('Reddish North');
    expect(say({}, tFor('pl', 'quotes'))).not.toBe(say({}));
    expect(say({ quoteCredit: 'anonymous' }, tFor('ur', 'quotes'))).not.toBe('anonymous');
  });
});

describe('under-13s', () => {
  const child: Partial<CreditSource> = { group: 'young_person', ageBand: '11_12', area: 'SK4', neverAttribute: 1 };

  it('are never credited by name, age or area, even when they asked to be', () => {
    for (const quoteCredit of ['name_age_area', 'age_area', 'area']) {
      const credit = creditFor({ ...millie, ...child, quoteCredit });
      expect(credit).toEqual({ kind: 'credited', name: null, ageBand: null, area: null, group: 'young_person' });
      const words = creditText(credit!, en);
      expect(words).toBe('a young person');
      for (const locale of ['en', 'pl', 'ur'] as const) {
        const text = creditText(credit!, tFor(locale, 'quotes'));
        expect(text).not.toContain('Millie');
        expect(text).not.toContain('SK4');
      }
    }
  });

  it('stay anonymous when that is what they chose', () => {
    expect(say({ ...child, quoteCredit: 'anonymous' })).toBe('anonymous');
  });

  it('cannot be quoted at all without consent', () => {
    expect(creditFor({ ...millie, ...child, quoteConsent: 0 })).toBeNull();
  });
});

describe('without consent', () => {
  it('an answer cannot be quoted, whatever credit is stored', () => {
    for (const quoteCredit of ['name_age_area', 'age_area', 'area', 'anonymous', null]) {
      expect(creditFor({ ...millie, quoteConsent: 0, quoteCredit })).toBeNull();
      expect(creditFor({ ...millie, quoteConsent: false, quoteCredit })).toBeNull();
    }
    expect(isQuotable({ quoteConsent: 0 })).toBe(false);
    expect(isQuotable({ quoteConsent: 1 })).toBe(true);
  });
});

describe('excerpts', () => {
  const answer = 'Looking after our mental health is more important than ever.\nThe parks helped me through lockdown.';

  it('accept the whole answer or any unbroken part of it', () => {
    expect(isExcerptOf(answer, answer)).toBe(true);
    expect(isExcerptOf(answer, 'mental health is more important than ever')).toBe(true);
    // A browser sends the textarea's line break as CR LF; an officer may join the lines.
    expect(isExcerptOf(answer, 'than ever.\r\nThe parks')).toBe(true);
    expect(isExcerptOf(answer, 'than ever. The parks')).toBe(true);
  });

  it('refuse words stitched together, reordered, changed or empty', () => {
    expect(isExcerptOf(answer, 'Looking after our parks')).toBe(false);
    expect(isExcerptOf(answer, 'more important than ever mental health')).toBe(false);
    expect(isExcerptOf(answer, 'Looking after our mental wellbeing')).toBe(false);
    expect(isExcerptOf(answer, '   ')).toBe(false);
  });

  it('are stored trimmed, with the browser’s line endings undone', () => {
    expect(normaliseExcerpt('  than ever.\r\nThe parks \n')).toBe('than ever.\nThe parks');
  });
});
