/**
 * The pictures of the sample packs, by name. A pack's JSON names a scene; build.ts renders it.
 * People: Hmong (indigo shirt, embroidered band), Dao (red headscarf), Thai (black blouse,
 * silver buttons) and Kinh young people, in the hills of Lao Cai.
 */
import {
  colors as C,
  scene,
  sun,
  mountains,
  ground,
  person,
  stranger,
  phone,
  bubble,
  heart,
  banknote,
  coins,
  factory,
  passport,
  idCard,
  lock,
  warning,
  tick,
  cross,
  house,
  stiltHouse,
  school,
  bus,
  borderGate,
  river,
  fenceWire,
  documentSheet,
  magnifier,
  laptop,
  rings,
  table,
  board,
  plane,
  hotline,
  handset,
  night,
} from './illustrations.ts';

const hmong = { shirt: '#283c7a', band: '#e76f51', skirt: '#283c7a', longHair: true };
const hmongBoy = { shirt: '#283c7a', band: '#e76f51', pants: '#1d2d5c' };
const dao = { shirt: '#2b2d42', scarf: '#c1121f', skirt: '#2b2d42', band: '#c1121f' };
const thai = { shirt: '#1b1b1b', collar: '#d9d9d9', skirt: '#1b1b1b', longHair: true, band: '#2a9d8f' };
const kinh = { shirt: '#f1faee', pants: '#457b9d', collar: '#457b9d' };
const kinhGirl = { shirt: '#ffffff', skirt: '#1d3557', longHair: true };
const adult = { shirt: '#6d597a', pants: '#3d405b', skin: C.skinDark };
const mother = { shirt: '#7b2cbf', skirt: '#3c096c', longHair: true, skin: C.skinDark };
const counsellor = { shirt: '#2a9d8f', pants: '#264653', collar: '#e9c46a' };

/** Chat lines on a phone screen (screen is 192 wide). */
const chatJob =
  bubble(10, 20, 150, 60, '#e3f2fd', 'left', '') +
  factory(30, 74, 0.3, { smoke: false }) +
  bubble(10, 110, 160, 70, '#e3f2fd', 'left', '') +
  banknote(60, 145, 0.45) +
  banknote(120, 145, 0.45) +
  bubble(60, 220, 120, 50, C.zalo, 'right');
const chatLove =
  bubble(10, 20, 150, 70, '#fde2e4', 'left', '') +
  heart(85, 58, 0.45) +
  bubble(40, 120, 140, 50, C.zalo, 'right') +
  bubble(10, 200, 160, 70, '#fde2e4', 'left') +
  heart(60, 240, 0.3) +
  heart(110, 240, 0.3);
const chat111 =
  `<rect x="0" y="0" width="192" height="310" fill="#fff"/>` +
  hotline(96, 120, 0.9) +
  `<circle cx="96" cy="250" r="36" fill="${C.safe}"/>` +
  handset(92, 248, 0.42);

export const scenes: Record<string, () => string> = {
  // --- fake jobs across the border -----------------------------------------------------------
  'cover-fake-jobs': () =>
    scene(
      sun() +
        mountains() +
        borderGate(930, 560, 0.8) +
        person(360, 740, 1.3, { ...hmong, arm: 'phone' }) +
        bubble(470, 180, 260, 120, '#ffffff', 'left') +
        factory(520, 285, 0.45, { smoke: false }) +
        banknote(660, 230, 0.5) +
        warning(1080, 660, 0.7),
    ),
  'fake-jobs-message': () =>
    scene(
      mountains({ terraces: false }) +
        phone(470, 140, 1.3, chatJob) +
        person(250, 760, 1.1, { ...thai, arm: 'down' }) +
        warning(960, 300, 1),
    ),
  'fake-jobs-story': () =>
    scene(
      night() +
        mountains({ night: true, horizon: 520 }) +
        river(560, 640) +
        factory(840, 540, 0.9, { dark: true, bars: true, smoke: false }) +
        person(330, 760, 1, { ...dao, arm: 'down', sad: true }) +
        stranger(470, 760, 1.05) +
        lock(980, 420, 0.8, '#ffd166'),
      C.skyNight,
    ),
  'fake-jobs-plan': () =>
    scene(
      sun(1060, 120) +
        ground(600, '#e9dcc0') +
        house(260, 600, 1.2) +
        person(520, 740, 1, { ...hmong, arm: 'wave' }) +
        person(680, 740, 1.05, mother) +
        person(820, 740, 1.05, adult) +
        tick(1040, 320, 1.1),
    ),
  'call-111': () =>
    scene(
      `<circle cx="600" cy="400" r="330" fill="#fde2e4"/>` +
        phone(440, 160, 1.2, chat111) +
        person(230, 760, 1, { ...kinhGirl, arm: 'down' }) +
        person(960, 760, 1, { ...hmongBoy, arm: 'wave' }),
      '#fff7e6',
    ),

  // --- online boyfriends --------------------------------------------------------------------
  'cover-online-boyfriend': () =>
    scene(
      mountains({ terraces: false }) +
        person(320, 760, 1.3, { ...thai, arm: 'phone' }) +
        bubble(440, 170, 240, 120, '#fde2e4', 'left') +
        heart(560, 230, 0.9) +
        stranger(930, 760, 1.2) +
        `<rect x="760" y="80" width="360" height="420" rx="30" fill="rgba(38,50,56,0.15)"/>` +
        phone(850, 120, 0.8, chatLove),
    ),
  'boyfriend-chat': () =>
    scene(
      phone(260, 180, 1.25, chatLove) +
        phone(
          700,
          180,
          1.25,
          bubble(10, 30, 150, 60, C.zalo, 'right') +
            bubble(10, 120, 160, 60, '#fde2e4', 'left') +
            heart(90, 150, 0.35) +
            bubble(40, 210, 130, 60, C.zalo, 'right'),
        ) +
        heart(600, 150, 0.8),
      '#fff0f3',
    ),
  'boyfriend-meeting': () =>
    scene(
      sun() +
        mountains() +
        bus(780, 700, 1.1, '#adb5bd') +
        stranger(1010, 720, 0.95) +
        person(380, 740, 1.05, { ...hmong, arm: 'down', sad: true }) +
        warning(560, 220, 1) +
        borderGate(180, 560, 0.5),
    ),
  'friends-help': () =>
    scene(
      sun(1050, 110) +
        ground(620, '#d8e2dc') +
        school(600, 620, 1) +
        person(330, 760, 1, { ...thai, arm: 'down' }) +
        person(470, 760, 1, { ...dao, arm: 'wave' }) +
        person(760, 760, 1.05, { ...kinh, arm: 'point' }) +
        tick(1000, 300, 1),
    ),

  // --- marriage brokers ---------------------------------------------------------------------
  'cover-marriage-broker': () =>
    scene(
      mountains() +
        stiltHouse(930, 620, 1) +
        person(300, 760, 1.2, { ...hmong, arm: 'down', sad: true }) +
        stranger(540, 760, 1.15, '#6c584c') +
        coins(620, 560, 0.9) +
        rings(760, 200, 1.2) +
        cross(900, 160, 0.6),
    ),
  'marriage-family-talk': () =>
    scene(
      ground(600, '#efe3c8') +
        `<rect x="0" y="0" width="1200" height="600" fill="#f6efe0"/>` +
        table(380, 560, 440) +
        person(300, 760, 1, mother) +
        person(600, 760, 1, { ...dao, arm: 'down' }) +
        person(900, 760, 1.05, adult) +
        heart(600, 180, 0.8, '#f28482'),
      '#f6efe0',
    ),

  'marriage-truth': () =>
    scene(
      ground(600, '#e6dcc6') +
        stranger(250, 760, 1.1, '#6c584c') +
        coins(360, 560, 1) +
        banknote(420, 460, 0.9, -10) +
        `<rect x="600" y="120" width="480" height="440" rx="10" fill="#8d6e63"/><rect x="640" y="160" width="400" height="360" fill="#fbeee0"/>` +
        person(840, 560, 0.95, { ...hmong, arm: 'down', sad: true }) +
        [0, 1, 2, 3, 4, 5, 6]
          .map((i) => `<rect x="${660 + i * 56}" y="160" width="12" height="360" fill="#5d4037"/>`)
          .join('') +
        lock(1110, 400, 0.6),
      '#f4ecdd',
    ),

  // --- recruiters we know -------------------------------------------------------------------
  'cover-recruiters-we-know': () =>
    scene(
      sun() +
        mountains() +
        house(960, 640, 0.9) +
        person(380, 760, 1.15, { ...kinhGirl, arm: 'down' }) +
        person(620, 760, 1.2, { shirt: '#bc4749', pants: '#283618', arm: 'point', collar: '#f2e8cf' }) +
        banknote(790, 320, 0.8, -12) +
        bus(1000, 780, 0.5, '#e9c46a'),
    ),
  'leave-school-offer': () =>
    scene(
      sun(1060, 110) +
        ground(620, '#dde5b6') +
        school(280, 620, 0.75) +
        person(560, 760, 1, { ...kinhGirl, arm: 'down' }) +
        person(700, 760, 1.1, { shirt: '#bc4749', pants: '#283618', collar: '#f2e8cf', arm: 'point' }) +
        bus(1000, 760, 0.8, '#e9c46a') +
        warning(860, 220, 0.9),
    ),
  'trusted-adults': () =>
    scene(
      ground(620, '#e9edc9') +
        `<circle cx="600" cy="440" r="300" fill="#ccd5ae"/><circle cx="600" cy="440" r="190" fill="#e9edc9"/>` +
        person(600, 700, 0.9, { ...hmongBoy, arm: 'down' }) +
        person(280, 760, 0.9, mother) +
        person(920, 760, 0.95, counsellor) +
        person(440, 300, 0.55, adult) +
        person(760, 300, 0.55, { ...kinh, arm: 'wave' }),
      '#fefae0',
    ),

  // --- checking a job offer -----------------------------------------------------------------
  'cover-check-job-offer': () =>
    scene(
      `<rect x="0" y="0" width="1200" height="560" fill="#e8f4f1"/>` +
        board(780, 90, 340, 220) +
        table(200, 560, 800) +
        person(360, 740, 1.1, { ...hmongBoy, arm: 'down' }) +
        person(840, 740, 1.1, { ...counsellor, arm: 'point' }) +
        documentSheet(600, 420, 0.7) +
        magnifier(660, 420, 0.8) +
        tick(950, 200, 0.8),
      '#e8f4f1',
    ),
  'check-company': () =>
    scene(
      documentSheet(420, 400, 1.3, { stamp: true }) +
        magnifier(520, 340, 1.3) +
        factory(820, 640, 0.8, { smoke: true }) +
        tick(1000, 200, 0.9),
      '#eef6f3',
    ),
  'keep-your-papers': () =>
    scene(
      person(420, 760, 1.3, { ...dao, arm: 'hold', holding: '' }) +
        passport(420, 530, 0.9) +
        idCard(760, 360, 1.3) +
        stranger(1020, 760, 1) +
        cross(890, 180, 0.7),
      '#f1f6f9',
    ),
  'family-phone': () =>
    scene(
      mountains() +
        person(300, 760, 1.1, { ...hmong, arm: 'phone' }) +
        phone(
          500,
          200,
          0.8,
          `<rect width="192" height="310" fill="#fff"/>` +
            person(96, 200, 0.4, mother) +
            `<rect x="30" y="230" width="132" height="50" rx="25" fill="${C.safe}"/>` +
            handset(96, 255, 0.3),
        ) +
        stiltHouse(940, 640, 0.9) +
        heart(760, 200, 0.6, C.safe),
    ),

  // --- safe, legal labour migration -----------------------------------------------------------
  'cover-safe-migration': () =>
    scene(
      sun() +
        plane(900, 180, 1.1) +
        ground(600, '#dfe7fd') +
        documentSheet(560, 430, 1, { signature: true, stamp: true }) +
        person(280, 760, 1.15, { ...kinh, arm: 'down' }) +
        person(860, 760, 1.1, counsellor) +
        tick(700, 300, 0.7),
      '#dbeafe',
    ),
  'contract-signed': () =>
    scene(
      table(250, 560, 700) +
        documentSheet(600, 380, 1.2, { signature: true, stamp: true }) +
        person(280, 760, 1, { ...thai, arm: 'down' }) +
        person(930, 760, 1, counsellor) +
        tick(780, 220, 0.8),
      '#f8f4ea',
    ),
  'licensed-office': () =>
    scene(
      ground(640, '#d9d9d9') +
        `<rect x="300" y="240" width="600" height="400" fill="#e0e7ef"/><rect x="280" y="210" width="640" height="40" fill="#2a9d8f"/>` +
        `<rect x="380" y="300" width="100" height="80" fill="#aed6f1"/><rect x="720" y="300" width="100" height="80" fill="#aed6f1"/><rect x="550" y="470" width="100" height="170" fill="#5d6d7e"/>` +
        documentSheet(1040, 360, 0.5, { stamp: true }) +
        person(180, 760, 0.9, { ...hmongBoy, arm: 'point' }),
      '#e3f2fd',
    ),

  // --- scam compounds -----------------------------------------------------------------------
  'cover-scam-compound': () =>
    scene(
      sun(1060, 110, 50, '#f4a261') +
        ground(600, '#cdb79e') +
        factory(420, 600, 1.4, { bars: true, dark: true, smoke: false }) +
        fenceWire(60, 1140, 640, 170) +
        laptop(
          900,
          440,
          0.8,
          `<rect x="-110" y="-160" width="220" height="30" rx="4" fill="#90caf9"/><rect x="-110" y="-120" width="160" height="20" rx="4" fill="#90caf9"/><rect x="-110" y="-90" width="190" height="20" rx="4" fill="#90caf9"/>`,
        ) +
        person(980, 780, 0.7, { ...kinh, sad: true }),
      '#f6e3c6',
    ),
  'scam-ad': () =>
    scene(
      phone(
        200,
        160,
        1.25,
        bubble(10, 20, 170, 90, '#fff3cd', 'left') +
          laptop(95, 95, 0.35) +
          bubble(10, 140, 170, 80, '#e3f2fd', 'left') +
          banknote(60, 180, 0.5) +
          banknote(130, 180, 0.5) +
          bubble(50, 250, 130, 44, C.zalo, 'right'),
      ) +
        plane(820, 220, 0.9) +
        warning(840, 520, 1.2),
      '#fdf6ec',
    ),
  'scam-ransom-call': () =>
    scene(
      stiltHouse(860, 640, 1) +
        ground(640, '#d8c9a3') +
        person(320, 760, 1.1, { ...mother, arm: 'phone', sad: true }) +
        bubble(430, 160, 300, 140, '#ffe5e5', 'left') +
        coins(520, 270, 0.8) +
        banknote(640, 240, 0.6) +
        lock(1080, 280, 0.7),
    ),

  // --- debts, documents and getting help ------------------------------------------------------
  'cover-debt-and-help': () =>
    scene(
      mountains() +
        borderGate(600, 620, 0.9) +
        person(300, 760, 1.1, mother) +
        person(880, 760, 1.15, { shirt: '#556b2f', pants: '#556b2f', hat: '#3b5323', arm: 'wave' }) +
        hotline(1060, 180, 0.8),
    ),
  'debt-trap': () =>
    scene(
      `<rect x="0" y="560" width="1200" height="240" fill="#e0d5c1"/>` +
        person(360, 760, 1.1, { ...thai, sad: true }) +
        `<path d="M420 600 q40 30 80 0 t80 0 t80 0" stroke="#6b6b6b" stroke-width="14" fill="none"/>` +
        lock(700, 620, 0.8) +
        documentSheet(900, 330, 0.8, { lines: 8 }) +
        coins(980, 560, 1) +
        passport(760, 280, 0.6, -10),
      '#f3ede2',
    ),
};

export function render(name: string): string {
  const make = scenes[name];
  if (!make) throw new Error(`Unknown scene "${name}"`);
  return make();
}
