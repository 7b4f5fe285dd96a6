// The import screen's calls to the server: the workspace the checks need, the column mapping remembered for
// a source, and the commit (one request, all or nothing) with the progress of its upload.
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import type { AppRouter } from '$lib/server/trpc/router';
import { trpc } from '$lib/trpc/client';
import type { ImportApi } from './importScreen.svelte';
import { formatBytes } from './report';

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
        // A body over the server's request size limit is refused before tRPC sees it, without JSON.
        if (xhr.status === 413) {
          reject(
            new Error(
              'the server refuses a request this large (413): import the file in parts, or ask an ' +
                'administrator to raise the server’s request size limit',
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
 * byte counts and nothing to do); undefined for any other error.
 */
function tooLarge(e: unknown): Error | undefined {
  const m =
    e instanceof TRPCClientError ? /length of (\d+) exceeds limit of (\d+) bytes/.exec(e.message) : null;
  if (!m) return undefined;
  return new Error(
    `the import is ${formatBytes(Number(m[1]))} and the server takes at most ${formatBytes(Number(m[2]))} ` +
      'in one request: import the file in parts (nothing was written), or ask an administrator to raise ' +
      'the server’s request size limit',
  );
}

export const importApi: ImportApi = {
  async parseContext(layer) {
    const situation = await trpc.situation.get.query();
    return {
      extent: situation.scenario.extent,
      defaultCountry: situation.scenario.country,
      // Tables of figures per P-code join to the stored admin areas; no other layer joins.
      ...(layer === 'admin' ? { existing: situation.admin } : {}),
    };
  },

  async rememberedMapping(sourceKey, layer) {
    const remembered = await trpc.imports.mapping.query({ sourceKey });
    // A mapping chosen for another layer names that layer's fields: not this one's.
    return remembered && remembered.layer === layer ? remembered.mapping : null;
  },

  async commit(preview, features, onupload) {
    // Only the valid features are sent (rejected rows are never in `features`); the server validates them
    // again and writes all or none. One request: the server takes the whole import in one transaction.
    const client = createTRPCClient<AppRouter>({
      links: [httpLink({ url: '/api/trpc', fetch: uploadingFetch(onupload) })],
    });
    const remember = preview.sourceKey && preview.mapping;
    try {
      const result = await client.imports.commit.mutate({
        layer: preview.layer,
        fileName: preview.file.slice(0, 300),
        format: preview.format,
        features,
        ...(remember ? { sourceKey: preview.sourceKey, mapping: preview.mapping } : {}),
      });
      return { created: result.created, updated: result.updated, unchanged: result.unchanged };
    } catch (e) {
      throw tooLarge(e) ?? e;
    }
  },
};
