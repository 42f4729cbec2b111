import { AdminForm } from './AdminForm';

/**
 * "Move up" and "Move down" for one item of an ordered list (the framework's themes and
 * priorities, a codebook's themes): each a small form of its own, so it works without
 * JavaScript, and each naming what it moves for screen readers. `fields` says which item.
 */
export function MoveButtons({
  fields,
  name,
  first,
  last,
  labels,
}: {
  fields: Record<string, string | number>;
  name: string;
  first: boolean;
  last: boolean;
  labels: { up: string; down: string };
}) {
  return (
    <>
      {(['up', 'down'] as const)
        .filter((direction) => (direction === 'up' ? !first : !last))
        .map((direction) => (
          <AdminForm key={direction} className="inline-form" preventScrollReset>
            {Object.entries(fields).map(([field, value]) => (
              <input key={field} type="hidden" name={field} value={value} />
            ))}
            <input type="hidden" name="direction" value={direction} />
            <button type="submit" name="intent" value="move" className="link-button">
              {labels[direction]}
              <span className="visually-hidden"> {name}</span>
            </button>
          </AdminForm>
        ))}
    </>
  );
}
