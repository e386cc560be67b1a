import * as vscode from 'vscode';
import type { CommandId } from './commandIds';
import type { KnowledgeBase } from './core/kb/knowledgeBase';
import { MOST_ANNOTATIONS } from './core/sidecar/limits';
import { ANNOTATION_KINDS, type AnnotationKind } from './core/sidecar/model';
import { grouped } from './core/util/grouped';
import { filterSteps, mapSteps, runSliced } from './core/util/sliced';
import { firstStartingAt } from './core/util/sortedByStart';
import { taskTimes } from './core/util/taskTimes';
import { documentLength, type DocumentState } from './documentState';
import type { DocumentRegistry } from './registry';
import type { SidecarStore } from './sidecarStore';
import { listedOf, MOST_LISTED } from './workspaceIndexer';

/** Arguments commands accept, so hover links, keybindings and tests can skip the prompts. */
export interface CommandArgs {
  offset?: number;
  kind?: AnnotationKind;
  entity?: string;
  speaker?: string;
  note?: string;
  id?: string;
}

interface Services {
  registry: DocumentRegistry;
  store: SidecarStore;
  kb: () => KnowledgeBase;
}

type Handler = (s: Services, state: DocumentState, editor: vscode.TextEditor, args: CommandArgs) => Promise<unknown> | unknown;

/** Every command: id (after `geoAnnotator.`) → handler. The manifest test checks the manifest agrees. */
export const COMMANDS: Record<CommandId, Handler> = {
  annotateDocument: async (s, state) => {
    const rejected = new Set(state.annotations.filter((a) => a.stored.status === 'rejected').map((a) => `${a.start}:${a.end}`));
    const suggested = await runSliced(state.suggestionSteps(), 8, 'annotating the document');
    const fresh = rejected.size === 0 ? suggested : await runSliced(filterSteps(suggested, (x) => !rejected.has(`${x.start}:${x.end}`)), 8, 'annotating the document');
    if (state.annotations.length + fresh.length > MOST_ANNOTATIONS) {
      void vscode.window.showWarningMessage(`Geo Annotator: accepting all ${grouped(fresh.length)} suggestions would make a sidecar of more than ${grouped(MOST_ANNOTATIONS)} annotations, too large to read back; nothing was annotated. Annotate a selection, or split the file.`);
      return 0;
    }
    state.add(await runSliced(mapSteps(fresh, (x) => state.fromSuggestion(x, 'accepted')), 8, 'annotating the document'));
    await commit(s, state);
    return fresh.length;
  },
  annotateSelection: async (s, state, editor, args) => {
    const sel = editor.selection;
    if (sel.isEmpty) return void vscode.window.showInformationMessage('Geo Annotator: select the text to annotate first.');
    const kind = args.kind ?? (await pickKind());
    if (!kind) return;
    const doc = editor.document;
    const start = doc.offsetAt(sel.start);
    const end = doc.offsetAt(sel.end);
    const at = state.mentionAt(start);
    const match = at?.start === start && at.end === end ? at : undefined;
    state.add([state.annotationFor(start, end, { kind, entity: match?.entity ?? null, name: match?.name ?? doc.getText(sel), status: 'accepted' })]);
    await commit(s, state);
  },
  linkEntity: async (s, state, editor, args) => {
    const target = await ensureAnnotation(s, state, offsetOf(editor, args));
    if (!target) return;
    const kb = s.kb();
    const id = args.entity ?? (await pickEntity(kb, target.stored.exact));
    if (!id) return;
    const e = kb.get(id);
    if (!e) return void vscode.window.showErrorMessage(`Geo Annotator: no entity ${id} in the knowledge base.`);
    const kind: AnnotationKind = target.stored.kind === 'demonym' && e.kind === 'country' ? 'demonym' : e.kind;
    state.replace(target, { ...target.stored, kind, entity: e.id, name: e.name, status: 'accepted' });
    await commit(s, state);
  },
  setSpeaker: async (s, state, editor, args) => {
    const offset = offsetOf(editor, args);
    let target = state.annotations.find((a) => !a.orphan && a.stored.kind === 'quote' && a.start <= offset && offset < a.end);
    if (!target) {
      const q = state.suggestions(offset, offset).find((x) => x.kind === 'quote' && x.start <= offset && offset < x.end);
      if (!q) return void vscode.window.showInformationMessage('Geo Annotator: put the cursor in a quotation first.');
      state.add([state.fromSuggestion(q, 'accepted')]);
      target = state.annotations.find((a) => a.start === q.start && a.end === q.end)!;
    }
    const named = await runSliced(filterSteps(state.recognition.mentions, (m) => m.type === 'leader' || m.type === 'person'), 8, 'listing people');
    const speaker = args.speaker ?? (await pickSpeaker([...new Set(named.map((m) => m.name))], target.stored.speaker ?? undefined));
    if (speaker === undefined) return;
    const m = named.find((x) => x.name === speaker);
    state.replace(target, { ...target.stored, speaker: speaker || null, speakerEntity: m?.entity ?? null, status: 'accepted' });
    await commit(s, state);
  },
  editNote: async (s, state, editor, args) => {
    const target = await ensureAnnotation(s, state, offsetOf(editor, args));
    if (!target) return;
    const note = args.note ?? (await vscode.window.showInputBox({ prompt: `Note on “${target.stored.exact}”`, value: target.stored.note ?? '' }));
    if (note === undefined) return;
    const stored = { ...target.stored };
    if (note) stored.note = note;
    else delete stored.note;
    state.replace(target, stored);
    await commit(s, state);
  },
  acceptSuggestion: async (s, state, editor, args) => {
    const sug = state.suggestionAt(offsetOf(editor, args));
    const saved = state.annotationAt(offsetOf(editor, args));
    if (saved && saved.stored.status !== 'accepted') state.replace(saved, { ...saved.stored, status: 'accepted' });
    else if (sug) state.add([state.fromSuggestion(sug, 'accepted')]);
    else return;
    await commit(s, state);
  },
  rejectSuggestion: async (s, state, editor, args) => {
    const offset = offsetOf(editor, args);
    const saved = state.annotationAt(offset);
    if (saved) state.replace(saved, { ...saved.stored, status: 'rejected' });
    else {
      const sug = state.suggestionAt(offset);
      if (!sug) return;
      state.add([state.fromSuggestion(sug, 'rejected')]);
    }
    await commit(s, state);
  },
  removeAnnotation: async (s, state, editor, args) => {
    const target = args.id ? state.annotations.find((a) => a.stored.id === args.id) : state.annotationAt(offsetOf(editor, args));
    if (!target) return;
    state.remove(target);
    await commit(s, state);
  },
  attachOrphan: async (s, state, editor, args) => {
    const orphan = args.id ? state.annotations.find((a) => a.stored.id === args.id && a.orphan) : state.annotations.find((a) => a.orphan);
    if (!orphan || editor.selection.isEmpty) return;
    const doc = editor.document;
    state.remove(orphan);
    const { start: _s, end: _e, exact: _x, prefix: _p, suffix: _f, ...fields } = orphan.stored;
    state.add([state.annotationFor(doc.offsetAt(editor.selection.start), doc.offsetAt(editor.selection.end), fields)]);
    await commit(s, state);
  },
  nextAnnotation: (_s, state, editor) => jump(state, editor, +1),
  previousAnnotation: (_s, state, editor) => jump(state, editor, -1),
  openSidecar: async (s, state) => {
    const uri = s.store.sidecarUri(state.uri);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return void vscode.window.showInformationMessage('Geo Annotator: this file has no sidecar yet; annotate something first.');
    }
    await vscode.window.showTextDocument(uri, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  },
  refresh: async (s, state) => {
    const fresh = s.registry.recognizeAgain(state);
    await fresh.loadSidecar();
    s.registry.touch(fresh);
  },
  showMentions: async (_s, state, editor, args) => {
    const m = state.mentionAt(offsetOf(editor, args));
    if (!m) return [];
    const doc = editor.document;
    // A large file names a country a hundred thousand times: found a slice at a time, and only those nearest the cursor listed.
    const same = await runSliced(filterSteps(state.recognition.mentions, (x) => (m.entity ? x.entity === m.entity : x.name === m.name)), 8, 'finding mentions to show');
    const here = firstStartingAt(same, m.start);
    const from = Math.max(0, Math.min(here - (MOST_LISTED >> 1), same.length - MOST_LISTED));
    const listed = same.slice(from, from + MOST_LISTED);
    const locations = await runSliced(mapSteps(listed, (x) => new vscode.Location(doc.uri, new vscode.Range(doc.positionAt(x.start), doc.positionAt(x.end)))), 8, 'listing mentions');
    if (listed.length < same.length) void vscode.window.showInformationMessage(listedOf(listed.length, same.length, m.name));
    await vscode.commands.executeCommand('editor.action.showReferences', doc.uri, doc.positionAt(m.start), locations);
    return locations;
  },
};

export function registerCommands(s: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([name, handler]) =>
    vscode.commands.registerCommand(`geoAnnotator.${name}`, async (args?: CommandArgs) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor) return undefined;
      const state = (await s.registry.open(editor.document)) ?? undefined;
      if (!state) return void vscode.window.showInformationMessage('Geo Annotator works on plain-text (.txt) documents.');
      if (!WITHOUT_THE_TEXT.has(name)) await state.readText();
      s.registry.flush(editor.document);
      return taskTimes.measure(`the command ${name}`, () => handler(s, state, editor, args && typeof args === 'object' && !(args instanceof vscode.Uri) ? args : {}));
    }),
  );
}

/** Commands that never read the whole text (annotations are made from it, with its code-point offsets): the rest have it read first, a slice at a time. */
const WITHOUT_THE_TEXT = new Set<string>(['nextAnnotation', 'previousAnnotation', 'openSidecar', 'refresh', 'showMentions'] satisfies CommandId[]);

/** Saves the sidecar now when the text on disk matches the buffer; otherwise on the next save. */
async function commit(s: Services, state: DocumentState): Promise<void> {
  try {
    const r = await state.save();
    if (r === 'refused') void vscode.window.showWarningMessage('Geo Annotator: the sidecar has errors (see Problems); changes are kept in memory and not written until it is fixed.');
  } catch (e) {
    void vscode.window.showErrorMessage(`Geo Annotator: could not write the sidecar: ${(e as Error).message}`);
  }
  s.registry.touch(state);
}

function offsetOf(editor: vscode.TextEditor, args: CommandArgs): number {
  return args.offset ?? editor.document.offsetAt(editor.selection.active);
}

async function ensureAnnotation(s: Services, state: DocumentState, offset: number) {
  const existing = state.annotationAt(offset);
  if (existing) return existing;
  const sug = state.suggestionAt(offset);
  if (!sug) {
    void vscode.window.showInformationMessage('Geo Annotator: no annotation or recognised name here; select text and use “Annotate Selection”.');
    return undefined;
  }
  state.add([state.fromSuggestion(sug, 'accepted')]);
  s.registry.touch(state);
  return state.annotationAt(offset);
}

function jump(state: DocumentState, editor: vscode.TextEditor, direction: 1 | -1): void {
  const here = editor.document.offsetAt(editor.selection.active);
  const saved = state.annotations.filter((a) => !a.orphan && a.stored.status !== 'rejected');
  // Look near first, then further: a large file has hundreds of thousands of suggestions.
  const doc = editor.document;
  const length = documentLength(doc);
  let target: number | undefined;
  for (let reach = 4096; ; reach *= 16) {
    const [from, to] = direction > 0 ? [here + 1, here + reach] : [here - reach, here - 1];
    for (const x of [...saved, ...state.suggestions(from, to)]) {
      if (x.start < from || x.start > to) continue; // only this stretch, or a nearer one further on is missed
      if (target === undefined || (direction > 0 ? x.start < target : x.start > target)) target = x.start;
    }
    if (target !== undefined || (direction > 0 ? here + reach >= length : here - reach <= 0)) break;
  }
  if (target === undefined) return;
  const pos = editor.document.positionAt(target);
  editor.selection = new vscode.Selection(pos, pos);
  editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function pickKind(): Promise<AnnotationKind | undefined> {
  const pick = await vscode.window.showQuickPick(
    ANNOTATION_KINDS.map((k) => ({ label: k })),
    { placeHolder: 'Annotate the selection as…' },
  );
  return pick?.label as AnnotationKind | undefined;
}

async function pickEntity(kb: KnowledgeBase, text: string): Promise<string | undefined> {
  const items = kb.all().map((e) => ({ label: e.name, description: e.kind, detail: e.aliases.slice(0, 6).join(', '), id: e.id }));
  const pick = await vscode.window.showQuickPick(items, { placeHolder: `Link “${text}” to…`, matchOnDescription: true, matchOnDetail: true });
  return pick?.id;
}

async function pickSpeaker(people: string[], current: string | undefined): Promise<string | undefined> {
  const items = [...people.map((p) => ({ label: p })), { label: '(nobody — the journalist’s words)' }];
  const pick = await vscode.window.showQuickPick(items, { placeHolder: current ? `Speaker now: ${current}` : 'Who said this?' });
  if (!pick) return undefined;
  return pick.label.startsWith('(') ? '' : pick.label;
}
