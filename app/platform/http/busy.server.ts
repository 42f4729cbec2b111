import type { ActionFunctionArgs, LoaderFunctionArgs, ServerBuild } from '@remix-run/node';
import { isDatabaseBusy } from '#db/busy';

/** How soon to try again, as told to browsers and scripts: a lock rarely lasts longer. */
export const BUSY_RETRY_SECONDS = 10;

type DataFunction = (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown;

function answeringBusyWith503(run: DataFunction): DataFunction {
  return async (args) => {
    try {
      return await run(args);
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      // A thrown response reaches the shared error boundary as itself ("busy, try again,
      // nothing was saved"); a thrown error would be a 500 "problem with the service".
      throw new Response(null, { status: 503, headers: { 'Retry-After': String(BUSY_RETRY_SECONDS) } });
    }
  };
}

const wrapped = new WeakMap<ServerBuild, ServerBuild>();

/**
 * The build with every loader and action answering 503 when the database stayed busy past
 * DATABASE_BUSY_SECONDS (another process held the lock). The public forms catch it themselves
 * first, to show the person's answers again; everything else gets the shared busy page.
 */
export function withBusyAs503(build: ServerBuild): ServerBuild {
  let result = wrapped.get(build);
  if (!result) {
    const routes = Object.fromEntries(
      Object.entries(build.routes).map(([id, route]) => {
        const { loader, action } = route.module;
        const module = {
          ...route.module,
          ...(loader ? { loader: answeringBusyWith503(loader as DataFunction) } : {}),
          ...(action ? { action: answeringBusyWith503(action as DataFunction) } : {}),
        };
        return [id, { ...route, module }];
      }),
    ) as ServerBuild['routes'];
    result = { ...build, routes };
    wrapped.set(build, result);
  }
  return result;
}
