/**
 * A deliberately tiny formula evaluator: constants, arithmetic, "&", HYPERLINK and CONCATENATE.
 * Anything else (cell references, other functions, syntax errors) evaluates to "#ERROR!", so the
 * fake is never kinder than Sheets about a formula the product writes.
 */
export type FormulaResult = { value: string | number | boolean; link?: string };

export const PARSE_ERROR = '#ERROR!';
const DIV_ZERO = '#DIV/0!';

class FormulaError extends Error {}

type Token = { kind: 'num'; value: number } | { kind: 'str'; value: string } | { kind: 'op'; value: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^\s+/.exec(rest);
    const num = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/i.exec(rest);
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (space) i += space[0].length;
    else if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]) });
      i += num[0].length;
    } else if (rest[0] === '"') {
      let text = '';
      let j = 1;
      for (; j < rest.length; j++) {
        if (rest[j] !== '"') text += rest[j];
        else if (rest[j + 1] === '"') text += rest[j++];
        else break;
      }
      if (j >= rest.length) throw new FormulaError();
      tokens.push({ kind: 'str', value: text });
      i += j + 1;
    } else if (word) {
      tokens.push({ kind: 'op', value: word[0].toUpperCase() });
      i += word[0].length;
    } else if ('+-*/&(),'.includes(rest[0])) {
      tokens.push({ kind: 'op', value: rest[0] });
      i++;
    } else throw new FormulaError();
  }
  return tokens;
}

type Value = FormulaResult;

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Value {
    const value = this.concat();
    if (this.pos !== this.tokens.length) throw new FormulaError();
    return value;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.pos];
    return t?.kind === 'op' && ops.includes(t.value) ? t.value : undefined;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new FormulaError();
    this.pos++;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.pos++;
      left = { value: text(left) + text(this.additive()) };
    }
    return left;
  }

  private additive(): Value {
    let left = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.pos++;
      const right = number(this.term());
      left = { value: op === '+' ? number(left) + right : number(left) - right };
    }
    return left;
  }

  private term(): Value {
    let left = this.unary();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.pos++;
      const right = number(this.unary());
      if (op === '/' && right === 0) throw new DivisionByZero();
      left = { value: op === '*' ? number(left) * right : number(left) / right };
    }
    return left;
  }

  private unary(): Value {
    const op = this.peekOp('+', '-');
    if (!op) return this.primary();
    this.pos++;
    const operand = this.unary();
    return op === '-' ? { value: -number(operand) } : { value: number(operand) };
  }

  private primary(): Value {
    const t = this.tokens[this.pos++];
    if (!t) throw new FormulaError();
    if (t.kind !== 'op') return { value: t.value };
    if (t.value === '(') {
      const inner = this.concat();
      this.expect(')');
      return inner;
    }
    if (t.value === 'TRUE' || t.value === 'FALSE') {
      if (this.peekOp('(')) this.call();
      return { value: t.value === 'TRUE' };
    }
    const fn = FUNCTIONS[t.value];
    if (!fn || !this.peekOp('(')) throw new FormulaError();
    return fn(this.call());
  }

  private call(): Value[] {
    this.expect('(');
    const args: Value[] = [];
    if (this.peekOp(')')) {
      this.pos++;
      return args;
    }
    for (;;) {
      args.push(this.concat());
      if (this.peekOp(')')) break;
      this.expect(',');
    }
    this.pos++;
    return args;
  }
}

class DivisionByZero extends Error {}

function text(v: Value): string {
  return typeof v.value === 'boolean' ? (v.value ? 'TRUE' : 'FALSE') : String(v.value);
}

function number(v: Value): number {
  if (typeof v.value === 'number') return v.value;
  if (typeof v.value === 'boolean') return v.value ? 1 : 0;
  const n = Number(v.value);
  if (v.value.trim() === '' || Number.isNaN(n)) throw new FormulaError();
  return n;
}

const FUNCTIONS: Record<string, (args: Value[]) => Value> = {
  HYPERLINK: (args) => {
    if (args.length < 1 || args.length > 2) throw new FormulaError();
    const url = text(args[0]);
    return { value: args[1] ? args[1].value : url, link: url };
  },
  CONCATENATE: (args) => ({ value: args.map(text).join('') }),
};

/** Evaluates "=..." (with its "="). */
export function evaluateFormula(formula: string): FormulaResult {
  try {
    return new Parser(tokenize(formula.slice(1))).parse();
  } catch (error) {
    return { value: error instanceof DivisionByZero ? DIV_ZERO : PARSE_ERROR };
  }
}
