import { useState, type FormEvent } from 'react';

// conform checks a form as it is typed in by submitting it with a hidden button of this name;
// that is not the person trying to send it.
const VALIDATION_SUBMITTER = '__intent__';

/**
 * Counts the person's attempts to send a form, so the error summary knows when to take focus.
 * Wraps the form library's submit handler.
 */
export function useSubmitAttempts(onSubmit: (event: FormEvent<HTMLFormElement>) => void) {
  const [attempts, setAttempts] = useState(0);
  return {
    attempts,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
      if (submitter?.name !== VALIDATION_SUBMITTER) setAttempts((n) => n + 1);
      onSubmit(event);
    },
  };
}
