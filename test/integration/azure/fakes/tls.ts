/**
 * A throwaway self-signed certificate for the loopback fakes (CN 127.0.0.1, SAN 127.0.0.1
 * and localhost). Trusted by passing `ca` to the SDK (in-process) or NODE_EXTRA_CA_CERTS
 * to a subprocess.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';

export interface LoopbackCertificate {
  cert: string;
  key: string;
  /** A PEM file holding `cert`, for NODE_EXTRA_CA_CERTS. */
  caFile: string;
}

let cached: Promise<LoopbackCertificate> | undefined;

/** One certificate per test process (generating RSA keys takes a moment). */
export function loopbackCertificate(): Promise<LoopbackCertificate> {
  cached ??= (async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      algorithm: 'sha256',
      notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
      extensions: [
        { name: 'basicConstraints', cA: true },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, keyCertSign: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }, { type: 2, value: 'localhost' }] },
      ],
    });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'demarc-fake-tls-'));
    const caFile = path.join(dir, 'ca.pem');
    await writeFile(caFile, pems.cert, 'utf8');
    return { cert: pems.cert, key: pems.private, caFile };
  })();
  return cached;
}

export interface LoopbackHttpsServer {
  /** `https://127.0.0.1:<port>` */
  origin: string;
  stop(): Promise<void>;
}

/** An HTTPS server on 127.0.0.1 with the loopback certificate; `handle` gets each request with its whole body. */
export async function startLoopbackHttps(
  handle: (req: IncomingMessage, res: ServerResponse, body: string) => void,
  options: Pick<https.ServerOptions, 'keepAlive'> = {},
): Promise<LoopbackHttpsServer> {
  const { cert, key } = await loopbackCertificate();
  const server = https.createServer({ cert, key, ...options }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handle(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
