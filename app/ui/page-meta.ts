import type { MetaDescriptor, MetaFunction } from '@remix-run/node';

type LoaderData<Loader> = NonNullable<Parameters<MetaFunction<Loader>>[0]['data']>;

/**
 * A page's meta, made from its loader's data. A page whose loader threw (not found, forbidden)
 * has no data: it keeps the root's meta, which names the error ("Page not found – Heard").
 * Answering nothing there replaced the root's title and left the error page without one.
 */
export function pageMeta<Loader>(describe: (data: LoaderData<Loader>) => MetaDescriptor[]): MetaFunction<Loader> {
  return ({ data, matches }) => (data ? describe(data as LoaderData<Loader>) : (matches.find((match) => match.id === 'root')?.meta ?? []));
}
