// Output formats shared by the vendor profiles.
import type { OutputFormat } from './types';

export const FORMATS = {
  yealinkCfg: { id: 'yealink-cfg', escape: 'none', header: '#!version:1.0.0.1', contentType: 'text/plain; charset=utf-8' },
  text: { id: 'text', escape: 'none', contentType: 'text/plain; charset=utf-8' },
  xml: { id: 'xml', escape: 'xml', contentType: 'application/xml; charset=utf-8' },
  polyXml: { id: 'poly-xml', escape: 'xml', contentType: 'application/xml; charset=utf-8' },
  ciscoXml: { id: 'cisco-xml', escape: 'xml', contentType: 'application/xml; charset=utf-8' },
  grandstreamXml: { id: 'grandstream-xml', escape: 'xml', contentType: 'application/xml; charset=utf-8' },
  snomXml: { id: 'snom-xml', escape: 'xml', contentType: 'application/xml; charset=utf-8' },
  fanvilXml: { id: 'fanvil-xml', escape: 'xml', contentType: 'application/xml; charset=utf-8' },
} satisfies Record<string, OutputFormat>;
