/**
 * Finds the offset of the first syntax error in JSON text. V8's messages do not always
 * carry a position (e.g. "Unexpected token '}', ... is not valid JSON"), so on failure the
 * text is rescanned with this small validating parser. Returns -1 when the text is valid.
 */
export function findJsonErrorOffset(text: string): number {
  let i = 0;
  const n = text.length;
  class Fail extends Error {
    constructor(readonly at: number) {
      super('json');
    }
  }
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') throw new Fail(i);
        string();
        ws();
        if (text[i] !== ':') throw new Fail(i);
        i++;
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return;
        }
        throw new Fail(i);
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return;
        }
        throw new Fail(i);
      }
    }
    if (ch === '"') return string();
    for (const lit of ['true', 'false', 'null']) {
      if (text.startsWith(lit, i)) {
        i += lit.length;
        return;
      }
    }
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (m) {
      i += m[0].length;
      return;
    }
    throw new Fail(i);
  };
  const string = (): void => {
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 34) {
        i++;
        return;
      }
      if (c < 0x20) throw new Fail(i);
      if (c === 92) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) throw new Fail(i);
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) throw new Fail(i);
        i += 2;
        continue;
      }
      i++;
    }
    throw new Fail(i);
  };
  try {
    value();
    ws();
    if (i < n) throw new Fail(i);
    return -1;
  } catch (e) {
    if (e instanceof Fail) return e.at;
    throw e;
  }
}
