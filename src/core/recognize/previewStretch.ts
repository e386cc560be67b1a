/**
 * How much of a very large text a preview reads (see preview.ts), apart from the
 * recogniser so that the extension host can work out the stretch to send without it.
 */

/** How much text around the first screen a preview recognises (UTF-16 units). */
export const PREVIEW_REACH = 64_000;

/** Texts longer than this get a quick preview of their first screen before the full answer. */
export const PREVIEW_FROM = 1_000_000;

/** How far past the reach a preview looks for a paragraph's end. */
export const PREVIEW_ROOM = 4096;

/** The stretch a host sends for a preview: the reach, and room to find paragraph ends. */
export function previewStretch(around: number, length: number): { from: number; to: number } {
  return { from: Math.max(0, around - PREVIEW_REACH - PREVIEW_ROOM), to: Math.min(length, around + PREVIEW_REACH + PREVIEW_ROOM) };
}
