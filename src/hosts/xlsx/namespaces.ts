/** SpreadsheetML main namespaces (transitional and strict). */
const SML_URIS = ['http://schemas.openxmlformats.org/spreadsheetml/2006/main', 'http://purl.oclc.org/ooxml/spreadsheetml/main'];
export const SML_NS = new Set(SML_URIS);
/** Office document relationship namespaces (for `r:id`). */
const REL_URIS = ['http://schemas.openxmlformats.org/officeDocument/2006/relationships', 'http://purl.oclc.org/ooxml/officeDocument/relationships'];
export const REL_NS = new Set(REL_URIS);
export const PACKAGE_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const CONTENT_TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
export const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

/** Every namespace name above, to itself: see canonicalUri in plain-xml.ts. */
export const KNOWN_NAMESPACES = new Map<string, string>();
for (const uri of SML_URIS.concat(REL_URIS, [PACKAGE_REL_NS, CONTENT_TYPES_NS, XML_NAMESPACE])) KNOWN_NAMESPACES.set(uri, uri);
