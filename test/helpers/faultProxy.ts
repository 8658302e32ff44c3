// An HTTP proxy in front of the in-repo admin server that misbehaves on demand: refuses connections,
// never answers, answers 5xx or 401/403, cuts bodies short or sends non-JSON. Every request it sees
// is recorded (method, path, when, whether it carried credentials) so tests can count retries.
import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'hang' }
  | { kind: 'reset' }
  | { kind: 'status'; status: number; body?: string }
  | { kind: 'truncate' }
  | { kind: 'non-json'; status?: number }
  /** A hostile server: an error whose body repeats the request's credentials and body. */
  | { kind: 'echo'; status: number };

export interface FaultRule {
  fault: Fault;
  /** Only requests with this method (default: all). */
  method?: string;
  /** How many matching requests get the fault before the rest pass (default: all). */
  times?: number;
}

export interface SeenByProxy {
  method: string;
  path: string;
  at: number;
  authorization?: string;
}

export interface FaultProxy {
  url: string;
  seen: SeenByProxy[];
  set(rule: FaultRule | undefined): void;
  /** Stops listening (connections are then refused) or listens again on the same port. */
  refuse(): Promise<void>;
  accept(): Promise<void>;
  close(): Promise<void>;
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  let rule: (FaultRule & { used: number }) | undefined;
  const seen: SeenByProxy[] = [];
  const sockets = new Set<Socket>();

  const server = http.createServer((req, res) => {
    // One request per connection: a reused socket that the proxy closed meanwhile would add a
    // network-error retry the proxy never sees, and make request counts racy.
    res.shouldKeepAlive = false;
    const entry: SeenByProxy = { method: req.method ?? 'GET', path: req.url ?? '/', at: Date.now() };
    if (req.headers.authorization) entry.authorization = req.headers.authorization;
    seen.push(entry);
    const applies = rule && (!rule.method || rule.method === req.method) && (rule.times === undefined || rule.used < rule.times);
    if (rule && applies) {
      rule.used++;
      return misbehave(rule.fault, req, res);
    }
    forward(req, res, undefined);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function forward(req: http.IncomingMessage, res: http.ServerResponse, cut: 'truncate' | undefined): void {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (up) => {
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks);
          // The body is re-sent whole: a length, not the upstream's chunking.
          const { 'transfer-encoding': _te, connection: _c, ...headers } = up.headers;
          void _te, void _c;
          res.writeHead(up.statusCode ?? 502, { ...headers, 'content-length': String(body.length) });
          if (cut) {
            // Half the body, then the connection drops: the client sees a short read.
            res.write(body.subarray(0, Math.floor(body.length / 2)));
            setTimeout(() => res.socket?.destroy(), 10);
          } else res.end(body);
        });
      },
    );
    upstream.on('error', () => {
      res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  }

  function misbehave(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (fault.kind === 'echo') return echo(fault.status, req, res);
    req.resume();
    switch (fault.kind) {
      case 'hang':
        return; // never answers; close() ends the socket
      case 'reset':
        req.socket.destroy();
        return;
      case 'status': {
        const body = fault.body ?? JSON.stringify({ error: 'server_error', error_description: `injected ${fault.status}` });
        res.writeHead(fault.status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return;
      }
      case 'non-json': {
        const body = '<html><body><h1>Bad Gateway</h1> nginx</body></html>';
        res.writeHead(fault.status ?? 200, { 'content-type': 'text/html', 'content-length': Buffer.byteLength(body) });
        res.end(body);
        return;
      }
      case 'truncate':
        forward(req, res, 'truncate');
        return;
    }
  }

  function echo(status: number, req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const auth = req.headers.authorization ?? '';
      const [scheme, value = ''] = auth.split(' ');
      const decoded = scheme === 'Basic' ? Buffer.from(value, 'base64').toString('utf8') : value;
      const body = JSON.stringify({ error: `denied: ${auth}`, error_description: `credentials ${decoded}; you sent ${Buffer.concat(chunks).toString('utf8')}` });
      res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    });
  }

  const listen = () => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  let port = 0;
  await listen();
  port = (server.address() as AddressInfo).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    set(r) {
      rule = r ? { ...r, used: 0 } : undefined;
    },
    refuse: stop,
    accept: listen,
    close: () => (server.listening ? stop() : Promise.resolve()),
  };
}
