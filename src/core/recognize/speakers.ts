import type { Mention, Quote } from '../model/types';
import { escapeRegExp } from './fold';
import { PERSON_ROLES, SPEECH_VERBS } from './lexicon';
import { upperBound } from './names';
import { sentenceEnd, sentenceStart } from './paragraphs';
import type { QuoteSpan } from './quotes';

/**
 * Decides who is quoted. In order: an attribution right after the quote ("…,” X said /
 * said X / he said); one before it in the same sentence ("X says: “…”", "according to X",
 * "Tokayev complained about … “…”"); "X says:" ending the previous paragraph; a "said X"
 * inside a quote that never closed; the same speaker as the quote just before when
 * nothing else is said; and for a headline pull-quote, whoever says those words later.
 * Pronouns and "the expert" stand for the most recent person who spoke or was cited.
 */

const VERBS = [...SPEECH_VERBS].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const ROLES = [...PERSON_ROLES].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
const VERB_AT_START = new RegExp(`^[\\s,.:;—–-]*(?:${VERBS})(?![\\p{L}])`, 'u');
const PRONOUN_VERB_AT_START = new RegExp(`^[\\s,.:;—–-]*(?:he|she|they|He|She|They)[ \\u00a0]+(?:also[ \\u00a0]+|further[ \\u00a0]+|then[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u');
const ROLE_VERB_AT_START = new RegExp(`^[\\s,.:;—–-]*(?:the|The)[ \\u00a0]+(?:[\\p{L}-]+[ \\u00a0]+)?(?:${ROLES})s?[ \\u00a0]+(?:also[ \\u00a0]+|further[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u');
/** Up to the mention: descriptor words only ("said Kazakh political scientist "). */
const DESCRIPTORS = /^[\s,]*(?:(?:the|a|an|[\p{L}’'-]+)[ \u00a0]+){0,6}$/u;
/** Between a subject and its verb: adverbs and an appositive ("Hess, a fellow at X,"). */
const SUBJECT_GAP = new RegExp(`^(?:,[^,“”"«»]{0,80},)?[ \\u00a0]+(?:(?:also|further|then|again|later|once|still|even|has|had|have|was|is|repeatedly|publicly|openly)[ \\u00a0]+){0,2}(?:${VERBS})(?![\\p{L}])`, 'u');
const PRONOUN_SUBJECT = new RegExp(`(?<![\\p{L}])(?:he|she|He|She|they|They)[ \\u00a0]+(?:(?:also|further|then|again|later)[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u');
const ROLE_SUBJECT = new RegExp(`(?<![\\p{L}])(?:the|The)[ \\u00a0]+(?:[\\p{L}-]+[ \\u00a0]+)?(?:${ROLES})s?[ \\u00a0]+(?:(?:also|further)[ \\u00a0]+)?(?:${VERBS})(?![\\p{L}])`, 'u');
const SPEAKING_TYPES = new Set(['leader', 'person']);

interface Speech {
  at: number;
  mention: Mention;
}

/**
 * Sets `speaker` on the quotes with index in [from, to) — by default all of them — from
 * scratch. The quotes before `from` must already be attributed (a quote may continue
 * the one before it).
 */
export function attributeSpeakers(text: string, spans: QuoteSpan[], quotes: Quote[], mentions: Mention[], from = 0, to = quotes.length): void {
  speakerAttributor(text, mentions)(spans, quotes, from, to);
}

/**
 * Prepares what attribution needs from a text and its mentions once, and returns a
 * function that attributes a range of quotes — cheap to call many times.
 */
export function speakerAttributor(
  text: string,
  mentions: Mention[],
): (spans: QuoteSpan[], quotes: Quote[], from?: number, to?: number) => void {
  const people = mentions.filter((m) => SPEAKING_TYPES.has(m.type));
  const peopleStarts = people.map((m) => m.start);
  const speeches = findSpeechEvents(text, people);
  const speechStarts = speeches.map((s) => s.at);
  const all = mentions;
  const allStarts = all.map((m) => m.start);

  /** The most recent person who spoke or was cited before `at`; else the last person named. */
  const resolvePronoun = (at: number): Mention | undefined => {
    const i = upperBound(speechStarts, at - 1) - 1;
    const recentSpeech = i >= 0 && at - speeches[i]!.at < 3000 ? speeches[i]!.mention : undefined;
    if (recentSpeech) return recentSpeech;
    const j = upperBound(peopleStarts, at - 1) - 1;
    return j >= 0 && at - people[j]!.start < SPEAKER_REACH ? people[j] : undefined;
  };

  /** The first leader or person mention starting in [from, to). */
  const firstPersonIn = (from: number, to: number): Mention | undefined => {
    const i = upperBound(peopleStarts, from - 1);
    const m = people[i];
    return m && m.start < to ? m : undefined;
  };

  /** Mentions of any kind starting in [from, to). */
  const mentionsIn = (from: number, to: number): Mention[] => {
    const out: Mention[] = [];
    for (let i = upperBound(allStarts, from - 1); i < all.length && all[i]!.start < to; i++) out.push(all[i]!);
    return out;
  };

  return (spans, quotes, from = 0, to = quotes.length) => {
  let previous: { quote: Quote; span: QuoteSpan } | undefined;
  for (let k = from - 1; k >= 0; k--) {
    if (spans[k]!.depth === 0 && quotes[k]!.kind === 'speech') {
      previous = { quote: quotes[k]!, span: spans[k]! };
      break;
    }
  }
  for (let qi = from; qi < to; qi++) {
    const q = quotes[qi]!;
    const span = spans[qi]!;
    q.speaker = null;
    q.speakerEntity = null;
    if (span.depth > 0) continue; // nested quotes take their container's speaker below
    const p = span.paragraph;
    let speaker: Mention | undefined;

    // 1. After the closing mark, in the same sentence.
    const afterEnd = Math.min(p.end, sentenceEnd(text, q.end, p.end) + 1, q.end + 160);
    const after = text.slice(q.end, afterEnd);
    if (VERB_AT_START.test(after)) {
      const verb = VERB_AT_START.exec(after)!;
      const m = firstPersonIn(q.end + verb[0].length, afterEnd);
      if (m && DESCRIPTORS.test(text.slice(q.end + verb[0].length, m.start))) speaker = m;
    }
    if (!speaker && (PRONOUN_VERB_AT_START.test(after) || ROLE_VERB_AT_START.test(after))) speaker = resolvePronoun(q.start);
    if (!speaker) {
      const lead = /^[\s,.:;—–-]*(?:the[ \u00a0]+)?/u.exec(after)![0].length;
      const m = mentionsIn(q.end + lead, q.end + lead + 1)[0];
      if (m && (SPEAKING_TYPES.has(m.type) || m.type === 'org' || m.type === 'place') && SUBJECT_GAP.test(text.slice(m.end, afterEnd))) {
        speaker = m;
      }
    }

    // 2. Before the opening mark, in the same sentence.
    if (!speaker) {
      const from = sentenceStart(text, q.start, p.start);
      speaker = subjectBefore(text, from, q.start);
    }

    // 3. "Umarov says:" ending the paragraph before a quote that opens its own paragraph.
    if (!speaker && q.start === p.start) {
      const before = text.slice(Math.max(0, p.start - 200), p.start).trimEnd();
      if (before.endsWith(':')) {
        const prevStart = before.lastIndexOf('\n') + 1 + Math.max(0, p.start - 200);
        speaker = subjectBefore(text, sentenceStart(text, p.start - 2, prevStart), p.start);
      }
    }

    // 4. A quote that never closed may hold its own attribution ("…Respect said X, …").
    if (!speaker && span.unclosed) {
      const inner = text.slice(q.start, q.end);
      const re = /(?:said|says|told)[ \u00a0]+/gu;
      for (let m = re.exec(inner); m && !speaker; m = re.exec(inner)) {
        const at = q.start + m.index + m[0].length;
        const who = firstPersonIn(at, at + 1);
        if (who) speaker = who;
      }
    }

    // 5. Continuing the previous quote's statement: next sentence or next paragraph, no one else speaking.
    if (!speaker && q.kind === 'speech' && previous?.quote.speaker && previous.quote.kind === 'speech') {
      const gap = text.slice(previous.quote.end, q.start);
      const paragraphsBetween = (gap.match(/\n\s*\n|\n/g) ?? []).length;
      const someoneElse = mentionsIn(previous.quote.end, q.start).some((m) => SPEAKING_TYPES.has(m.type) && m.name !== previous!.quote.speaker);
      if (paragraphsBetween <= 1 && gap.length < 400 && !someoneElse) {
        q.speaker = previous.quote.speaker;
        q.speakerEntity = previous.quote.speakerEntity;
      }
    }

    if (speaker) {
      q.speaker = speaker.name;
      q.speakerEntity = speaker.entity;
    }
    if (q.kind === 'speech') previous = { quote: q, span };

    function subjectBefore(t: string, from: number, to: number): Mention | undefined {
      const before = t.slice(from, to);
      const according = /[Aa]ccording to[ \u00a0]+/gu;
      for (let m = according.exec(before); m; m = according.exec(before)) {
        const who = firstPersonIn(from + m.index + m[0].length, from + m.index + m[0].length + 60);
        if (who && who.start < to) return who;
        if (ROLE_AFTER_ACCORDING.test(before.slice(m.index + m[0].length))) return resolvePronoun(from + m.index);
      }
      // The first person in the sentence who is the subject of a speech verb.
      for (const m of mentionsIn(from, to)) {
        if (!SPEAKING_TYPES.has(m.type) && m.type !== 'org') continue;
        if (SUBJECT_GAP.test(t.slice(m.end, to))) return m;
      }
      const pron = PRONOUN_SUBJECT.exec(before) ?? ROLE_SUBJECT.exec(before);
      if (pron) return resolvePronoun(from + pron.index);
      return undefined;
    }
  }

  // Nested quotes belong to their container's speaker. Quotes are sorted by start, so
  // the container is the last outermost quote that began before.
  let container: Quote | undefined;
  for (let k = from - 1; k >= 0 && !container; k--) if (spans[k]!.depth === 0) container = quotes[k];
  for (let qi = from; qi < to; qi++) {
    const q = quotes[qi]!;
    if (spans[qi]!.depth === 0) {
      container = q;
      continue;
    }
    if (container && container.end >= q.end && container.speaker) {
      q.speaker = container.speaker;
      q.speakerEntity = container.speakerEntity;
    }
  }

  attributeHeadlineQuotes(text, spans, quotes, from, to);
  };
}

const ROLE_AFTER_ACCORDING = new RegExp(`^(?:the|The)[ \\u00a0]+(?:${ROLES})`, 'u');

/** Every place a person is the subject or object of a speech verb: the antecedents of "he said". */
function findSpeechEvents(text: string, people: Mention[]): Speech[] {
  const out: Speech[] = [];
  const verbBefore = new RegExp(`(?:${VERBS}|according to)[ \\u00a0]+(?:[\\p{L}’'-]+[ \\u00a0]+){0,5}$`, 'u');
  for (const m of people) {
    const before = text.slice(Math.max(0, m.start - 80), m.start);
    const after = text.slice(m.end, Math.min(text.length, m.end + 120));
    if (verbBefore.test(before) || SUBJECT_GAP.test(after) || /,[ \u00a0]+(?:a|an|the)[ \u00a0]/u.test(after.slice(0, 6))) out.push({ at: m.start, mention: m });
  }
  return out;
}

/**
 * A quote standing alone on a short line (a headline or pull-quote) with no speaker gets
 * the speaker of a later quote that repeats its words.
 */
/** How far back "he said" may look for the person meant. */
export const SPEAKER_REACH = 20_000;

/** How far after a headline quote its speaker may be named; also what an edit can reach back to. */
export const HEADLINE_REACH = 20_000;

function attributeHeadlineQuotes(text: string, spans: QuoteSpan[], quotes: Quote[], from: number, to: number): void {
  const key = (s: string) => s.replace(/[“”„"«»‘’',.!?:;]/g, '').replace(/\s+/g, ' ').trim().toLowerCase();
  for (let qi = from; qi < to; qi++) {
    const q = quotes[qi]!;
    if (q.speaker) continue;
    const p = spans[qi]!.paragraph;
    if (p.end - p.start > 160) continue;
    const words = key(text.slice(q.start, q.end));
    if (words.length < 6) continue;
    // Only the same article: the next quotes within a few pages.
    for (let k = qi + 1; k < quotes.length && quotes[k]!.start - q.end < HEADLINE_REACH; k++) {
      const later = quotes[k]!;
      if (!later.speaker) continue;
      if (key(text.slice(later.start, later.end)).includes(words)) {
        q.speaker = later.speaker;
        q.speakerEntity = later.speakerEntity;
        break;
      }
    }
  }
}
