// Draws the app icon (a gold key on a blue shield) into build/icon.png (packaging) and renderer/public/icon.png
// (the window's favicon), 512×512 RGBA. Kept as a script so the icon
// is reproducible without an image editor: shapes are tested per sample (4×4 supersampling for smooth edges) and the
// PNG is written by hand with zlib. Run: node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 512
const SS = 4

// The shield's outline: straight top, vertical sides, then two quadratic curves meeting in the bottom point.
function shieldPolygon(inset) {
  const l = 88 + inset, r = 424 - inset, top = 64 + inset, bend = 250, tip = 472 - inset * 1.6
  const pts = [[l, top + 24], [256, top], [r, top + 24], [r, bend]]
  for (let i = 1; i <= 32; i++) {
    const t = i / 32
    pts.push([(1 - t) ** 2 * r + 2 * (1 - t) * t * r + t * t * 256, (1 - t) ** 2 * bend + 2 * (1 - t) * t * 400 + t * t * tip])
  }
  for (let i = 1; i <= 32; i++) {
    const t = i / 32
    pts.push([(1 - t) ** 2 * 256 + 2 * (1 - t) * t * l + t * t * l, (1 - t) ** 2 * tip + 2 * (1 - t) * t * 400 + t * t * bend])
  }
  return pts
}

function inPolygon(pts, x, y) {
  let inside = false
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]
    const [xj, yj] = pts[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

const outer = shieldPolygon(0)
const rim = shieldPolygon(18)
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r

// The key: a ring bow, a shaft and two teeth, slightly tilted so it reads as a key at small sizes.
const TILT = (-20 * Math.PI) / 180
function inKey(px, py) {
  const cx = 256, cy = 262
  const x = Math.cos(TILT) * (px - cx) - Math.sin(TILT) * (py - cy) + cx
  const y = Math.sin(TILT) * (px - cx) + Math.cos(TILT) * (py - cy) + cy
  const bow = inCircle(x, y, 256, 180, 64) && !inCircle(x, y, 256, 180, 28)
  const shaft = inRect(x, y, 240, 236, 272, 400)
  const tooth1 = inRect(x, y, 272, 338, 314, 360)
  const tooth2 = inRect(x, y, 272, 378, 302, 400)
  return bow || shaft || tooth1 || tooth2
}

function sample(x, y) {
  if (inKey(x, y)) return [242, 182, 50, 255]
  if (inPolygon(rim, x, y)) {
    const t = (y - 64) / 420
    return [Math.round(30 - 14 * t), Math.round(96 - 40 * t), Math.round(176 - 60 * t), 255]
  }
  if (inPolygon(outer, x, y)) return [214, 226, 240, 255]
  return [0, 0, 0, 0]
}

const rgba = Buffer.alloc(SIZE * SIZE * 4)
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const [sr, sg, sb, sa] = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
        r += sr * sa; g += sg * sa; b += sb * sa; a += sa
      }
    }
    const o = (py * SIZE + px) * 4
    if (a > 0) {
      rgba[o] = Math.round(r / a); rgba[o + 1] = Math.round(g / a); rgba[o + 2] = Math.round(b / a)
    }
    rgba[o + 3] = Math.round(a / (SS * SS))
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buf) {
  let c = 0xffffffff
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(SIZE, 0)
header.writeUInt32BE(SIZE, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1))
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)

const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0))
])
for (const target of ['../build/icon.png', '../renderer/public/icon.png']) {
  const out = new URL(target, import.meta.url)
  mkdirSync(new URL('.', out), { recursive: true })
  writeFileSync(out, png)
  console.log(`wrote ${out.pathname} (${png.length} bytes)`)
}
