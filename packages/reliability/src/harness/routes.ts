import { RecordedHandlers } from './backend';

/** One route of a plugin, as `METHOD /api/plugin/path`. */
export type RouteKey = `${
  | 'GET'
  | 'POST'
  | 'PUT'
  | 'PATCH'
  | 'DELETE'} /api/${string}`;

type Layer = {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  regexp?: RegExp & { fast_slash?: boolean };
};

/** The path a nested router is mounted at, from express 4's layer pattern. */
function mountPath(layer: Layer): string {
  if (!layer.regexp || layer.regexp.fast_slash) return '';
  const match = /^\^\\\/(.*?)\\\/\?\(\?=\\\/\|\$\)$/.exec(layer.regexp.source);
  if (!match) {
    throw new Error(`Cannot read the mount path of ${layer.regexp.source}`);
  }
  return `/${match[1].replace(/\\\//g, '/')}`;
}

function walk(stack: Layer[], prefix: string, out: Set<string>) {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path)
        ? layer.route.path
        : [layer.route.path];
      for (const p of paths) {
        if (typeof p !== 'string') {
          throw new Error(`A route with a pattern that is not text: ${p}`);
        }
        for (const method of Object.keys(layer.route.methods)) {
          if (method === '_all') {
            out.add(`ALL ${prefix}${p}`);
          } else {
            out.add(`${method.toUpperCase()} ${prefix}${p}`);
          }
        }
      }
    } else if (layer.handle?.stack) {
      walk(layer.handle.stack, prefix + mountPath(layer), out);
    }
  }
}

/** Every route that the given plugins mounted, sorted. */
export function enumerateRoutes(
  handlers: RecordedHandlers,
  plugins: string[],
): string[] {
  const out = new Set<string>();
  for (const pluginId of plugins) {
    for (const handler of handlers.get(pluginId) ?? []) {
      const stack = (handler as unknown as { stack?: Layer[] }).stack;
      if (stack) walk(stack, `/api/${pluginId}`, out);
    }
  }
  return [...out].sort();
}
