import type { ReactNode } from 'react';
import { FieldError } from '../../../ui/form/ErrorSummary';
import { Face } from './Face';
import { YouthPicture } from './pictures';
import { PageHeading } from '~/ui/PageHeading';

export interface YouthChoice {
  value: string;
  label: string;
  picture?: string | null;
  face?: boolean;
}

interface Props {
  name: string;
  type: 'radio' | 'checkbox';
  legend: ReactNode;
  hint?: string;
  choices: YouthChoice[];
  defaultValue: string[];
  error?: string;
  faces?: boolean;
  /** 1 when the question is the page (one question a screen); 2 when a page asks several. */
  headingLevel?: 1 | 2;
}

/**
 * Big answer cards for young people: real radio buttons or checkboxes (keyboard and screen
 * readers work as usual), each with its words, and a face or picture beside them.
 */
export function YouthChoices({ name, type, legend, hint, choices, defaultValue, error, faces, headingLevel = 1 }: Props) {
  const describedBy = [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className="fieldset" aria-describedby={describedBy}>
        <legend className="fieldset__legend fieldset__legend--page">
          {headingLevel === 1 ? (
            <PageHeading className="youth-question">{legend}</PageHeading>
          ) : (
            <h2 className="youth-question youth-question--small">{legend}</h2>
          )}
        </legend>
        {hint && (
          <p className="hint" id={`${name}-hint`}>
            {hint}
          </p>
        )}
        <FieldError id={`${name}-error`} message={error} />
        <div className={`youth-choices${faces ? ' youth-choices--faces' : ''}`}>
          {choices.map((choice, i) => {
            const id = i === 0 ? name : `${name}-${i + 1}`;
            return (
              <div className="youth-choice" key={choice.value}>
                <input
                  className="youth-choice__input"
                  id={id}
                  name={name}
                  type={type}
                  value={choice.value}
                  defaultChecked={defaultValue.includes(choice.value)}
                />
                <label className="youth-choice__label" htmlFor={id}>
                  {choice.face && <Face mood={choice.value} />}
                  <YouthPicture value={choice.picture} />
                  <span className="youth-choice__text">{choice.label}</span>
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
