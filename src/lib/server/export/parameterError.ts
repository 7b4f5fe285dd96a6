/** A query parameter (or path part) the caller got wrong; answered with 400 and a JSON body naming it. */
export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`parameter "${parameter}": ${message}`);
    this.name = 'ParameterError';
  }
}

/** The JSON error body of OGC API – Features (an exception with `code` and `description`), with the parameter. */
export function parameterErrorResponse(e: ParameterError): Response {
  return Response.json(
    { code: 'InvalidParameterValue', parameter: e.parameter, description: e.message },
    { status: 400, headers: { 'cache-control': 'no-store' } },
  );
}

/** Runs a handler, answering a `ParameterError` it throws with its 400. */
export async function answerParameterErrors(handle: () => Promise<Response>): Promise<Response> {
  try {
    return await handle();
  } catch (e) {
    if (e instanceof ParameterError) return parameterErrorResponse(e);
    throw e;
  }
}

/** 404 with a JSON body saying what was not found. */
export function notFoundResponse(description: string): Response {
  return Response.json(
    { code: 'NotFound', description },
    { status: 404, headers: { 'cache-control': 'no-store' } },
  );
}

/** Refuses any query parameter not in `known`: a typo (`asof`) must not silently give another answer. */
export function checkKnownParameters(url: URL, known: readonly string[]): void {
  for (const key of url.searchParams.keys())
    if (!known.includes(key))
      throw new ParameterError(key, `is not a parameter of this resource (known: ${known.join(', ')})`);
}
