import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { EventName, EventPayload } from '../../../electron/api/events';
import { packResult } from '../../../electron/api/wire-tables';
import type { Clock } from '../../../electron/core/clock';
import { systemClock } from '../../../electron/core/clock';
import { chromiumDocuments, findChromium } from '../../../electron/cli/chromium-documents';
import { createRouter, type Router } from '../../../electron/core/router';
import type { KdfCost } from '../../../electron/core/vault/vault-env';
import { bridgeScript } from './bridge-script';

export interface BrowserHostOptions {
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** App data and default workspace folders go under here. */
  root: string;
  migrationsFolder: string;
  clock?: Clock;
  /**
   * A cheaper Argon2id for the end-to-end tests (`testKdf`), as in the in-process tests; unset,
   * `npm run host`, the production parameters. The app and the CLI have no such setting.
   */
  kdf?: KdfCost;
}

export interface BrowserHost {
  /** The page URL, token included. */
  url: string;
  origin: string;
  token: string;
  router: Router;
  close(): Promise<void>;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

/**
 * Serves the built renderer on 127.0.0.1 and implements window.quanlian over HTTP/SSE against
 * the real router and a real encrypted workspace. For tests and development only: never
 * packaged, loopback only, and every API request must carry the per-run token.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = crypto.randomBytes(24).toString('hex');
  const eventStreams = new Set<http.ServerResponse>();
  const chromium = findChromium();
  const documents = chromium ? chromiumDocuments(chromium) : undefined;
  const router = createRouter({
    version: 'browser-host',
    host: 'browser-host',
    appDataDir: path.join(options.root, 'appdata'),
    defaultWorkspaceDir: path.join(options.root, 'workspaces'),
    migrationsFolder: options.migrationsFolder,
    clock: options.clock ?? systemClock,
    kdf: options.kdf,
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => {
      for (const stream of eventStreams)
        stream.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    },
    documents,
  });
  router.sessions.startIdleTimer(1_000);

  const rendererRoot = path.resolve(options.rendererDir);
  const tokenMatches = (candidate: string | null | undefined) =>
    typeof candidate === 'string' &&
    candidate.length === token.length &&
    crypto.timingSafeEqual(Buffer.from(candidate), Buffer.from(token));

  const server = http.createServer((request, response) => {
    try {
      serve(request, response);
    } catch {
      // A malformed address (bad percent-encoding, an unparsable URL) is the client's mistake:
      // answer it, and keep serving everyone else.
      if (!response.headersSent) response.writeHead(400);
      response.end();
    }
  });

  function serve(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/rpc' && request.method === 'POST') {
      if (!tokenMatches(request.headers['x-quanlian-token'] as string | undefined)) {
        response.writeHead(403).end();
        return;
      }
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        let body: { procedure?: unknown; input?: unknown };
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
          response.writeHead(400).end();
          return;
        }
        void router.invoke(body.procedure, body.input).then((result) => {
          response.writeHead(200, { 'content-type': 'application/json' });
          response.end(JSON.stringify(packResult(result)));
        });
      });
      return;
    }
    if (url.pathname === '/events') {
      if (!tokenMatches(url.searchParams.get('token'))) {
        response.writeHead(403).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    if (url.pathname === '/__host/bridge.js') {
      response.writeHead(200, { 'content-type': contentTypes['.js']! });
      response.end(bridgeScript);
      return;
    }
    const relative =
      url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
    const file = path.resolve(rendererRoot, relative);
    if (
      !file.startsWith(rendererRoot + path.sep) ||
      !fs.existsSync(file) ||
      !fs.statSync(file).isFile()
    ) {
      response.writeHead(404).end();
      return;
    }
    let content: Buffer | string = fs.readFileSync(file);
    if (relative === 'index.html') {
      // The bridge is a classic script, so it runs before the app's deferred module script.
      content = content
        .toString('utf8')
        .replace(
          '<script type="module"',
          '<script src="/__host/bridge.js"></script>\n    <script type="module"',
        );
    }
    response.writeHead(200, {
      'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'x-content-type-options': 'nosniff',
    });
    response.end(content);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/index.html?token=${token}`,
    origin,
    token,
    router,
    close: async () => {
      router.dispose();
      await documents?.close();
      for (const stream of eventStreams) stream.end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
    },
  };
}
