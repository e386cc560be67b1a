import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerAnswer, WorkerRequest } from '../../src/backgroundRecognizer';
import { KnowledgeBase } from '../../src/core/kb/knowledgeBase';
import { unpackRecognition } from '../../src/core/model/packed';
import { recognize } from '../../src/core/recognize/index';
import { applyDeltas } from '../../src/core/recognize/session';
import type { TextChange } from '../../src/core/recognize/incremental';
import { runAtOnce } from '../../src/core/util/sliced';
import { corpusText } from './corpus';

const WORKER_SOURCE = join(__dirname, '..', '..', 'src', 'recognizeWorker.ts');

describe('the recognition worker', function () {
  this.timeout(60_000);
  let worker: Worker;
  const answers: WorkerAnswer[] = [];
  const next = (accept: (a: WorkerAnswer) => boolean) =>
    new Promise<WorkerAnswer>((resolve) => {
      const check = () => {
        const i = answers.findIndex(accept);
        if (i < 0) return false;
        resolve(answers.splice(i, 1)[0]!);
        return true;
      };
      if (check()) return;
      const on = () => check() && worker.off('message', on);
      worker.on('message', on);
    });
  beforeEach(() => {
    answers.length = 0;
    worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(WORKER_SOURCE)});`, { eval: true });
    worker.on('message', (a: WorkerAnswer) => answers.push(a));
  });
  afterEach(() => worker.terminate());

  it('answers edits that come while it warms up and prepares, and after, with deltas that keep a copy equal to a full recognition', async () => {
    const kb = KnowledgeBase.builtin();
    let text = ['000', '001', '002', '003', '004'].map(corpusText).join('\n\n').repeat(3);
    const post = (r: WorkerRequest) => worker.postMessage(r);
    post({ type: 'open', session: 7, source: { text }, userEntities: [], around: 0 });
    const full = await next((a) => a.type === 'full');
    assert.ok(full.type === 'full');
    let copy = runAtOnce(unpackRecognition(full.packed, ''));
    // A letter out of a person's name, one into a word, a title before a name: at once (the worker is warming up), then after it has settled.
    const name = text.indexOf('Tokayev', text.length / 2) + 2;
    const word = text.indexOf(' the ', text.length / 3) + 2;
    const title = text.indexOf('Putin', (2 * text.length) / 3);
    const edits: TextChange[] = [
      { rangeOffset: name, rangeLength: 1, text: '' },
      { rangeOffset: word, rangeLength: 0, text: 'x' },
      { rangeOffset: title, rangeLength: 0, text: 'President ' },
    ];
    let version = 0;
    for (const round of [0, 1]) {
      if (round === 1) await new Promise((r) => setTimeout(r, 1500));
      for (const e of edits) {
        const change = round === 0 ? e : { ...e, rangeOffset: e.rangeOffset + 17 };
        text = text.slice(0, change.rangeOffset) + change.text + text.slice(change.rangeOffset + change.rangeLength);
        post({ type: 'edit', session: 7, version: ++version, changes: [change] });
      }
      // Deltas come in order; the last version's says everything before it was applied.
      for (;;) {
        const d = await next((a) => a.type === 'deltas');
        assert.ok(d.type === 'deltas');
        copy = applyDeltas(copy, d.deltas);
        if (d.version === version) break;
      }
    }
    assert.deepEqual(copy, recognize(text, kb));
  });
});
