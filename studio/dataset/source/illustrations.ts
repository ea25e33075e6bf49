/**
 * Flat SVG illustrations for the sample lesson packs: simple shapes, no words (only the digits
 * of a hotline number where it helps). Each scene is 1200x800 user units; build.ts renders it
 * to a small palette PNG with sharp.
 */

const C = {
  sky: '#d8eef6',
  skyNight: '#2b3a55',
  sun: '#ffd166',
  moon: '#f1f1e6',
  hillFar: '#9cc9a0',
  hillMid: '#6fae74',
  hillNear: '#4f8f57',
  terrace: '#b7d98f',
  ground: '#c9b48a',
  river: '#7fb7d9',
  skin: '#e2ad7d',
  skinDark: '#c98b5a',
  hair: '#262626',
  danger: '#e63946',
  safe: '#2a9d8f',
  warn: '#f4a261',
  zalo: '#1e88e5',
  ink: '#263238',
  paper: '#fffdf5',
  money: '#5fb37a',
  wall: '#f2e8d5',
  roof: '#b5533c',
  grey: '#9aa5ab',
};

export const colors = C;

/** The whole picture. */
export function scene(body: string, bg = C.sky) {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800" viewBox="0 0 1200 800"><rect width="1200" height="800" fill="${bg}"/>${body}</svg>`;
}

const g = (transform: string, body: string) => `<g transform="${transform}">${body}</g>`;

export function sun(x = 1040, y = 130, r = 60, color = C.sun) {
  return `<circle cx="${x}" cy="${y}" r="${r}" fill="${color}"/>`;
}

/** Layered mountains of Lao Cai, with rice terraces on the near slope. */
export function mountains({ night = false, terraces = true, horizon = 560 } = {}) {
  const far = night ? '#3f5573' : C.hillFar;
  const mid = night ? '#35496a' : C.hillMid;
  const near = night ? '#2c3d5a' : C.hillNear;
  let out = `<path d="M0 ${horizon - 170} L170 ${horizon - 330} L330 ${horizon - 190} L520 ${horizon - 360} L700 ${horizon - 200} L880 ${horizon - 340} L1060 ${horizon - 210} L1200 ${horizon - 300} L1200 ${horizon} L0 ${horizon} Z" fill="${far}"/>`;
  out += `<path d="M0 ${horizon - 80} Q200 ${horizon - 250} 420 ${horizon - 110} T840 ${horizon - 130} T1200 ${horizon - 90} L1200 ${horizon + 40} L0 ${horizon + 40} Z" fill="${mid}"/>`;
  if (terraces && !night) {
    for (let i = 0; i < 4; i += 1) {
      const y = horizon - 60 + i * 26;
      out += `<path d="M${-40 + i * 30} ${y} Q300 ${y - 40} 620 ${y + 6}" stroke="${C.terrace}" stroke-width="9" fill="none" stroke-linecap="round"/>`;
    }
  }
  out += `<path d="M0 ${horizon} Q600 ${horizon - 50} 1200 ${horizon} L1200 800 L0 800 Z" fill="${near}"/>`;
  return out;
}

export function ground(y = 620, color = C.ground) {
  return `<rect x="0" y="${y}" width="1200" height="${800 - y}" fill="${color}"/>`;
}

/** How a person looks and stands: colours, and what the arms do. */
export interface PersonLook {
  shirt?: string;
  pants?: string;
  /** A colour draws a skirt instead of trousers. */
  skirt?: string;
  skin?: string;
  hair?: string;
  /** Headscarf colour. */
  scarf?: string;
  hat?: string;
  collar?: string;
  /** Colour of an embroidered band. */
  band?: string;
  longHair?: boolean;
  flip?: boolean;
  sad?: boolean;
  arm?: 'down' | 'phone' | 'wave' | 'point' | 'hold';
  /** SVG drawn in the hands when the arms are down. */
  holding?: string;
}

/**
 * A person standing with feet at (x, y); about 300 units tall at s = 1.
 * opts: shirt, pants, skirt (colour: draws a skirt), skin, hair, scarf (headscarf colour),
 * hat, arm ('down' | 'phone' | 'wave' | 'point' | 'hold'), band (colour of an embroidered band).
 */
export function person(x: number, y: number, s = 1, o: PersonLook = {}) {
  const skin = o.skin ?? C.skin;
  const shirt = o.shirt ?? '#3d5a80';
  const pants = o.pants ?? '#2f3e46';
  const hair = o.hair ?? C.hair;
  const flip = o.flip ? -1 : 1;
  let b = '';
  // legs
  if (o.skirt) {
    b += `<path d="M-42 -150 L42 -150 L58 -40 L-58 -40 Z" fill="${o.skirt}"/>`;
    if (o.band) b += `<rect x="-56" y="-70" width="112" height="14" fill="${o.band}"/>`;
    b += `<rect x="-30" y="-40" width="18" height="40" fill="${skin}"/><rect x="12" y="-40" width="18" height="40" fill="${skin}"/>`;
  } else {
    b += `<rect x="-34" y="-130" width="30" height="130" rx="8" fill="${pants}"/><rect x="4" y="-130" width="30" height="130" rx="8" fill="${pants}"/>`;
  }
  b += `<ellipse cx="-20" cy="0" rx="22" ry="8" fill="#333"/><ellipse cx="20" cy="0" rx="22" ry="8" fill="#333"/>`;
  // body
  b += `<rect x="-46" y="-235" width="92" height="110" rx="30" fill="${shirt}"/>`;
  if (o.band && !o.skirt) b += `<rect x="-46" y="-150" width="92" height="12" fill="${o.band}"/>`;
  if (o.collar) b += `<path d="M-20 -235 L0 -205 L20 -235 Z" fill="${o.collar}"/>`;
  // arms
  const arm = o.arm ?? 'down';
  const sleeve = shirt;
  if (arm === 'down') {
    b += `<rect x="-66" y="-228" width="24" height="100" rx="12" fill="${sleeve}"/><rect x="42" y="-228" width="24" height="100" rx="12" fill="${sleeve}"/>`;
    b += `<circle cx="-54" cy="-126" r="12" fill="${skin}"/><circle cx="54" cy="-126" r="12" fill="${skin}"/>`;
  } else if (arm === 'phone') {
    b += `<rect x="-66" y="-228" width="24" height="100" rx="12" fill="${sleeve}"/><circle cx="-54" cy="-126" r="12" fill="${skin}"/>`;
    b += `<path d="M50 -220 Q80 -180 30 -170" stroke="${sleeve}" stroke-width="24" fill="none" stroke-linecap="round"/>`;
    b += `<rect x="4" y="-205" width="30" height="50" rx="5" fill="${C.ink}"/><rect x="8" y="-200" width="22" height="38" rx="3" fill="#8fd3ff"/>`;
    b += `<circle cx="28" cy="-168" r="11" fill="${skin}"/>`;
  } else if (arm === 'wave') {
    b += `<rect x="-66" y="-228" width="24" height="100" rx="12" fill="${sleeve}"/><circle cx="-54" cy="-126" r="12" fill="${skin}"/>`;
    b += `<path d="M50 -220 L86 -290" stroke="${sleeve}" stroke-width="24" stroke-linecap="round"/><circle cx="90" cy="-300" r="13" fill="${skin}"/>`;
  } else if (arm === 'point') {
    b += `<rect x="-66" y="-228" width="24" height="100" rx="12" fill="${sleeve}"/><circle cx="-54" cy="-126" r="12" fill="${skin}"/>`;
    b += `<path d="M50 -220 L120 -210" stroke="${sleeve}" stroke-width="24" stroke-linecap="round"/><circle cx="128" cy="-210" r="13" fill="${skin}"/>`;
  } else {
    b += `<path d="M-50 -220 Q-70 -160 -10 -160" stroke="${sleeve}" stroke-width="24" fill="none" stroke-linecap="round"/>`;
    b += `<path d="M50 -220 Q70 -160 10 -160" stroke="${sleeve}" stroke-width="24" fill="none" stroke-linecap="round"/>`;
    if (o.holding) b += o.holding;
    b += `<circle cx="-8" cy="-160" r="12" fill="${skin}"/><circle cx="8" cy="-160" r="12" fill="${skin}"/>`;
  }
  // head
  b += `<rect x="-12" y="-255" width="24" height="26" fill="${skin}"/>`;
  b += `<circle cx="0" cy="-290" r="44" fill="${skin}"/>`;
  if (o.scarf) {
    b += `<path d="M-50 -292 Q-50 -352 0 -352 Q50 -352 50 -292 L50 -300 Q0 -330 -50 -300 Z" fill="${o.scarf}"/>`;
    b += `<rect x="-52" y="-340" width="104" height="36" rx="14" fill="${o.scarf}"/>`;
    b += `<circle cx="-40" cy="-322" r="6" fill="#ffd166"/><circle cx="0" cy="-330" r="6" fill="#ffd166"/><circle cx="40" cy="-322" r="6" fill="#ffd166"/>`;
  } else if (o.hat) {
    b += `<ellipse cx="0" cy="-322" rx="70" ry="16" fill="${o.hat}"/><rect x="-38" y="-360" width="76" height="40" rx="12" fill="${o.hat}"/>`;
  } else if (o.longHair) {
    b += `<path d="M-46 -290 Q-50 -342 0 -342 Q50 -342 46 -290 L46 -230 L30 -230 L30 -300 Q0 -320 -30 -300 L-30 -230 L-46 -230 Z" fill="${hair}"/>`;
  } else {
    b += `<path d="M-45 -290 Q-48 -340 0 -340 Q48 -340 45 -290 Q20 -318 -45 -290 Z" fill="${hair}"/>`;
  }
  // face
  b += `<circle cx="${-15 * flip}" cy="-292" r="5" fill="#222"/><circle cx="${15 * flip}" cy="-292" r="5" fill="#222"/>`;
  if (o.sad)
    b += `<path d="M-14 -262 Q0 -274 14 -262" stroke="#222" stroke-width="4" fill="none" stroke-linecap="round"/>`;
  else b += `<path d="M-14 -270 Q0 -258 14 -270" stroke="#222" stroke-width="4" fill="none" stroke-linecap="round"/>`;
  return g(`translate(${x} ${y}) scale(${s})`, b);
}

/** A shadowy figure: a stranger whose face we do not see. */
export function stranger(x: number, y: number, s = 1, color = '#4a4e69') {
  const b = `<rect x="-50" y="-240" width="100" height="240" rx="36" fill="${color}"/><circle cx="0" cy="-290" r="46" fill="${color}"/><ellipse cx="0" cy="-330" rx="72" ry="14" fill="#22223b"/><rect x="-40" y="-372" width="80" height="44" rx="12" fill="#22223b"/>`;
  return g(`translate(${x} ${y}) scale(${s})`, b);
}

/** A phone, top-left corner at (x, y); content is drawn in screen coordinates (0..w-2p). */
export function phone(
  x: number,
  y: number,
  s = 1,
  content = '',
  o: { body?: string; screen?: string; rotate?: number } = {},
) {
  const w = 220;
  const h = 400;
  const b = `<rect x="0" y="0" width="${w}" height="${h}" rx="28" fill="${o.body ?? C.ink}"/><rect x="14" y="40" width="${w - 28}" height="${h - 90}" rx="8" fill="${o.screen ?? '#ffffff'}"/><circle cx="${w / 2}" cy="${h - 26}" r="12" fill="#455a64"/><rect x="${w / 2 - 24}" y="18" width="48" height="8" rx="4" fill="#455a64"/>${g('translate(14 40)', content)}`;
  return g(`translate(${x} ${y}) scale(${s})${o.rotate ? ` rotate(${o.rotate} ${w / 2} ${h / 2})` : ''}`, b);
}

/** A chat bubble at (x, y) of size w x h; tail 'left' or 'right'. */
export function bubble(x: number, y: number, w: number, h: number, color: string, tail = 'left', inner = '') {
  const t =
    tail === 'left'
      ? `<path d="M${x + 16} ${y + h - 4} L${x - 12} ${y + h + 18} L${x + 40} ${y + h - 4} Z" fill="${color}"/>`
      : `<path d="M${x + w - 16} ${y + h - 4} L${x + w + 12} ${y + h + 18} L${x + w - 40} ${y + h - 4} Z" fill="${color}"/>`;
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${Math.min(24, h / 2)}" fill="${color}"/>${t}${inner}`;
}

export function heart(x: number, y: number, s = 1, color = C.danger) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<path d="M0 30 C-60 -10 -40 -60 0 -30 C40 -60 60 -10 0 30 Z" fill="${color}"/>`,
  );
}

export function brokenHeart(x: number, y: number, s = 1, color = C.danger) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<path d="M-4 28 C-60 -10 -40 -60 -4 -30 L-12 -8 L4 4 L-6 20 Z" fill="${color}"/><path d="M6 30 C60 -10 40 -60 4 -30 L10 -10 L-4 2 L8 20 Z" fill="${color}" transform="translate(10 4) rotate(8)"/>`,
  );
}

export function banknote(x: number, y: number, s = 1, rot = 0) {
  return g(
    `translate(${x} ${y}) scale(${s}) rotate(${rot})`,
    `<rect x="-60" y="-30" width="120" height="60" rx="6" fill="${C.money}"/><rect x="-52" y="-22" width="104" height="44" rx="4" fill="none" stroke="#2d6a4f" stroke-width="4"/><circle cx="0" cy="0" r="14" fill="#2d6a4f"/>`,
  );
}

export function coins(x: number, y: number, s = 1, n = 4) {
  let b = '';
  for (let i = 0; i < n; i += 1)
    b += `<ellipse cx="0" cy="${-i * 14}" rx="34" ry="12" fill="#f2b632" stroke="#c98a0b" stroke-width="4"/>`;
  return g(`translate(${x} ${y}) scale(${s})`, b);
}

export function factory(
  x: number,
  y: number,
  s = 1,
  o: { wall?: string; smoke?: boolean; dark?: boolean; bars?: boolean } = {},
) {
  const wall = o.wall ?? '#a4b0be';
  let b = `<rect x="0" y="-160" width="300" height="160" fill="${wall}"/><path d="M0 -160 L60 -210 L60 -160 L120 -210 L120 -160 L180 -210 L180 -160 L240 -210 L240 -160 L300 -210 L300 -160 Z" fill="#7f8c8d"/><rect x="250" y="-300" width="34" height="140" fill="#7f8c8d"/>`;
  if (o.smoke !== false)
    b += `<circle cx="270" cy="-330" r="22" fill="#cfd8dc"/><circle cx="300" cy="-360" r="28" fill="#dfe6e9"/>`;
  for (let i = 0; i < 4; i += 1)
    b += `<rect x="${24 + i * 68}" y="-120" width="44" height="40" fill="${o.dark ? '#37474f' : '#dff1f7'}"/>`;
  if (o.bars)
    for (let i = 0; i < 4; i += 1)
      for (let j = 0; j < 3; j += 1)
        b += `<rect x="${32 + i * 68 + j * 12}" y="-120" width="4" height="40" fill="#263238"/>`;
  b += `<rect x="128" y="-70" width="44" height="70" fill="#57606f"/>`;
  return g(`translate(${x} ${y}) scale(${s})`, b);
}

export function passport(x: number, y: number, s = 1, rot = 0, color = '#8d1c2b') {
  return g(
    `translate(${x} ${y}) scale(${s}) rotate(${rot})`,
    `<rect x="-55" y="-75" width="110" height="150" rx="10" fill="${color}"/><circle cx="0" cy="-10" r="28" fill="none" stroke="#e9c46a" stroke-width="6"/><path d="M-28 -10 L28 -10 M0 -38 Q-16 -10 0 18 Q16 -10 0 -38" stroke="#e9c46a" stroke-width="4" fill="none"/><rect x="-30" y="40" width="60" height="8" rx="4" fill="#e9c46a"/>`,
  );
}

export function idCard(x: number, y: number, s = 1, rot = 0) {
  return g(
    `translate(${x} ${y}) scale(${s}) rotate(${rot})`,
    `<rect x="-90" y="-56" width="180" height="112" rx="12" fill="#e3f2fd" stroke="#1565c0" stroke-width="5"/><rect x="-74" y="-36" width="54" height="66" rx="6" fill="#90caf9"/><circle cx="-47" cy="-12" r="14" fill="#1565c0"/><path d="M-70 28 Q-47 0 -24 28 Z" fill="#1565c0"/><rect x="-8" y="-30" width="80" height="10" rx="5" fill="#1565c0"/><rect x="-8" y="-8" width="64" height="10" rx="5" fill="#64b5f6"/><rect x="-8" y="14" width="72" height="10" rx="5" fill="#64b5f6"/>`,
  );
}

export function lock(x: number, y: number, s = 1, color = '#455a64') {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<path d="M-30 -10 L-30 -40 Q-30 -75 0 -75 Q30 -75 30 -40 L30 -10" stroke="${color}" stroke-width="14" fill="none"/><rect x="-48" y="-14" width="96" height="80" rx="12" fill="${color}"/><circle cx="0" cy="18" r="10" fill="#cfd8dc"/><rect x="-4" y="22" width="8" height="22" fill="#cfd8dc"/>`,
  );
}

export function warning(x: number, y: number, s = 1) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<path d="M0 -70 L72 56 L-72 56 Z" fill="${C.warn}" stroke="#b5651d" stroke-width="8" stroke-linejoin="round"/><rect x="-8" y="-30" width="16" height="52" rx="8" fill="#3a2a1a"/><circle cx="0" cy="38" r="9" fill="#3a2a1a"/>`,
  );
}

export function tick(x: number, y: number, s = 1, color = C.safe) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<circle r="50" fill="${color}"/><path d="M-24 2 L-6 20 L26 -16" stroke="#fff" stroke-width="12" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`,
  );
}

export function cross(x: number, y: number, s = 1, color = C.danger) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<circle r="50" fill="${color}"/><path d="M-20 -20 L20 20 M20 -20 L-20 20" stroke="#fff" stroke-width="12" stroke-linecap="round"/>`,
  );
}

export function house(x: number, y: number, s = 1, o: { wall?: string; roof?: string } = {}) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<rect x="-110" y="-130" width="220" height="130" fill="${o.wall ?? C.wall}"/><path d="M-140 -120 L0 -230 L140 -120 Z" fill="${o.roof ?? C.roof}"/><rect x="-25" y="-80" width="50" height="80" fill="#8d6e63"/><rect x="-85" y="-100" width="40" height="36" fill="#ffe08a"/><rect x="45" y="-100" width="40" height="36" fill="#ffe08a"/>`,
  );
}

/** A house on stilts, as the Thai and Dao build in the valleys. */
export function stiltHouse(x: number, y: number, s = 1) {
  let b = `<path d="M-170 -150 L0 -250 L170 -150 Z" fill="#8d5a3b"/><rect x="-130" y="-150" width="260" height="90" fill="#d7b98e"/>`;
  for (let i = -120; i <= 120; i += 60) b += `<rect x="${i - 6}" y="-60" width="12" height="60" fill="#6d4c41"/>`;
  b += `<rect x="-30" y="-130" width="60" height="70" fill="#6d4c41"/><path d="M30 -60 L80 0" stroke="#6d4c41" stroke-width="10"/>`;
  return g(`translate(${x} ${y}) scale(${s})`, b);
}

export function school(x: number, y: number, s = 1) {
  let b = `<rect x="-220" y="-170" width="440" height="170" fill="#f6e7c1"/><rect x="-240" y="-190" width="480" height="30" fill="#c0392b"/>`;
  for (let i = 0; i < 5; i += 1) b += `<rect x="${-200 + i * 84}" y="-140" width="56" height="50" fill="#aed6f1"/>`;
  b += `<rect x="-30" y="-80" width="60" height="80" fill="#8d6e63"/><rect x="250" y="-290" width="8" height="290" fill="#7f8c8d"/>`;
  return g(`translate(${x} ${y}) scale(${s})`, b);
}

export function bus(x: number, y: number, s = 1, color = '#f4a261') {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<rect x="-170" y="-150" width="340" height="120" rx="24" fill="${color}"/><rect x="-150" y="-130" width="70" height="50" rx="6" fill="#dff1f7"/><rect x="-70" y="-130" width="70" height="50" rx="6" fill="#dff1f7"/><rect x="10" y="-130" width="70" height="50" rx="6" fill="#dff1f7"/><rect x="100" y="-130" width="54" height="80" rx="6" fill="#dff1f7"/><circle cx="-100" cy="-30" r="28" fill="#333"/><circle cx="100" cy="-30" r="28" fill="#333"/><circle cx="-100" cy="-30" r="10" fill="#aaa"/><circle cx="100" cy="-30" r="10" fill="#aaa"/>`,
  );
}

/** A border gate with a barrier arm across a road. */
export function borderGate(x: number, y: number, s = 1) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<rect x="-180" y="-260" width="60" height="260" fill="#e9d8a6"/><rect x="120" y="-260" width="60" height="260" fill="#e9d8a6"/><rect x="-200" y="-300" width="400" height="60" fill="#d4a373"/><rect x="-120" y="-90" width="240" height="16" fill="#e63946"/><rect x="-60" y="-90" width="40" height="16" fill="#fff"/><rect x="20" y="-90" width="40" height="16" fill="#fff"/><rect x="-130" y="-100" width="20" height="100" fill="#555"/>`,
  );
}

/** A river across the picture (the border river) between y0 and y1. */
export function river(y0 = 560, y1 = 640) {
  return `<path d="M0 ${y0} Q300 ${y0 - 20} 600 ${y0} T1200 ${y0} L1200 ${y1} Q900 ${y1 + 20} 600 ${y1} T0 ${y1} Z" fill="${C.river}"/>`;
}

export function fenceWire(x0: number, x1: number, y: number, h = 140) {
  let b = `<rect x="${x0}" y="${y - 10}" width="${x1 - x0}" height="10" fill="#6b6b6b"/><rect x="${x0}" y="${y - h}" width="${x1 - x0}" height="6" fill="#6b6b6b"/>`;
  for (let x = x0; x <= x1; x += 60)
    b += `<rect x="${x - 4}" y="${y - h - 20}" width="8" height="${h + 20}" fill="#555"/>`;
  for (let x = x0; x < x1; x += 30)
    b += `<path d="M${x} ${y - h - 6} l8 -12 l8 12 l8 -12" stroke="#555" stroke-width="3" fill="none"/>`;
  for (let x = x0; x < x1; x += 24)
    b += `<path d="M${x} ${y - 10} L${x + 24} ${y - h}" stroke="#8a8a8a" stroke-width="2"/><path d="M${x + 24} ${y - 10} L${x} ${y - h}" stroke="#8a8a8a" stroke-width="2"/>`;
  return b;
}

export function documentSheet(
  x: number,
  y: number,
  s = 1,
  o: { lines?: number; signature?: boolean; stamp?: boolean; rotate?: number } = {},
) {
  let b = `<rect x="-110" y="-150" width="220" height="300" rx="10" fill="${C.paper}" stroke="#b0bec5" stroke-width="5"/>`;
  for (let i = 0; i < (o.lines ?? 7); i += 1)
    b += `<rect x="-80" y="${-112 + i * 30}" width="${i % 3 === 2 ? 110 : 160}" height="10" rx="5" fill="#b0bec5"/>`;
  if (o.signature) b += `<path d="M-70 115 q20 -30 40 0 t40 0 t40 -10" stroke="#1565c0" stroke-width="5" fill="none"/>`;
  if (o.stamp)
    b += `<circle cx="60" cy="100" r="30" fill="none" stroke="#c0392b" stroke-width="6"/><circle cx="60" cy="100" r="12" fill="#c0392b"/>`;
  return g(`translate(${x} ${y}) scale(${s}) rotate(${o.rotate ?? 0})`, b);
}

export function magnifier(x: number, y: number, s = 1) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<circle cx="0" cy="0" r="70" fill="rgba(255,255,255,0.45)" stroke="#37474f" stroke-width="16"/><rect x="48" y="48" width="26" height="100" rx="10" fill="#6d4c41" transform="rotate(-45 60 60)"/>`,
  );
}

export function laptop(x: number, y: number, s = 1, screen = '') {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<rect x="-150" y="-200" width="300" height="190" rx="12" fill="#37474f"/><rect x="-136" y="-186" width="272" height="162" rx="4" fill="#cfe8ff"/>${screen}<path d="M-190 -10 L190 -10 L170 20 L-170 20 Z" fill="#546e7a"/>`,
  );
}

export function rings(x: number, y: number, s = 1) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<circle cx="-28" cy="0" r="40" fill="none" stroke="#f2b632" stroke-width="14"/><circle cx="28" cy="0" r="40" fill="none" stroke="#f2b632" stroke-width="14"/><path d="M-28 -58 l-12 -16 l24 0 z" fill="#90e0ef"/>`,
  );
}

export function table(x: number, y: number, w = 420) {
  return `<rect x="${x}" y="${y}" width="${w}" height="24" rx="6" fill="#a1887f"/><rect x="${x + 20}" y="${y + 24}" width="18" height="120" fill="#8d6e63"/><rect x="${x + w - 38}" y="${y + 24}" width="18" height="120" fill="#8d6e63"/>`;
}

export function board(x: number, y: number, w = 420, h = 240) {
  return `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="8" fill="#2e5e4e" stroke="#8d6e63" stroke-width="14"/>`;
}

export function plane(x: number, y: number, s = 1) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<path d="M-120 0 Q-120 -18 -90 -18 L90 -18 Q130 -18 140 0 Q130 18 90 18 L-90 18 Q-120 18 -120 0 Z" fill="#eceff1"/><path d="M-20 -14 L-60 -90 L-30 -90 L30 -14 Z" fill="#b0bec5"/><path d="M-20 14 L-60 90 L-30 90 L30 14 Z" fill="#b0bec5"/><path d="M-110 -10 L-130 -50 L-105 -50 L-85 -12 Z" fill="#b0bec5"/>`,
  );
}

/** The digits of a hotline in a round badge: the one place a picture holds text. */
export function hotline(x: number, y: number, s = 1, number = '111', color = C.danger) {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<circle r="90" fill="${color}"/><text x="0" y="24" text-anchor="middle" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="72" fill="#fff">${number}</text>`,
  );
}

/** A phone handset icon. */
export function handset(x: number, y: number, s = 1, color = '#fff') {
  return g(
    `translate(${x} ${y}) scale(${s})`,
    `<path d="M-40 -50 Q-30 -60 -18 -48 L0 -28 Q8 -18 -2 -8 L-12 2 Q0 26 24 38 L34 28 Q44 18 54 26 L74 44 Q86 56 76 66 L64 76 Q40 96 0 62 Q-40 28 -56 -10 Q-64 -34 -40 -50 Z" fill="${color}"/>`,
  );
}

export function night() {
  let b = '';
  const stars: [number, number][] = [
    [120, 90],
    [260, 160],
    [420, 70],
    [610, 130],
    [760, 60],
    [900, 150],
    [1100, 80],
    [340, 240],
    [980, 250],
  ];
  for (const [x, y] of stars) b += `<circle cx="${x}" cy="${y}" r="4" fill="#fff"/>`;
  return (
    b + `<circle cx="1040" cy="130" r="50" fill="${C.moon}"/><circle cx="1064" cy="116" r="44" fill="${C.skyNight}"/>`
  );
}
