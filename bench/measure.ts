/**
 * One measurement in a fresh process, so its peak memory is its own:
 * `node out/bench/measure.js TOOL BYTES` prints {"ms", "rssMB", "rssBeforeMB", "items"}:
 * the process's peak RSS, and its RSS just before the run (Node, the text, the tool loaded).
 * Tools: ours (full recognition), baseline (one RegExp alternation of every KB name),
 * compromise (people, places, organisations, quotations), wink (wink-nlp entities);
 * TOOL-worker runs TOOL in a worker thread with the recognition threads' resource limits.
 */
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { KnowledgeBase } from '../src/core/kb/knowledgeBase';
import { recognize } from '../src/core/recognize/index';
import { RECOGNITION_THREAD_LIMITS } from '../src/node/workerLimits';
import { corpusArticles, corpusOfSize } from './corpusText';

const [toolArg, bytesArg, corpusDir] = process.argv.slice(2);
const inWorker = toolArg!.endsWith('-worker');
const tool = inWorker ? toolArg!.slice(0, -'-worker'.length) : toolArg;
const bytes = Number(bytesArg);
const text = corpusOfSize(
  corpusArticles(corpusDir!).map((a) => a.text),
  bytes,
);

/* eslint-disable @typescript-eslint/no-require-imports */
function run(): () => number {
  switch (tool) {
    case 'ours': {
      const kb = KnowledgeBase.builtin();
      return () => {
        const r = recognize(text, kb);
        return r.mentions.length + r.quotes.length;
      };
    }
    case 'baseline': {
      const names = new Set<string>();
      for (const e of KnowledgeBase.builtin().all()) for (const n of [e.name, ...e.aliases, ...(e.weakAliases ?? []), ...(e.country?.demonyms ?? [])]) names.add(n);
      const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      const re = new RegExp(`\\b(?:${[...names].sort((a, b) => b.length - a.length).map(esc).join('|')})\\b`, 'g');
      return () => (text.match(re) ?? []).length;
    }
    case 'compromise': {
      const nlp = require('compromise');
      return () => {
        const doc = nlp(text);
        return doc.people().length + doc.places().length + doc.organizations().length + doc.quotations().length;
      };
    }
    case 'wink': {
      const winkNLP = require('wink-nlp');
      const model = require('wink-eng-lite-web-model');
      const nlp = winkNLP(model);
      return () => nlp.readDoc(text).entities().out().length;
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

/** One run of `tool`: its time, the process's RSS just before it, and what it found. */
function measure(): { ms: number; rssBeforeMB: number; items: number } {
  const f = run();
  const rssBeforeMB = process.memoryUsage().rss / 1024 / 1024;
  const t = performance.now();
  const items = f();
  return { ms: performance.now() - t, rssBeforeMB, items };
}

/**
 * The process's peak RSS in MB: the high-water mark of its own memory map where Linux
 * gives it (VmHWM). getrusage's maxRSS survives exec, so a process spawned by a large
 * one (the bench, ~160 MB by then) would report the parent's size at the fork as its own.
 */
function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}

const report = (r: { ms: number; rssBeforeMB: number; items: number }) => process.stdout.write(JSON.stringify({ ...r, rssMB: peakRssMB() }) + '\n');
if (!isMainThread) parentPort!.postMessage(measure());
else if (inWorker) {
  // As the extension and the CLI run it: in a worker thread with their resource limits.
  new Worker(__filename, { argv: process.argv.slice(2), resourceLimits: RECOGNITION_THREAD_LIMITS }).on('message', report);
} else report(measure());
