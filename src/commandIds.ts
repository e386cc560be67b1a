/**
 * Every command the extension registers, without the `geoAnnotator.` prefix. Kept free
 * of the editor API so the manifest test can check it in plain Node.
 */
export const COMMAND_IDS = [
  'annotateDocument',
  'annotateSelection',
  'linkEntity',
  'setSpeaker',
  'editNote',
  'acceptSuggestion',
  'rejectSuggestion',
  'removeAnnotation',
  'attachOrphan',
  'nextAnnotation',
  'previousAnnotation',
  'openSidecar',
  'refresh',
  'showMentions',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
