// The import screen's calls to the server: the workspace the checks need, the column mapping remembered for
// a source, and the commit sent in parts (`imports.begin`, `append` per chunk with the progress of its
// upload, `finish` writing all or nothing, `abort`).
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '$lib/server/trpc/router';
import { trpc } from '$lib/trpc/client';
import { RequestTooLargeError } from './chunkedCommit';
import type { ImportApi } from './importScreen.svelte';
import { formatBytes } from '$lib/import/bytes';

/**
 * `fetch` for tRPC, made with XMLHttpRequest: `fetch` cannot report how much of a request body is sent,
 * and a large import on a slow link takes long enough to need a bar. The response is handed back as a
 * `Response`, so tRPC reads it (and its errors) as usual.
 */
function uploadingFetch(onupload: (fraction: number) => void) {
  return (input: RequestInfo | URL | string, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open(init?.method ?? 'GET', input instanceof Request ? input.url : String(input));
      new Headers(init?.headers).forEach((value, key) => xhr.setRequestHeader(key, value));
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onupload(e.loaded / e.total);
      };
      xhr.upload.onload = () => onupload(1);
      xhr.onload = () => {
        // A body over a request size limit (a proxy's, or the server's) is refused before tRPC sees it,
        // without JSON; a 413 of tRPC's own (the server holds too much already) says why in JSON.
        if (xhr.status === 413 && !/json/.test(xhr.getResponseHeader('content-type') ?? '')) {
          reject(
            new RequestTooLargeError(
              'the server refuses a request this large (413): ask an administrator to raise the request ' +
                'size limit of the server or of the proxy in front of it (nothing was written)',
            ),
          );
          return;
        }
        const headers = new Headers();
        for (const line of xhr
          .getAllResponseHeaders()
          .trim()
          .split(/[\r\n]+/)) {
          const at = line.indexOf(':');
          if (at > 0) headers.append(line.slice(0, at).trim(), line.slice(at + 1).trim());
        }
        resolve(new Response(xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers }));
      };
      xhr.onerror = () => reject(new TypeError('the request did not reach the server'));
      xhr.onabort = () => reject(new DOMException('the request was aborted', 'AbortError'));
      init?.signal?.addEventListener('abort', () => xhr.abort());
      xhr.send((init?.body ?? null) as XMLHttpRequestBodyInit | null);
    });
}

/**
 * The server's request size limit, in words a data officer can act on (the server's own message names
 * byte counts and nothing to do); undefined for any other error. Chunks are cut to fit under the limit the
 * server says it has, so this means a lower limit somewhere on the way.
 */
function tooLarge(e: unknown): Error | undefined {
  const m =
    e instanceof TRPCClientError ? /length of (\d+) exceeds limit of (\d+) bytes/.exec(e.message) : null;
  if (!m) return undefined;
  return new RequestTooLargeError(
    `a part of the import is ${formatBytes(Number(m[1]))} and the server takes at most ` +
      `${formatBytes(Number(m[2]))} in one request, less than it said it would: ask an administrator to ` +
      'check the server’s request size limit (nothing was written)',
  );
}

/** Drops a staging even while the page is being closed (`keepalive` outlives the page). */
const keepaliveClient = createTRPCClient<AppRouter>({
  links: [
    httpLink({
      url: '/api/trpc',
      fetch: (input, init) => fetch(input, { ...init, keepalive: true }),
    }),
  ],
});

export const importApi: ImportApi = {
  async parseContext(layer) {
    const situation = await trpc.situation.get.query();
    return {
      extent: situation.scenario.extent,
      defaultCountry: situation.scenario.country,
      actors: situation.scenario.actors.map((a) => a.id),
      // Tables of figures per P-code join to the stored admin areas; no other layer joins.
      ...(layer === 'admin' ? { existing: situation.admin } : {}),
    };
  },

  async rememberedMapping(sourceKey, layer) {
    const remembered = await trpc.imports.mapping.query({ sourceKey });
    // A mapping chosen for another layer names that layer's fields: not this one's.
    return remembered && remembered.layer === layer ? remembered.mapping : null;
  },

  async begin(preview, count) {
    const remember = preview.sourceKey && preview.mapping;
    return trpc.imports.begin.mutate({
      layer: preview.layer,
      fileName: preview.file.slice(0, 300),
      format: preview.format,
      expectedCount: count,
      ...(remember ? { sourceKey: preview.sourceKey, mapping: preview.mapping } : {}),
    });
  },

  async append(importId, seq, features, onupload, signal) {
    // Only valid features are sent; the server validates them again at finish and writes all or none.
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: '/api/trpc', fetch: uploadingFetch(onupload) })],
    });
    try {
      await client.imports.append.mutate({ importId, seq, features }, { signal });
    } catch (e) {
      throw tooLarge(e) ?? e;
    }
  },

  async finish(importId) {
    const result = await trpc.imports.finish.mutate({ importId });
    return { created: result.created, updated: result.updated, unchanged: result.unchanged };
  },

  async abort(importId) {
    await keepaliveClient.imports.abort.mutate({ importId });
  },
};
