import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackgroundRecognizer } from '../../src/backgroundRecognizer';
import { lowerThisThreadPriority, WORKER_NICE } from '../../src/node/threadPriority';
import { SidecarCodec } from '../../src/sidecarCodec';

/** Each thread of this process and its nice value, from /proc (Linux). */
function niceByThread(): Map<number, number> {
  const out = new Map<number, number>();
  for (const id of readdirSync('/proc/self/task')) {
    try {
      // Fields after the command's closing parenthesis: state is the 3rd field, nice the 19th.
      const stat = readFileSync(`/proc/self/task/${id}/stat`, 'utf8');
      out.set(Number(id), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

const newThreadsAt = (before: Map<number, number>, nice: number) => [...niceByThread()].filter(([id, n]) => !before.has(id) && n === nice).length;

describe('worker threads run behind the extension host’s thread', function () {
  this.timeout(60_000);
  const dist = join(__dirname, '..', '..', 'dist');
  before(function () {
    if (!existsSync('/proc/thread-self')) this.skip(); // a thread's own priority is Linux's
    if (!existsSync(join(dist, 'workerEntry.js'))) execFileSync(process.execPath, [join(__dirname, '..', '..', 'esbuild.js')], { cwd: join(__dirname, '..', '..') });
  });

  it('never lowers the main thread, which is the host itself', () => {
    const before = niceByThread().get(process.pid);
    assert.equal(lowerThisThreadPriority(WORKER_NICE.background), false);
    assert.equal(niceByThread().get(process.pid), before);
  });

  it('the document’s recognition worker, the indexing worker and the sidecar worker each at its own nice value, the host’s thread untouched', async () => {
    const mainBefore = niceByThread().get(process.pid);
    const before = niceByThread();
    const documents = new BackgroundRecognizer(dist);
    const indexing = new BackgroundRecognizer(dist, WORKER_NICE.background);
    const sidecars = new SidecarCodec(dist);
    try {
      // An answer from each: their bundles' top level has run.
      const [recognised] = await Promise.all([documents.recognize('Vladimir Putin spoke.', []), indexing.recognize('Xi Jinping spoke.', []), sidecars.read('a.txt.geo.yaml', 'version: 1\nsource: a.txt\nannotations: []\n')]);
      assert.equal(recognised.mentions.length, 1);
      assert.equal(newThreadsAt(before, WORKER_NICE.document), 2, 'the document’s worker and the sidecar worker');
      assert.equal(newThreadsAt(before, WORKER_NICE.background), 1, 'the indexing worker');
      assert.equal(niceByThread().get(process.pid), mainBefore);
    } finally {
      documents.dispose();
      indexing.dispose();
      sidecars.dispose();
    }
  });
});
