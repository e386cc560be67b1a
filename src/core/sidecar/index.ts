/** The sidecar format: model, parsing with validation (and a quick reader of the shape it writes), comment-keeping serialisation (and a quick writer of new sidecars), anchoring. */
export * from './model';
export { parseSidecar, valuesOf, withLineFeeds, MAX_SIDECAR_BYTES, type ParseResult, type ParsedSidecar, type SidecarError, type ParseOptions, type SidecarValues } from './parse';
export { readPlainSidecar } from './plainRead';
export { asPlainSidecarText, renderPlainSidecar, type PlainSidecarText } from './plainWrite';
export { asWrittenFor, readAsWritten, readWrittenSidecar } from './writtenRead';
export { serializeSidecar, writeSidecarDocument, valuesAsWritten } from './serialize';
export { AnnotationCache, renderSidecarDocument, RENDER_OPTIONS } from './render';
export { makeAnnotation, contextAround, placedAt, newId, CONTEXT } from './selector';
export { anchor, type Anchor } from './anchor';
export { textHash } from './textHash';
export { tooLargeToRead } from './limits';
