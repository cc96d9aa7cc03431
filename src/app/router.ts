/** Hash routes: `#/doodle/practice` → { route: 'doodle', subroute: 'practice' }. Pure, so it is unit-tested. */
export interface Route {
  route: string;
  subroute: string;
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, '').replace(/\/+$/, '');
  const [route = '', ...rest] = path.split('/');
  return { route: decodeURIComponent(route), subroute: rest.map(decodeURIComponent).join('/') };
}

export function hrefFor(route: string, subroute = ''): string {
  return `#/${route}${subroute ? `/${subroute}` : ''}`;
}
