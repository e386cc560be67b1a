import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Entity } from './core/kb/types';
import type { Recognition } from './core/model/types';

/**
 * Recognises big texts in a worker thread so the extension host never blocks on them.
 * One worker, created on first use; a newer request for the same document supersedes an
 * older one.
 */
export class BackgroundRecognizer {
  private worker: Worker | undefined;
  private next = 1;
  private readonly waiting = new Map<number, (r: Recognition) => void>();

  constructor(private readonly distDir: string) {}

  recognize(text: string, userEntities: Entity[]): Promise<Recognition> {
    const worker = this.ensure();
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      worker.postMessage({ id, text, userEntities });
    });
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(join(this.distDir, 'recognizeWorker.js'));
    w.on('message', (m: { id: number; recognition: Recognition }) => {
      this.waiting.get(m.id)?.(m.recognition);
      this.waiting.delete(m.id);
    });
    w.on('error', () => {
      // A crashed worker answers nobody: start a fresh one next time.
      this.worker = undefined;
      for (const resolve of this.waiting.values()) resolve({ mentions: [], quotes: [] });
      this.waiting.clear();
    });
    w.unref();
    this.worker = w;
    return w;
  }

  dispose(): void {
    void this.worker?.terminate();
  }
}
