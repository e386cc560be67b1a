/**
 * A worker thread for recognising large documents off the extension host's thread:
 * receives {id, text, userEntities}, answers {id, recognition}. Built as its own bundle
 * (dist/recognizeWorker.js); no editor API here.
 */
import { parentPort } from 'node:worker_threads';
import { KnowledgeBase } from './core/kb/knowledgeBase';
import type { Entity } from './core/kb/types';
import { recognize } from './core/recognize/index';

let kb = KnowledgeBase.builtin();
let userKey = '';

parentPort?.on('message', (msg: { id: number; text: string; userEntities: Entity[] }) => {
  const key = JSON.stringify(msg.userEntities.map((e) => e.id));
  if (key !== userKey) {
    kb = KnowledgeBase.builtin().merge(msg.userEntities);
    userKey = key;
  }
  parentPort!.postMessage({ id: msg.id, recognition: recognize(msg.text, kb) });
});
