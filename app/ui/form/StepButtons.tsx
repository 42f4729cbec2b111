/**
 * Continue, and going back without losing what was typed (saved unchecked: it is checked on the
 * way forward). Continue comes first, so pressing Enter in a field continues.
 */
export function StepButtons({ next, back, big = false }: { next: string; back: string; big?: boolean }) {
  return (
    <div className="button-group">
      <button type="submit" className={big ? 'button button--big' : 'button'} name="intent" value="continue">
        {next}
      </button>
      <button type="submit" className="button button--secondary" name="intent" value="back" formNoValidate>
        {back}
      </button>
    </div>
  );
}
