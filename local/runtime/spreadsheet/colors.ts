/**
 * Cell colours as Apps Script reports them: lower-case "#rrggbb". CSS colour names are accepted
 * on input and come back as hex (setBackground('orange') → getBackground() '#ffa500').
 */
const NAMED: Record<string, string> = {
  black: '#000000',
  white: '#ffffff',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  purple: '#800080',
  pink: '#ffc0cb',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  maroon: '#800000',
  navy: '#000080',
  teal: '#008080',
  olive: '#808000',
  aqua: '#00ffff',
  cyan: '#00ffff',
  fuchsia: '#ff00ff',
  magenta: '#ff00ff',
  brown: '#a52a2a',
  gold: '#ffd700',
  coral: '#ff7f50',
  salmon: '#fa8072',
  tomato: '#ff6347',
  crimson: '#dc143c',
  orangered: '#ff4500',
  darkorange: '#ff8c00',
  darkred: '#8b0000',
  darkgreen: '#006400',
  darkblue: '#00008b',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  darkgray: '#a9a9a9',
  darkgrey: '#a9a9a9',
  lightgreen: '#90ee90',
  lightblue: '#add8e6',
  lightyellow: '#ffffe0',
  whitesmoke: '#f5f5f5',
  gainsboro: '#dcdcdc',
  beige: '#f5f5dc',
  ivory: '#fffff0',
  khaki: '#f0e68c',
  violet: '#ee82ee',
  indigo: '#4b0082',
  turquoise: '#40e0d0',
  skyblue: '#87ceeb',
  steelblue: '#4682b4',
  seagreen: '#2e8b57',
  limegreen: '#32cd32',
  forestgreen: '#228b22',
  mediumseagreen: '#3cb371',
  firebrick: '#b22222',
  chocolate: '#d2691e',
  tan: '#d2b48c',
  slategray: '#708090',
  slategrey: '#708090',
  dimgray: '#696969',
  dimgrey: '#696969',
};

/** Returns the normalised hex colour, or undefined for text no colour parser would accept. */
export function normaliseColor(input: string): string | undefined {
  const text = input.trim().toLowerCase();
  if (NAMED[text]) return NAMED[text];
  if (/^#[0-9a-f]{6}$/.test(text)) return text;
  if (/^#[0-9a-f]{3}$/.test(text)) return `#${[...text.slice(1)].map((d) => d + d).join('')}`;
  return undefined;
}
