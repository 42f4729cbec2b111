import { Transform } from 'node:stream';

/** The size of the buffer React's server renderer (Fizz) fills and hands on, in react-dom 18. */
const REACT_VIEW_BYTES = 2048;
/** A UTF-8 character takes at most 4 bytes, so at most 3 of them can be left unfilled. */
const MOST_UNFILLED = 3;

/**
 * react-dom 18.3's renderToPipeableStream encodes text into a 2,048-byte buffer, and when the next
 * character does not fit in the bytes left it sends the whole buffer, unfilled tail included:
 * one to three NUL bytes in the page, 2,047 bytes into a block (react issues 27554 and 31134; fixed
 * in React 19). Most Urdu and many Polish pages had them, and inside a chart's SVG a browser shows
 * each as "�". This stream sits where React writes: a full buffer's zero tail is dropped. The
 * bytes before it are whole characters (TextEncoder.encodeInto never splits one), and a NUL never
 * belongs in an HTML page, so nothing real is lost.
 */
export function withoutUnfilledBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.length === REACT_VIEW_BYTES ? trimZeroTail(chunk) : chunk);
    },
  });
}

function trimZeroTail(chunk: Buffer): Buffer {
  let end = chunk.length;
  while (end > chunk.length - MOST_UNFILLED && chunk[end - 1] === 0) end -= 1;
  return end === chunk.length ? chunk : chunk.subarray(0, end);
}
