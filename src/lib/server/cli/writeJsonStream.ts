/**
 * Writes `value` as `JSON.stringify(value, null, 2)` would, byte for byte, but in pieces: objects and arrays
 * down to `depth` levels are written member by member, and each deeper value is stringified on its own. A
 * report of a whole country's roads is too long for one JavaScript string (V8 caps strings at about 512 MB);
 * this never holds more than one member and a buffer of about 64 KB. `write` gets the pieces in order.
 */
export function writeJsonStream(value: unknown, write: (chunk: string) => void, depth = 2): void {
  let buffer = '';
  const emit = (text: string) => {
    buffer += text;
    if (buffer.length >= 65_536) {
      write(buffer);
      buffer = '';
    }
  };
  const whole = (v: unknown, indent: string) => {
    const text = JSON.stringify(v, null, 2);
    emit(indent === '' ? text : text.replaceAll('\n', `\n${indent}`));
  };
  const visit = (v: unknown, level: number, indent: string) => {
    const inner = `${indent}  `;
    if (
      level >= depth ||
      v === null ||
      typeof v !== 'object' ||
      typeof (v as { toJSON?: unknown }).toJSON === 'function'
    ) {
      whole(v, indent);
      return;
    }
    if (Array.isArray(v)) {
      if (v.length === 0) return emit('[]');
      emit('[');
      v.forEach((item, i) => {
        emit(`${i > 0 ? ',' : ''}\n${inner}`);
        // As JSON.stringify: undefined, functions and symbols in arrays become null.
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') emit('null');
        else visit(item, level + 1, inner);
      });
      emit(`\n${indent}]`);
      return;
    }
    // As JSON.stringify: members that are undefined, functions or symbols are left out.
    const entries = Object.entries(v).filter(
      ([, item]) => item !== undefined && typeof item !== 'function' && typeof item !== 'symbol',
    );
    if (entries.length === 0) return emit('{}');
    emit('{');
    entries.forEach(([key, item], i) => {
      emit(`${i > 0 ? ',' : ''}\n${inner}${JSON.stringify(key)}: `);
      visit(item, level + 1, inner);
    });
    emit(`\n${indent}}`);
  };
  visit(value, 0, '');
  if (buffer) write(buffer);
}
