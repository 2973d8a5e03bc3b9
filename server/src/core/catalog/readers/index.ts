// Output readers: rendered file text → located key/value entries, per output format.
import type { OutputFormatId, ReadResult } from '../output';
import { readCisco } from './cisco';
import { readFanvil } from './fanvil';
import { readGrandstream } from './grandstream';
import { readKv } from './kv';
import { readPoly } from './poly';
import { readSnom } from './snom';
import { finish, parseXml } from './xml';

export { readCisco, readFanvil, readGrandstream, readKv, readPoly, readSnom };
export { parseXml, decodeEntities } from './xml';

/** Reads the key/value entries of a rendered file; `xml` checks well-formedness only, `text` nothing. */
export function readOutput(format: OutputFormatId, text: string): ReadResult {
  switch (format) {
    case 'yealink-cfg':
      return readKv(text);
    case 'poly-xml':
      return readPoly(text);
    case 'cisco-xml':
      return readCisco(text);
    case 'grandstream-xml':
      return readGrandstream(text);
    case 'snom-xml':
      return readSnom(text);
    case 'fanvil-xml':
      return readFanvil(text);
    case 'xml':
      return finish(parseXml(text), []);
    case 'text':
      return { entries: [], problems: [] };
  }
}
