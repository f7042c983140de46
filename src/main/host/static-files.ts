/** Serves the built renderer from disk, with a single-page-app fallback and no path traversal. */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** A file to send: body and content type. */
export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Resolve a URL path inside `root`. Unknown paths without an extension fall
 * back to index.html (client-side routes); paths escaping `root` give null.
 */
export async function loadStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const full = join(root, relative);
  if (full !== root && !full.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const candidates = extname(relative) ? [full] : [full, join(root, 'index.html')];
  for (const candidate of candidates) {
    try {
      if ((await stat(candidate)).isFile()) {
        return { body: await readFile(candidate), contentType: CONTENT_TYPES[extname(candidate)] ?? 'application/octet-stream' };
      }
    } catch {
      // try the next candidate
    }
  }
  return null;
}
