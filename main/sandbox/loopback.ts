/** The names of this machine's loopback interface, as they appear in a URL's hostname and a Host header. */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The three `host:port` values the sandbox answers to (a Host header must carry the port). */
export function ownHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

/** Plain http on loopback: where the sandbox runs, and where no real service does. */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && LOOPBACK_NAMES.includes(url.hostname.toLowerCase());
}
