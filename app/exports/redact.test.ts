import { describe, expect, it } from 'vitest';
import { redactContactDetails, REDACTED } from './redact';

const { email: E, phone: P, postcode: PC } = REDACTED;

describe('redactContactDetails', () => {
  it.each([
    ['email me at jo.bloggs@example.org please', `email me at ${E} please`],
    ['JO_B+parks@stockport.gov.uk', E],
    ["o'neill@example.co.uk, or ring", `${E}, or ring`],
    ['two: a@b.com and c.d@e-f.org.', `two: ${E} and ${E}.`],
    ['zofia@poczta.pl napisz', `${E} napisz`],
    ['jo at example dot com', E],
    ['write to jo.b (at) example (dot) co (dot) uk today', `write to ${E} today`],
    ['jo [at] example [dot] org', E],
  ])('takes out the email address in %j', (text, expected) => {
    expect(redactContactDetails(text)).toBe(expected);
  });

  it.each([
    ['call me on 07700 900123 please', `call me on ${P} please`],
    ['07700900123.', `${P}.`],
    ['ring 0161 474 1234', `ring ${P}`],
    ['(0161) 474 1234 after six', `${P} after six`],
    ['0161-474-1234', P],
    ['+44 (0)161 474 1234', P],
    ['+447700900123', P],
    ['+44 7700 900 123 or 0800 123 4567', `${P} or ${P}`],
    ['text 07123456789', `text ${P}`],
    ['tel:01614741234', `tel:${P}`],
    ['+48 601 234 567 (Polish mobile)', `${P} (Polish mobile)`],
  ])('takes out the phone number in %j', (text, expected) => {
    expect(redactContactDetails(text)).toBe(expected);
  });

  it.each([
    ['I live at SK4 2AB near the park', `I live at ${PC} near the park`],
    ['sk4 2ab', PC],
    ['SK42AB', PC],
    ['M1 1AE and OL6 7JW', `${PC} and ${PC}`],
    ['M60 9HP.', `${PC}.`],
    ['EC1A 1BB', PC],
    ['W1A 0AX', PC],
    ['GIR 0AA', PC],
    ['in SK4 2 mostly', `in ${PC} mostly`],
    ['SK4 2A', PC],
    ['(SK7 1AB)', `(${PC})`],
  ])('takes out the postcode in %j', (text, expected) => {
    expect(redactContactDetails(text)).toBe(expected);
  });

  it.each([
    'The buses are late every morning.',
    'In 2019 and 2020 there were 12345678 cars, says the council.',
    'Bus 192 every 10 minutes since 2023',
    'Fix the A6 2 lanes at Heaton Chapel',
    'Traffic on the M60 and the A34 is awful',
    'My district is SK4',
    'Meet at the park at 10:30 on 12/05/2025',
    '£1,000,000 spent on 3 roundabouts',
    'Wait at the stop, dot to dot',
    'ref 1234567890123 is not a phone number',
    'Pracuję w Stockport od 2015 roku',
    'بس ہر روز دیر سے آتی ہے',
    'speak at council dot meeting',
    '',
  ])('leaves %j as it is', (text) => {
    expect(redactContactDetails(text)).toBe(text);
  });

  it('takes out every kind in one answer and keeps the words around them', () => {
    expect(redactContactDetails('Jo, 07700 900456, jo@example.com, 12 Hill St, SK4 2AB. Thanks!')).toBe(`Jo, ${P}, ${E}, 12 Hill St, ${PC}. Thanks!`);
  });

  it('does not take the digits of an email address for a phone number', () => {
    expect(redactContactDetails('jo01614741234@example.com')).toBe(E);
  });

  it('keeps long text in reasonable time', () => {
    const text = 'at the dot of noon we met at the stop '.repeat(500) + '0161 474 1234';
    const started = performance.now();
    expect(redactContactDetails(text).endsWith(P)).toBe(true);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
