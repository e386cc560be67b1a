/**
 * A worker thread that recognises large documents off the extension host's thread.
 * Built as its own bundle (dist/recognizeWorker.js); no editor API here. Messages are
 * the `WorkerRequest`s of backgroundRecognizer.ts; answers carry packed recognitions
 * whose buffers are transferred, not copied.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { KnowledgeBase } from './core/kb/knowledgeBase';
import type { Entity } from './core/kb/types';
import { packRecognition, transferables, type PackedRecognition } from './core/model/packed';
import { recognize } from './core/recognize/index';
import { PREVIEW_FROM, recognizePreview, recognizePreviewOf } from './core/recognize/preview';
import type { TextChange } from './core/recognize/incremental';
import { RecognitionSession } from './core/recognize/session';
import { WARM_UP_HEAD, warmUpSteps } from './core/recognize/warmUp';
import { decodeText } from './core/text/decode';
import { lowerThisThreadPriority } from './node/threadPriority';
import type { DocumentSource, RecognizedFile, RecognizeWorkerData, WorkerAnswer, WorkerRequest } from './backgroundRecognizer';

lowerThisThreadPriority((workerData as RecognizeWorkerData | undefined)?.nice ?? 0);


let kb = KnowledgeBase.builtin();
let userKey = '';
const sessions = new Map<number, RecognitionSession>();

function knowledgeBase(userEntities: Entity[]): KnowledgeBase {
  const key = JSON.stringify(userEntities);
  if (key !== userKey) {
    kb = KnowledgeBase.builtin().merge(userEntities);
    userKey = key;
  }
  return kb;
}

/** The document's text, or undefined when the file on disk is not what the editor holds. */
function textOf(source: DocumentSource): string | undefined {
  if ('text' in source) return source.text;
  try {
    const decoded = decodeText(readFileSync(source.path));
    if (!decoded.ok) return undefined;
    const { text } = decoded;
    return text.length === source.length && text.startsWith(source.head) && text.endsWith(source.tail) ? text : undefined;
  } catch {
    return undefined;
  }
}

function recognizeFile(path: string, base: KnowledgeBase): RecognizedFile | undefined {
  let decoded;
  try {
    decoded = decodeText(readFileSync(path));
  } catch {
    return undefined;
  }
  if (!decoded.ok) return undefined;
  const { text } = decoded;
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return { packed: packRecognition(recognize(text, base), true), lineStarts: Int32Array.from(starts) };
}

function send(answer: WorkerAnswer, packed?: PackedRecognition): void {
  parentPort!.postMessage(answer, packed ? transferables(packed.mentions, packed.quotes) : []);
}

/**
 * Edits wait here for the moment the worker is free, so that typing which arrived while
 * it was busy (a full pass over a large file takes a while) is taken in one go.
 */
const queuedEdits: { session: number; version: number; changes: TextChange[] }[] = [];
let editsScheduled = false;

function queueEdit(msg: Extract<WorkerRequest, { type: 'edit' }>): void {
  const last = queuedEdits.at(-1);
  if (last?.session === msg.session) {
    for (const change of msg.changes) last.changes.push(change); // a replace-all may bring many
    last.version = msg.version;
  } else queuedEdits.push({ session: msg.session, version: msg.version, changes: [...msg.changes] });
  if (!editsScheduled) {
    editsScheduled = true;
    setImmediate(applyQueuedEdits);
  }
}

/**
 * Work for when the worker is free, one step per turn of its event loop, edits first: an
 * edit that comes meanwhile waits for one step at most.
 */
const idleWork: Generator<void>[] = [];
let idleScheduled = false;

function whenIdle(work: Generator<void>): void {
  idleWork.push(work);
  scheduleIdleWork();
}

function scheduleIdleWork(): void {
  if (idleScheduled || idleWork.length === 0) return;
  idleScheduled = true;
  setImmediate(() => {
    idleScheduled = false;
    if (queuedEdits.length > 0) applyQueuedEdits();
    try {
      if (idleWork[0]?.next().done) idleWork.shift();
    } catch (e) {
      // Only time was to be gained: the work goes, the worker and its documents stay.
      idleWork.shift();
      console.error(`geo-annotator: getting ready for edits failed: ${(e as Error).message}`);
    }
    scheduleIdleWork();
  });
}

let warmedUp = false;

/** After a document opens: the edit paths compiled (once per worker), then what its first edits would work out. */
function prepareForEdits(id: number, session: RecognitionSession, base: KnowledgeBase, text: string): void {
  if (!warmedUp) {
    warmedUp = true;
    whenIdle(warmUpSteps(base, text.slice(0, WARM_UP_HEAD)));
  }
  whenIdle(
    (function* () {
      for (const _ of session.prepareSteps()) {
        if (sessions.get(id) !== session) return; // closed meanwhile
        yield;
      }
    })(),
  );
}

function applyQueuedEdits(): void {
  editsScheduled = false;
  for (const q of queuedEdits.splice(0)) {
    const session = sessions.get(q.session);
    if (!session) continue;
    const deltas = session.editAll(q.changes);
    const buffers = deltas.flatMap((d) => transferables(d.mentions.added, d.quotes.added));
    parentPort!.postMessage({ type: 'deltas', session: q.session, version: q.version, deltas } satisfies WorkerAnswer, buffers);
  }
}

parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'edit') return queueEdit(msg);
  applyQueuedEdits(); // whatever came before this message is done first
  switch (msg.type) {
    case 'recognize': {
      const packed = packRecognition(recognize(msg.text, knowledgeBase(msg.userEntities)));
      return send({ type: 'recognized', id: msg.id, packed }, packed);
    }
    case 'recognizeFile': {
      const file = recognizeFile(msg.path, knowledgeBase(msg.userEntities));
      return parentPort!.postMessage({ type: 'recognizedFile', id: msg.id, file } satisfies WorkerAnswer, file ? [...transferables(file.packed.mentions, file.packed.quotes), file.lineStarts.buffer as ArrayBuffer] : []);
    }
    case 'open': {
      const base = knowledgeBase(msg.userEntities);
      // The text around the screen first, when the host sent it: reading a big file takes a while.
      const early = 'around' in msg.source && msg.source.around && msg.source.length > PREVIEW_FROM ? msg.source.around : undefined;
      if (early) {
        const preview = packRecognition(recognizePreviewOf(early.text, early.from, base, msg.around), true);
        send({ type: 'preview', session: msg.session, packed: preview }, preview);
      }
      const text = textOf(msg.source);
      if (text === undefined) return send({ type: 'needText', session: msg.session });
      if (!early && text.length > PREVIEW_FROM) {
        const preview = packRecognition(recognizePreview(text, base, msg.around), true);
        send({ type: 'preview', session: msg.session, packed: preview }, preview);
      }
      const session = new RecognitionSession(base, text);
      sessions.set(msg.session, session);
      const packed = session.full();
      send({ type: 'full', session: msg.session, packed }, packed);
      return prepareForEdits(msg.session, session, base, text);
    }
    case 'close':
      sessions.delete(msg.session);
  }
});
