import { describe, expect, it } from 'vitest';
import { escapeName, nameProblem, nameSchema } from '../../src/sessions/names.ts';

describe('names of teams and devices', () => {
  it('refuse every control character, NUL included, and bidi overrides, but take any script', () => {
    for (const bad of [
      'Phone\u0000',
      'A\nrevoked 2026-01-01',
      'Tab\there',
      '\u001b[31mred',
      'DEL\u007f',
      'C1\u0085',
      '\u202Eevil',
      'iso\u2066late',
    ]) {
      expect(nameProblem(bad), JSON.stringify(bad)).toBe('controlCharacter');
      expect(nameSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    for (const good of ['Điện thoại đội Y Tý', 'Hmoob Sa Pa', 'ꪼꪕꪒꪾ', "Phone 2 (Mai's)"]) {
      expect(nameProblem(good)).toBeUndefined();
      expect(nameSchema.parse(` ${good} `)).toBe(good);
    }
    expect(nameProblem('   ')).toBe('empty');
    expect(nameProblem('x'.repeat(101))).toBe('tooLong');
  });

  it('print escaped, so a stored name cannot forge a line of the teams list', () => {
    expect(escapeName('A\nrevoked\u0000')).toBe('A\\u{a}revoked\\u{0}');
    expect(escapeName('\u202Eevil')).toBe('\\u{202e}evil');
    expect(escapeName('Đội Y Tý')).toBe('Đội Y Tý');
  });
});
