// v8 serialisation whose typed arrays are not copied when read back. Node's deserialiser makes a
// typed array as a view into the buffer read when its bytes happen to lie at a multiple of its
// element size there, and copies them otherwise: three in four Int32Arrays, 56 MB of the index
// cache's 64 MB at 10,000 sources, copied into memory touched for the first time. Here every
// typed array's bytes go after the rest, each at a multiple of 8, and are read back as views
// into the buffer read. Views keep that whole buffer alive; one posted to a thread takes the
// whole buffer with it (see engine/index/word-counts).
//
// Layout: "CRB1", the header's length (u32), the header (v8 serialisation, each typed array
// written as its type, offset and length), zeros up to a multiple of 8, then the arrays' bytes.
import { DefaultDeserializer, DefaultSerializer } from "node:v8";

const MAGIC = "CRB1";
const ALIGN = 8;

type ViewMaker = (buffer: ArrayBuffer, byteOffset: number, byteLength: number) => ArrayBufferView;
const typed = <T extends ArrayBufferView>(C: { new (b: ArrayBuffer, o: number, n: number): T; BYTES_PER_ELEMENT: number }): ViewMaker =>
  (buffer, byteOffset, byteLength) => new C(buffer, byteOffset, byteLength / C.BYTES_PER_ELEMENT);

/** The kinds of view kept, by their number in the file (the order must never change: add at the end). */
const KINDS: Array<[Function, ViewMaker]> = [
  [Buffer, (buffer, byteOffset, byteLength) => Buffer.from(buffer, byteOffset, byteLength)],
  [Int8Array, typed(Int8Array)],
  [Uint8Array, typed(Uint8Array)],
  [Uint8ClampedArray, typed(Uint8ClampedArray)],
  [Int16Array, typed(Int16Array)],
  [Uint16Array, typed(Uint16Array)],
  [Int32Array, typed(Int32Array)],
  [Uint32Array, typed(Uint32Array)],
  [Float32Array, typed(Float32Array)],
  [Float64Array, typed(Float64Array)],
  [BigInt64Array, typed(BigInt64Array)],
  [BigUint64Array, typed(BigUint64Array)],
  [DataView, (buffer, byteOffset, byteLength) => new DataView(buffer, byteOffset, byteLength)],
];

const alignUp = (n: number) => Math.ceil(n / ALIGN) * ALIGN;

class ViewsApart extends DefaultSerializer {
  readonly views: ArrayBufferView[] = [];
  /** Where the next view's bytes go, from the start of the views' part. */
  private at = 0;

  /** Called by the serialiser for each typed array (node:v8's hook; not in its typings). */
  _writeHostObject(view: ArrayBufferView): void {
    const kind = KINDS.findIndex(([C]) => view.constructor === C);
    if (kind < 0) throw new Error(`cannot keep a ${view.constructor.name}`);
    this.writeUint32(kind);
    this.writeDouble(this.at);
    this.writeDouble(view.byteLength);
    this.views.push(view);
    this.at = alignUp(this.at + view.byteLength);
  }
}

/** The value as the parts of one file, to be written one after another (see `readAligned`). */
export function serialiseAligned(value: unknown): Uint8Array[] {
  const serializer = new ViewsApart();
  serializer.writeHeader();
  serializer.writeValue(value);
  const header = serializer.releaseBuffer();
  const head = Buffer.alloc(8);
  head.write(MAGIC, 0, "latin1");
  head.writeUInt32LE(header.length, 4);
  const parts: Uint8Array[] = [head, header];
  let length = 8 + header.length;
  const pad = (to: number) => {
    if (to > length) parts.push(new Uint8Array(to - length));
    length = to;
  };
  pad(alignUp(length));
  for (const view of serializer.views) {
    pad(alignUp(length));
    parts.push(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
    length += view.byteLength;
  }
  return parts;
}

class ViewsInPlace extends DefaultDeserializer {
  constructor(
    buffer: Buffer,
    private readonly whole: Buffer,
    private readonly viewsStart: number,
  ) {
    super(buffer);
  }

  /** Called by the deserialiser for each typed array (node:v8's hook; not in its typings). */
  _readHostObject(): ArrayBufferView {
    const kind = KINDS[this.readUint32()];
    const offset = this.readDouble();
    const byteLength = this.readDouble();
    const from = this.viewsStart + offset;
    if (!kind || from + byteLength > this.whole.length) throw new Error("damaged: a typed array out of bounds");
    return kind[1](this.whole.buffer as ArrayBuffer, this.whole.byteOffset + from, byteLength);
  }
}

/** The value written by `serialiseAligned`; throws on a file not so written, or cut short. */
export function readAligned(bytes: Buffer): unknown {
  if (bytes.length < 8 || bytes.toString("latin1", 0, 4) !== MAGIC) throw new Error("not a Corroborate cache file");
  // The views need the file at a multiple of 8 in memory (a file read whole is; a slice of a pool may not be).
  const whole = bytes.byteOffset % ALIGN === 0 ? bytes : copyAligned(bytes);
  const headerLength = whole.readUInt32LE(4);
  if (8 + headerLength > whole.length) throw new Error("damaged: cut short");
  const deserializer = new ViewsInPlace(whole.subarray(8, 8 + headerLength), whole, alignUp(8 + headerLength));
  deserializer.readHeader();
  return deserializer.readValue();
}

/** The bytes copied into a buffer of their own (which starts at offset 0 of its memory). */
function copyAligned(bytes: Buffer): Buffer {
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}
