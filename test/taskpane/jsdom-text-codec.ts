/** jsdom has no TextDecoder/TextEncoder; the xlsx host (used to load the example) needs them. Import first. */
import { TextDecoder, TextEncoder } from 'util';

const g = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
if (!g.TextDecoder) g.TextDecoder = TextDecoder;
if (!g.TextEncoder) g.TextEncoder = TextEncoder;
