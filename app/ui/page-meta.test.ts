import type { MetaArgs } from '@remix-run/node';
import { describe, expect, it } from 'vitest';
import { pageMeta } from './page-meta';

const loader = () => ({ title: 'Users – Heard workspace' });
const meta = pageMeta<typeof loader>((data) => [{ title: data.title }]);

/** What Remix hands a route's meta: its data (none when its loader threw) and the matches above it. */
function args(data: ReturnType<typeof loader> | undefined): MetaArgs<typeof loader> {
  const root = { id: 'root', pathname: '/', data: {}, params: {}, meta: [{ title: 'Page not found – Heard' }] };
  const layout = { id: 'routes/admin', pathname: '/admin', data: {}, params: {}, meta: [] };
  return { data, params: {}, location: { pathname: '/admin/users', search: '', hash: '', state: null, key: 'k' }, matches: [root, layout], error: undefined };
}

describe('a page’s meta', () => {
  it('comes from the page’s data', () => {
    expect(meta(args(loader()))).toEqual([{ title: 'Users – Heard workspace' }]);
  });

  it('is the root’s, naming the error, when the page’s loader threw', () => {
    expect(meta(args(undefined))).toEqual([{ title: 'Page not found – Heard' }]);
  });
});
