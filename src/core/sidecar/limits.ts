/** Refused unread above this size: a sidecar of 100,000 annotations is ~25 MB. */
export const MAX_SIDECAR_BYTES = 32 * 1024 * 1024;

/** What a sidecar about to be written says of its size, when it is past what a read takes: such a sidecar is not written. */
export function tooLargeToRead(yaml: string): string | undefined {
  if (yaml.length <= MAX_SIDECAR_BYTES) return undefined;
  return `the sidecar would be ${(yaml.length / 1024 / 1024).toFixed(0)} MB, over the ${MAX_SIDECAR_BYTES / 1024 / 1024} MB a sidecar is read back up to; it was not written (fewer annotations, or the text split in parts, would fit)`;
}

/** The most annotations Annotate Document makes a sidecar hold: ~25 MB of YAML, within what a read takes. */
export const MOST_ANNOTATIONS = 100_000;
