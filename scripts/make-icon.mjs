// Draws media/icon.png (128×128): a page with a check mark on a dark blue tile. No image
// library needed: the shapes are rasterised here and written as a PNG with zlib.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const S = 128;
const px = new Uint8Array(S * S * 4);
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  const cx = Math.max(x0 + r, Math.min(x, x1 - r));
  const cy = Math.max(y0 + r, Math.min(y, y1 - r));
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
const distToSegment = (x, y, [ax, ay], [bx, by]) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay)));
};
for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    let c = [0, 0, 0, 0];
    // 4×4 supersampling for smooth edges
    let tile = 0, page = 0, fold = 0, check = 0, lines = 0;
    for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) {
      const X = x + (sx + 0.5) / 4, Y = y + (sy + 0.5) / 4;
      if (inRoundRect(X, Y, 4, 4, 124, 124, 22)) tile++;
      const inPage = X >= 30 && X <= 94 && Y >= 18 && Y <= 110 && !(X > 78 && Y < 18 + (X - 78));
      if (inPage) page++;
      if (X > 78 && X <= 94 && Y >= 18 && Y <= 34 && Y >= 18 + (X - 78)) fold++;
      if ([46, 58].some((ly) => Math.abs(Y - ly) < 2.2 && X > 40 && X < 72)) lines++;
      if (distToSegment(X, Y, [50, 82], [62, 94]) < 6 || distToSegment(X, Y, [62, 94], [88, 64]) < 6) check++;
    }
    const mix = (under, over, a) => under.map((u, i) => Math.round(u * (1 - a) + over[i] * a));
    c = mix(c, [23, 50, 92, 255], tile / 16);
    c = mix(c, [246, 248, 250, 255], page / 16);
    c = mix(c, [196, 206, 218, 255], fold / 16);
    c = mix(c, [140, 154, 170, 255], lines / 16);
    c = mix(c, [31, 158, 84, 255], check / 16);
    px.set(c, (y * S + x) * 4);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
const crc = (buf) => { let c = 0xffffffff; for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) { raw[y * (S * 4 + 1)] = 0; Buffer.from(px.buffer, y * S * 4, S * 4).copy(raw, y * (S * 4 + 1) + 1); }
const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(S, 0); ihdr.writeUInt32BE(S, 4); ihdr[8] = 8; ihdr[9] = 6;
writeFileSync(new URL("../media/icon.png", import.meta.url), Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]));
console.log("media/icon.png written");
