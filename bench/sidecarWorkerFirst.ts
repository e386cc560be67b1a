import { dirname } from 'node:path';
import type { Sidecar } from '../src/core/sidecar/model';
import { SidecarCodec } from '../src/sidecarCodec';

/**
 * A sidecar's first read and first save through a fresh sidecar worker (the production
 * bundle, no parsed-sidecar cache), spoken to by the extension's own side of it
 * (`SidecarCodec`), as the extension asks when a file opens and the user annotates: from
 * starting the worker (the extension starts it for its first request) and posting the
 * file's bytes to the values' arrival, then from asking for the save with one annotation
 * changed to the YAML's arrival (the annotations the worker holds sent as indices). Times
 * in ms; `sent`, the annotations the save sent in full.
 */
export async function firstReadAndSave(workerFile: string, yaml: string, textLength: number, change: (s: Sidecar) => Sidecar): Promise<{ readMs: number; saveMs: number; sent: number }> {
  const bytes = new TextEncoder().encode(yaml);
  // The codec's worker does not keep a process alive (an editor's host is anyway): this does, meanwhile.
  const alive = setInterval(() => undefined, 1000);
  let start = performance.now();
  const codec = new SidecarCodec(dirname(workerFile));
  try {
    const read = await codec.read('big.txt.geo.yaml', bytes, textLength);
    const readMs = performance.now() - start;
    if (!read.ok) throw new Error('the sidecar worker did not read the bench sidecar');
    const sidecar = change(read.sidecar);
    start = performance.now();
    const saved = await codec.write('big.txt.geo.yaml', sidecar, true);
    const saveMs = performance.now() - start;
    if (saved === undefined) throw new Error('the sidecar worker did not write the bench sidecar');
    return { readMs, saveMs, sent: codec.annotationsSent };
  } finally {
    codec.dispose();
    clearInterval(alive);
  }
}
