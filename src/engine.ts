/**
 * The recogniser and the knowledge base as the extension host uses them, bundled apart
 * (dist/engine.js) and loaded the first time they are needed (see engineLoader.ts):
 * they are most of the host's code, and building their word lists and patterns most of
 * its start-up work, which then runs as a task of its own after activation.
 */
export { KnowledgeBase } from './core/kb/knowledgeBase';
export { parseEntityFile } from './core/kb/userEntities';
export { Gazetteer } from './core/recognize/gazetteer';
export { IncrementalRecognizer } from './core/recognize/incremental';
export { coldStartSteps, editWarmUpSteps } from './core/recognize/warmUp';
