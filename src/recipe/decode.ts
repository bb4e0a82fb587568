/** Turns raw file bytes into text, or explains why they are not a text recipe. */

export type DecodeResult =
  | { ok: true; text: string; hadBom: boolean }
  | { ok: false; reason: 'binary' | 'encoding'; message: string; offset: number; text: string; textOffset: number };

const BOM = '\uFEFF';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { ignoreBOM: true });
/** How many leading bytes to sniff for NUL bytes when deciding that a file is binary. */
const BINARY_SNIFF_BYTES = 8000;

export function decodeRecipeBytes(bytes: Uint8Array): DecodeResult {
  const nul = bytes.subarray(0, BINARY_SNIFF_BYTES).indexOf(0);
  if (nul !== -1) {
    return {
      ok: false,
      reason: 'binary',
      offset: nul,
      message: `This is a binary file (NUL byte at byte ${nul}), not a YAML recipe`,
      text: '',
      textOffset: 0,
    };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    const bad = firstInvalidUtf8Byte(bytes);
    return {
      ok: false,
      reason: 'encoding',
      offset: bad,
      message: `The file is not valid UTF-8 (invalid byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at byte ${bad}); recipes must be UTF-8 text`,
      // The text as an editor would show it, so the position of the bad byte is where the editor shows it.
      text: lossy.decode(bytes),
      textOffset: lossy.decode(bytes.subarray(0, bad)).length,
    };
  }
  const hadBom = text.startsWith(BOM);
  return { ok: true, text: hadBom ? text.slice(1) : text, hadBom };
}

/** Byte offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    if (length > 1) {
      const sequence = bytes.subarray(i, i + length);
      if (sequence.length < length) return i;
      try {
        utf8.decode(sequence);
      } catch {
        return i;
      }
    }
    i += length;
  }
  return bytes.length;
}
