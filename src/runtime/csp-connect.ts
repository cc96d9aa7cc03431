// Whether the page's Content-Security-Policy lets it connect to a URL: the policy is fixed at build time
// (scripts/csp.ts), so a hub host chosen later may be blocked, and the user should hear that rather than "offline".

/** The connect-src sources of a policy (default-src when it has none); null when the policy sets neither. */
function connectSources(policy: string): string[] | null {
  const directives = new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((tokens) => tokens[0])
      .map((tokens) => [tokens[0]!.toLowerCase(), tokens.slice(1)] as const),
  );
  return directives.get('connect-src') ?? directives.get('default-src') ?? null;
}

function sourceMatches(source: string, url: URL, pageOrigin: string): boolean {
  if (source === "'self'") return url.origin === pageOrigin;
  if (source === '*') return url.protocol === 'http:' || url.protocol === 'https:';
  if (/^[a-z][a-z0-9+.-]*:$/i.test(source)) return url.protocol === source.toLowerCase();
  const parts = /^(?:([a-z][a-z0-9+.-]*):\/\/)?(\*\.)?([^:/]+)(?::(\d+|\*))?/i.exec(source);
  if (!parts) return false;
  const [, scheme, wildcard, host, port] = parts;
  if (scheme && `${scheme.toLowerCase()}:` !== url.protocol) return false;
  const hostname = url.hostname.toLowerCase();
  const wanted = host!.toLowerCase();
  if (wildcard ? !hostname.endsWith(`.${wanted}`) : hostname !== wanted) return false;
  if (port === '*') return true;
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  return (port ?? defaultPort) === (url.port || defaultPort);
}

/** True when `policy` (a CSP string; empty = no policy) allows fetching `url` from a page at `pageOrigin`. */
export function allowsConnection(policy: string, url: string, pageOrigin: string): boolean {
  const sources = connectSources(policy);
  if (sources === null) return true;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return false;
  }
  return sources.some((source) => sourceMatches(source, target, pageOrigin));
}

/** The policy this page was built with (the meta tag the build adds), or '' when it has none (vite dev, Node). */
function pagePolicy(): string {
  if (typeof document === 'undefined') return '';
  return document.querySelector<HTMLMetaElement>('meta[http-equiv="Content-Security-Policy"]')?.content ?? '';
}

/** Why this page may not download from `hubHost`, or null when its policy allows it. */
export function hubBlockedByPolicy(hubHost: string): string | null {
  if (typeof location === 'undefined' || allowsConnection(pagePolicy(), `${hubHost.replace(/\/+$/, '')}/`, location.origin)) return null;
  const origin = URL.canParse(hubHost) ? new URL(hubHost).origin : hubHost;
  return `this build's Content-Security-Policy does not allow connections to ${origin}; build the app with MLWB_HUB_HOSTS="${origin}" to use it`;
}
