import type { TextEncodingName } from './protocol';

/** A file that is not in the encoding it was read as; the message says what to do about it. */
export class TextEncodingError extends Error {
  constructor(encoding: TextEncodingName) {
    super(
      `the file is not valid ${encoding.toUpperCase()} text; if it came from Excel, choose its encoding ` +
        '(Arabic Windows: windows-1256, Western Windows: windows-1252) and read it again',
    );
    this.name = 'TextEncodingError';
  }
}

/**
 * Reads a file's text chunk by chunk, calling `onBytes` with the bytes read so far after every chunk, so a
 * large file shows its progress and is never held twice as bytes and text. A byte-order mark is dropped;
 * bytes that are not valid in `encoding` raise a {@link TextEncodingError} rather than turning into `�`
 * (a place name silently garbled would be imported as such).
 *
 * @example
 * const text = await readText(file, 'utf-8', (bytes) => console.log(bytes / file.size));
 */
export async function readText(
  file: Blob,
  encoding: TextEncodingName,
  onBytes: (bytesRead: number) => void,
): Promise<string> {
  let bytesRead = 0;
  // Counted before decoding: the decoder's output says how many characters, not how much of the file.
  const count = new TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>({
    transform(chunk, controller) {
      bytesRead += chunk.byteLength;
      controller.enqueue(chunk);
      onBytes(bytesRead);
    },
  });
  const reader = file
    .stream()
    .pipeThrough(count)
    .pipeThrough(new TextDecoderStream(encoding, { fatal: true }))
    .getReader();
  const parts: string[] = [];
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
    }
  } catch (e) {
    if (e instanceof TypeError && /decod|encod|invalid/i.test(e.message))
      throw new TextEncodingError(encoding);
    throw e;
  }
  return parts.join('');
}
