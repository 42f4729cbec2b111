// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { REDACTED_TEXT } from '~/responses/text';
import { renderIn } from '../../../../tests/render';
import { ResponseAnswers } from './ResponseAnswers';

const answers = [
  { questionId: 1, key: 'why', text: 'Why?', kind: 'long_text' as const, items: [{ label: null, rank: null, number: null, text: REDACTED_TEXT }] },
  { questionId: 2, key: 'where', text: 'Where?', kind: 'single_choice' as const, items: [{ label: 'Other', rank: null, number: null, text: REDACTED_TEXT }] },
  { questionId: 3, key: 'kept', text: 'Kept?', kind: 'short_text' as const, items: [{ label: null, rank: null, number: null, text: 'The park' }] },
];

describe('a written answer removed by retention', () => {
  it('reads as a sentence in the officer’s language, never as the stored marker', () => {
    renderIn(<ResponseAnswers answers={answers} />, 'ur');
    expect(document.body.textContent).not.toContain(REDACTED_TEXT);
    expect(screen.getAllByText(/گمنام/)).toHaveLength(2);
    expect(screen.getByText('The park')).toBeTruthy();
  });
});
