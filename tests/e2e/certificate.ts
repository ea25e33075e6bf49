/**
 * A throwaway self-signed certificate for `localhost` (openssl, valid one day), for the test
 * servers that speak TLS: the nginx proxy (proxy-helpers.ts) and the Studio stand-in's listener
 * (studio-stand-in.ts). Writes `key.pem` and `cert.pem` into `folder` and returns their paths.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export function throwawayCertificate(folder: string): { key: string; cert: string } {
  const key = join(folder, 'key.pem');
  const cert = join(folder, 'cert.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { key, cert };
}
