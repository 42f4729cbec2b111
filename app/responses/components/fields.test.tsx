// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { QuestionDef } from '~/consultations/definition';
import { renderIn } from '../../../tests/render';
import { QuestionField } from './QuestionField';

afterEach(cleanup);

const question = (over: Partial<QuestionDef>): QuestionDef => ({
  id: 1,
  key: 'story',
  kind: 'long_text',
  text: 'Tell us your story',
  hint: '',
  required: false,
  maxSelections: null,
  rankCount: null,
  maxLength: 10,
  ratingMax: null,
  options: [],
  ...over,
});

describe('question fields', () => {
  it('states the character limit, then counts down and over as the person types', () => {
    renderIn(<QuestionField question={question({})} values={{}} errors={{}} />);
    const box = screen.getByLabelText(/Tell us your story/);
    expect(screen.getByText('You can enter up to 10 characters')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Hello' } });
    expect(screen.getByText('You have 5 characters remaining')).toBeTruthy();
    fireEvent.change(box, { target: { value: 'Hello there!' } });
    expect(screen.getByText('You have 2 characters too many')).toBeTruthy();
    // Nothing typed is cut off.
    expect((box as HTMLTextAreaElement).value).toBe('Hello there!');
  });

  it('ties an error to its field and keeps the typed value', () => {
    renderIn(
      <QuestionField
        question={question({ required: true })}
        values={{ 'q-story': 'Too long text' }}
        errors={{ 'q-story': 'Your answer must be 10 characters or fewer' }}
      />,
    );
    const box = screen.getByLabelText(/Tell us your story/);
    expect(box.id).toBe('q-story');
    expect((box as HTMLTextAreaElement).value).toBe('Too long text');
    const describedBy = box.getAttribute('aria-describedby') ?? '';
    expect(describedBy.split(' ')).toContain('q-story-error');
    expect(document.getElementById('q-story-error')?.textContent).toContain('Your answer must be 10 characters or fewer');
  });

  it('labels an agreement scale from the interface text, in Urdu too', () => {
    const scale = question({ key: 'safe', kind: 'agree_scale', text: 'I feel safe', maxLength: null });
    renderIn(<QuestionField question={scale} values={{ 'q-safe': 'agree' }} errors={{}} />);
    const agree = screen.getByRole('radio', { name: 'Agree' }) as HTMLInputElement;
    expect(agree.checked).toBe(true);
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    expect(screen.getAllByRole('radio')[0]!.id).toBe('q-safe');
    cleanup();
    renderIn(<QuestionField question={scale} values={{}} errors={{}} />, 'ur');
    expect(screen.getAllByRole('radio')).toHaveLength(5);
    expect(screen.queryByRole('radio', { name: 'Agree' })).toBeNull();
  });

  it('offers a ranking as one list per position, keeping earlier choices', () => {
    const ranking = question({
      key: 'top',
      kind: 'ranking',
      text: 'Your priorities',
      rankCount: 2,
      maxLength: null,
      options: [
        { id: 1, key: 'parks', label: 'Parks', isOther: false },
        { id: 2, key: 'jobs', label: 'Jobs', isOther: false },
      ],
    });
    renderIn(<QuestionField question={ranking} values={{ 'q-top': ['jobs', ''] }} errors={{}} />);
    const first = screen.getByRole('combobox', { name: 'Choice 1 (most important)' }) as HTMLSelectElement;
    const second = screen.getByRole('combobox', { name: 'Choice 2' }) as HTMLSelectElement;
    expect(first.name).toBe('q-top[0]');
    expect(first.value).toBe('jobs');
    expect(second.value).toBe('');
  });
});
