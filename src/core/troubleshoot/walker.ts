/**
 * Walks a troubleshooting tree. The position is a plain WalkState (JSON), so a
 * walk survives restarts and moves between instances; every function here is
 * pure: it takes a state and returns a new one.
 */
import type { Lang } from '../../content/types.js';
import { matchCommand } from '../vocabulary.js';
import { statedBesidesQuestion } from './asked-besides.js';
import { classifyMessage, extractFacts, type MessageKind } from './intake.js';
import { SAYS_FIXED, SOLVED_NO, SOLVED_OPTIONS, SOLVED_YES } from './solved-options.js';
import { readSolvedReply } from './solved-reply.js';
import { nodeAt, viewStep } from './step-view.js';
import { citationKey } from './tree-loader.js';
import type { OptionMatch } from './answer-matcher.js';
import type { Audience, MatchSpec, QuestionNode, StepAction, StepResult, TreeOption, TroubleshootFacts, TroubleshootingTree, WalkState } from './types.js';

/** Steps taken on their own are bounded by the tree's size; this guards against a bad state, not a valid tree. */
const MAX_INFERRED_STEPS = 50;

/** What the user said during a walk is kept for later questions, up to this much (the latest wins). */
const MAX_FACTS_CHARS = 2000;

/** The facts with what the user just typed added, so a later question it already answers is not asked. */
function withSaid(facts: TroubleshootFacts | undefined, said: string): TroubleshootFacts {
  const text = [facts?.text, said.normalize('NFKC').replace(/\s+/g, ' ').trim()].filter(Boolean).join('\n').slice(-MAX_FACTS_CHARS);
  return facts?.codes?.length ? { text, codes: [...facts.codes] } : { text };
}

/** The nodes a walk at `start` can still come to (its options' and outcomes' `next`, followed). */
function reachableFrom(tree: TroubleshootingTree, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length) {
    const node = tree.nodes[queue.shift()!];
    const next = node?.kind === 'question' ? node.options.map((o) => o.next) : node?.next ? [node.next] : [];
    for (const id of next) if (!seen.has(id)) seen.add(id), queue.push(id);
  }
  return seen;
}

/**
 * Where a typed message that answers no option of the current question still tells
 * something the walk will need: the outcome whose `match` it fits (an error code), or
 * else any later question's option `match` it fits. Undefined when it tells nothing.
 */
function laterFact(tree: TroubleshootingTree, state: WalkState, text: string): { outcome?: string } | undefined {
  const answered = new Set(state.answers.map((a) => a.nodeId));
  const fits = tree.matcher.specTest(text);
  let fact: { outcome?: string } | undefined;
  for (const id of reachableFrom(tree, state.nodeId)) {
    const node = tree.nodes[id];
    if (id === state.nodeId || answered.has(id)) continue;
    if (node.kind === 'outcome') {
      if (!state.triedOutcomes.includes(id) && fits(node.match)) return { outcome: id };
    } else if (node.options.some((o) => fits(o.match))) fact = {};
  }
  return fact;
}

/** True when the text states a fact some step of the tree reads (an option's or an outcome's `match`). */
function statesFact(tree: TroubleshootingTree, text: string): boolean {
  const fits = tree.matcher.specTest(text);
  return Object.values(tree.nodes).some((node) => (node.kind === 'outcome' ? fits(node.match) : node.options.some((o) => fits(o.match))));
}

/**
 * The option of some question that a statement names in words ("I'm the admin", 「作成者本人です」):
 * said at an outcome, it is something about the user's case the walk keeps, not an answer to it.
 */
function optionNamed(tree: TroubleshootingTree, text: string): TreeOption | undefined {
  for (const node of Object.values(tree.nodes)) {
    if (node.kind !== 'question') continue;
    const picked = tree.matcher.matchOption(node.options, text);
    if (picked && picked.how !== 'number' && !picked.asAsked && !picked.general) return picked.option;
  }
  return undefined;
}

/** The current question answered with the picked option, and the walk moved on. */
function answerWith(tree: TroubleshootingTree, state: WalkState, picked: OptionMatch<TreeOption>, input: string): WalkState {
  const o = picked.option;
  // Words (not a number or a button) may answer later questions too.
  const said = picked.how === 'number' || picked.how === 'id' ? state.facts : withSaid(state.facts, input);
  const answered: WalkState = {
    ...state,
    ...(said ? { facts: said } : {}),
    answers: [...state.answers, { nodeId: state.nodeId, optionId: o.id }],
    audience: o.audience ?? state.audience,
    pendingNote: o.note ? citationKey.optionNote(state.nodeId, o.id) : undefined,
  };
  return enter(tree, answered, o.next, said === state.facts ? undefined : input);
}

/**
 * Words that take back an earlier answer: "sorry, I meant 2", "actually I'm an admin", 「いや、管理者です」, 「あ、やっぱり403でした」 (casually 「やっぱ」),
 * 「実際は 2 週間でした」, and an apology before what it was (「ごめんなさい、403でした」).
 */
const CORRECTION =
  /^\s*(?:(?:oh|ah|um|uh|hmm|er|well)[\s,]+)?(?:sorry|oops|actually|correction|wait|no wait)\b[\s,.:!-]*|(?:^|[,.;]\s*)actually\b[\s,.:]*|\b(?:i meant|i mean)\b[\s,.:]*|^\s*(?:(?:あっ?|ああ|あー|えっと|えーと|うーん|ん)[、,。\s]+)?(?:すみません|すいません|失礼しました|ごめんなさい|ごめん)?[、,。\s]*(?:間違えました|間違えた|訂正(?:します|です)?|やっぱり?|いや)[、,。\s]*|^\s*(?:(?:あっ?|ああ|あー|えっと|えーと|うーん|ん)[、,。\s]+)?(?:すみません|すいません|失礼しました|ごめんなさい|ごめん|申し訳(?:ありません|ございません))[、,。!\s]+(?=.*(?:でした|だった)[。!\s]*$)|(?:^|[、,。\s])(?:実は|実際は|実際には|本当は|正しくは)[、,\s]*/giu;

/** Of those, the ones that take an answer back even when what follows is no option: "actually", 「実は」, 「間違えました」. */
const RETRACTION = /\b(?:actually|correction|i meant|i mean)\b|間違え|訂正|やっぱ|実は|実際(?:は|には)|本当は|正しくは/iu;

/** The facts without the lines that gave this answer, so words taken back answer nothing later. */
function withoutWordsFor(tree: TroubleshootingTree, state: WalkState, answer: WalkState['answers'][number]): WalkState {
  const node = tree.nodes[answer.nodeId];
  const option = node?.kind === 'question' ? node.options.find((o) => o.id === answer.optionId) : undefined;
  if (!state.facts?.text || node?.kind !== 'question' || !option) return state;
  const kept = state.facts.text.split('\n').filter((line) => !tree.matcher.matchesSpec(option.match, line) && tree.matcher.matchOption(node.options, line)?.option.id !== option.id);
  return { ...state, facts: { ...state.facts, text: kept.join('\n') } };
}

/** The walk taken back to the question of `answer` (the answers from there on undone). */
function backTo(tree: TroubleshootingTree, state: WalkState, answer: WalkState['answers'][number]): WalkState {
  let back = state;
  while (back.nodeId !== answer.nodeId && back.trail.length) back = goBack(tree, back);
  return withoutWordsFor(tree, back, answer);
}

/**
 * An earlier answer taken back: a message that gives another answer for it ("sorry, I meant 2"
 * for the question before, "actually I'm an admin") goes back to that question and on from the
 * new answer; one that says it was wrong without an answer the question knows ("actually it was
 * 2 weeks") goes back to the last question asked and asks it again. Undefined for any other message.
 */
function corrected(tree: TroubleshootingTree, state: WalkState, input: string): { action: 'changed' | 'taken-back'; state: WalkState } | undefined {
  const folded = input.normalize('NFKC');
  const rest = folded.replace(CORRECTION, ' ').trim();
  if (!rest || rest === folded.trim()) return undefined;
  const asked = [...state.answers].reverse().filter((a) => a.nodeId !== state.nodeId && tree.nodes[a.nodeId]?.kind === 'question' && state.trail.includes(a.nodeId));
  const atOutcome = tree.nodes[state.nodeId]?.kind === 'outcome';
  for (const [i, a] of asked.entries()) {
    const node = tree.nodes[a.nodeId] as QuestionNode;
    const picked = tree.matcher.matchOption(node.options, rest);
    // A bare number can only mean the question just before; a general way of answering
    // ("sorry, I don't know") changes no answer: only what names an option or states its fact does.
    // At an outcome nothing else is asked, so an answer taken back with one ("actually no, nobody
    // reset anything") is the new answer to the question just before.
    if (!picked || picked.option.id === a.optionId || (picked.how === 'number' && i > 0)) continue;
    if (picked.general && !(i === 0 && atOutcome && RETRACTION.test(folded))) continue;
    return { action: 'changed', state: answerWith(tree, backTo(tree, state, a), picked, rest) };
  }
  const last = asked.find((a) => !a.inferred);
  if (!last && atOutcome) {
    // An outcome reached from the first message alone (an error code): the corrected words are
    // read as a first message would be, and the walk goes where they lead.
    const fresh = startWalk(tree, extractFacts(rest));
    if (fresh.nodeId !== tree.start && fresh.nodeId !== state.nodeId) return { action: 'changed', state: state.audience ? { ...fresh, audience: state.audience } : fresh };
  }
  return last && RETRACTION.test(folded) ? { action: 'taken-back', state: backTo(tree, state, last) } : undefined;
}

/**
 * A question passed over unasked (see wayPast) answered after all ("it does show 401", 「403 が
 * 出てました」, "I'm the admin"): the walk goes back to it and on from that answer. Only what
 * names an option or states its fact answers it: a bare number, or a way of answering a question
 * when it is asked ("no", "I don't know"), answers none of them.
 */
function skippedAnswered(tree: TroubleshootingTree, state: WalkState, input: string): WalkState | undefined {
  for (const a of [...state.answers].reverse()) {
    const node = tree.nodes[a.nodeId];
    if (!a.skipped || node?.kind !== 'question' || !state.trail.includes(a.nodeId)) continue;
    const picked = tree.matcher.matchOption(node.options, input);
    if (picked && picked.how !== 'number' && !picked.asAsked) return answerWith(tree, backTo(tree, state, a), picked, input);
  }
  return undefined;
}

/**
 * True when the text gives again the answer of an earlier question (「そうそう、MFA を有効にした」).
 * A general way of answering ("I don't know") restates nothing, whichever option it would pick.
 */
function saidAgain(tree: TroubleshootingTree, state: WalkState, text: string): boolean {
  return state.answers.some((a) => {
    const asked = tree.nodes[a.nodeId];
    if (asked?.kind !== 'question' || a.nodeId === state.nodeId) return false;
    const picked = tree.matcher.matchOption(asked.options, text);
    return picked?.option.id === a.optionId && !picked.general;
  });
}

/**
 * What a message that picks no option of the current question still says: that the problem
 * is fixed (「直りました」 while a question is asked), an earlier answer again, an earlier answer
 * changed, a fact a later step needs, kept for it (or, for an outcome's error code, that outcome
 * at once), or that one of this question's options is not it. Undefined when it says none;
 * a question about a fact ("what is 403?") is answered, not taken as the user's case.
 */
function readAside(tree: TroubleshootingTree, state: WalkState, input: string, kindOf: () => MessageKind): 'fixed' | { action: 'noted' | 'known' | 'changed' | 'late-answer' | 'taken-back' | 'ruled-out' | 'answer'; state: WalkState } | undefined {
  if (SAYS_FIXED.test(input.normalize('NFKC')) && tree.matcher.matchOption(SOLVED_OPTIONS, input)?.option.id === SOLVED_YES) return 'fixed';
  if (kindOf() === 'question') return undefined;
  const late = skippedAnswered(tree, state, input);
  if (late) return { action: 'late-answer', state: late };
  const redone = corrected(tree, state, input);
  if (redone) return redone;
  const fact = laterFact(tree, state, input);
  if (!fact) {
    if (saidAgain(tree, state, input)) return { action: 'known', state };
    const node = tree.nodes[state.nodeId];
    return node?.kind === 'question' && tree.matcher.deniesOption(node.options, input) ? { action: 'ruled-out', state } : undefined;
  }
  const noted: WalkState = { ...state, facts: withSaid(state.facts, input) };
  if (!fact.outcome) return { action: 'noted', state: noted };
  // Reached as from a first message naming it: "back" returns to the question it was said at.
  return {
    action: 'answer',
    state: { ...noted, trail: [...state.trail, state.nodeId], nodeId: fact.outcome, triedOutcomes: [...state.triedOutcomes, fact.outcome], pendingNote: undefined },
  };
}

/** The audience implied by the answers given so far (the last option that sets one wins). */
function audienceOf(tree: TroubleshootingTree, answers: WalkState['answers']): Audience | undefined {
  let audience: Audience | undefined;
  for (const a of answers) {
    const node = tree.nodes[a.nodeId];
    const option = node?.kind === 'question' ? node.options.find((o) => o.id === a.optionId) : undefined;
    if (option?.audience) audience = option.audience;
  }
  return audience;
}

/** How many questions ahead the walk looks for one the user's words answer (see wayPast). */
const MAX_LOOKAHEAD = 3;

/**
 * How many questions lie between `id` and the nearest question further on that the user's
 * words answer (0: this one), through questions only and at most `depth` of them; Infinity
 * when there is none that near.
 */
function questionsTo(tree: TroubleshootingTree, id: string, fits: (spec: MatchSpec | undefined) => boolean, depth: number, seen: Set<string>): number {
  const node = tree.nodes[id];
  if (!node || node.kind !== 'question' || seen.has(id)) return Infinity;
  if (node.options.some((o) => fits(o.match))) return 0;
  if (depth <= 0) return Infinity;
  const inner = new Set(seen).add(id);
  return 1 + Math.min(...node.options.map((o) => questionsTo(tree, o.next, fits, depth - 1, inner)));
}

/**
 * The way past a question the user's words do not answer when they answer one further on
 * (「パスワード変えたら接続が無効になった」 names the event before the error code is asked):
 * the node the option leading there most directly goes to, or the one node every option goes
 * to (a question that changes only whose steps are shown). Undefined when the words answer
 * nothing further on, or two options lead there alike: the question is asked.
 */
function wayPast(tree: TroubleshootingTree, node: QuestionNode, id: string, fits: (spec: MatchSpec | undefined) => boolean): string | undefined {
  const nexts = [...new Set(node.options.map((o) => o.next))];
  const seen = new Set([id]);
  const distances = nexts.map((next) => questionsTo(tree, next, fits, MAX_LOOKAHEAD - 1, seen));
  const nearest = Math.min(...distances);
  if (nearest === Infinity) return undefined;
  const ways = nexts.filter((_, i) => distances[i] === nearest);
  return ways.length === 1 ? ways[0] : undefined;
}

/**
 * Of the options the user's words fit, the one they answer with: the first, in the tree's order,
 * after which the words answer the next question too, else the first. "I changed my password and
 * MFA was turned on" is the password change, whose note says it is no cause, and then the MFA
 * change at the question of the real causes: every fact said is used, none dropped.
 */
function fittingOption(tree: TroubleshootingTree, node: QuestionNode, fits: (spec: MatchSpec | undefined) => boolean): TreeOption | undefined {
  const fitting = node.options.filter((o) => fits(o.match));
  if (fitting.length < 2) return fitting[0];
  const answersNext = (o: TreeOption) => {
    const next = tree.nodes[o.next];
    return next?.kind === 'question' && next.options.some((n) => fits(n.match));
  };
  return fitting.find(answersNext) ?? fitting[0];
}

/**
 * A typed answer that states the facts of several options of the question ("I changed my password
 * and MFA was turned on", 「パスワード変えてMFAも有効にした」): too close for matchOption to pick one,
 * it is answered as a first message would be (see fittingOption), so the next question reads the
 * rest. A question about them is no answer.
 */
function severalNamed(tree: TroubleshootingTree, node: QuestionNode, input: string): OptionMatch<TreeOption> | undefined {
  const fits = tree.matcher.specTest(input);
  if (node.options.filter((o) => fits(o.match)).length < 2 || classifyMessage(input) === 'question') return undefined;
  const option = fittingOption(tree, node, fits);
  return option && { option, score: 0.9, how: 'pattern' };
}

/**
 * The answer a message gives besides what it asks (see statedBesidesQuestion): an option its stating
 * clauses pick by their words. A number beside a question ("2, what is the difference with 3?")
 * asks about the options before choosing, and a loose paraphrase is too weak to move on by.
 */
function answerBesides(tree: TroubleshootingTree, node: QuestionNode, input: string): { picked: OptionMatch<TreeOption>; stated: string } | undefined {
  const stated = statedBesidesQuestion(input);
  if (!stated) return undefined;
  const picked = tree.matcher.matchOption(node.options, stated) ?? severalNamed(tree, node, stated);
  return picked && picked.how !== 'number' && picked.how !== 'similar' ? { picked, stated } : undefined;
}

/**
 * Another cause the user named, for when the one followed did not solve it: an option of a
 * question answered on the way whose facts the user's words state too ("we rolled out a CA
 * policy and reset some passwords" followed the reset), leading somewhere the walk has not been.
 * The answer it was named at and the option.
 */
function otherNamed(tree: TroubleshootingTree, state: WalkState): { at: WalkState['answers'][number]; option: TreeOption } | undefined {
  const text = state.facts?.text;
  if (!text) return undefined;
  const fits = tree.matcher.specTest(text);
  const been = new Set([...state.trail, state.nodeId, ...state.triedOutcomes, ...state.answers.map((a) => a.nodeId)]);
  for (const at of [...state.answers].reverse()) {
    const node = tree.nodes[at.nodeId];
    if (at.skipped || node?.kind !== 'question' || !state.trail.includes(at.nodeId)) continue;
    const option = node.options.find((o) => o.id !== at.optionId && !been.has(o.next) && fits(o.match));
    if (option) return { at, option };
  }
  return undefined;
}

/**
 * Whether the walk goes on past the outcome it is at: one that sends the user on to a question
 * (a 401 explained, then "what happened before?") is passed when the words that led to it already
 * answer that question or one soon after it (「MFAを有効にしてから401が出る」 names the cause of
 * the 401). Only the words just said count: an error code said later, on its own, is explained.
 */
function passesOutcome(tree: TroubleshootingTree, state: WalkState, fresh: string | undefined): string | undefined {
  const node = tree.nodes[state.nodeId];
  const on = node?.kind === 'outcome' ? node.next : undefined;
  if (!fresh || !on || tree.nodes[on]?.kind !== 'question' || state.answers.some((a) => a.nodeId === on)) return undefined;
  return questionsTo(tree, on, tree.matcher.specTest(fresh), MAX_LOOKAHEAD - 1, new Set([state.nodeId])) < Infinity ? on : undefined;
}

/**
 * From the current node on, answers the questions what the user has said already settles, and
 * passes over those it makes moot (see wayPast) and outcomes on the way to a question it answers
 * (see passesOutcome); records an outcome reached. `fresh` is what the user has just said; once a
 * question is answered from all they have said, all of it is.
 */
function settle(tree: TroubleshootingTree, state: WalkState, fresh?: string): WalkState {
  let s = state;
  // The facts stay the same while questions are settled: their text is read once for all of them.
  const text = state.facts?.text;
  const fits = text ? tree.matcher.specTest(text) : undefined;
  for (let i = 0; i < MAX_INFERRED_STEPS; i++) {
    const node = nodeAt(tree, s);
    if (node.kind === 'outcome') {
      const on = passesOutcome(tree, s, fresh);
      if (on) {
        s = { ...s, trail: [...s.trail, s.nodeId], nodeId: on };
        continue;
      }
      return s.triedOutcomes.includes(s.nodeId) ? s : { ...s, triedOutcomes: [...s.triedOutcomes, s.nodeId] };
    }
    if (!fits || s.answers.some((a) => a.nodeId === s.nodeId)) return s;
    const known = fittingOption(tree, node, fits);
    if (!known) {
      const past = wayPast(tree, node, s.nodeId, fits);
      if (!past) return s;
      s = { ...s, answers: [...s.answers, { nodeId: s.nodeId, optionId: '', inferred: true, skipped: true }], trail: [...s.trail, s.nodeId], nodeId: past };
      continue;
    }
    // What the user has said answered this question: those words lead on from it.
    fresh = text;
    s = {
      ...s,
      answers: [...s.answers, { nodeId: s.nodeId, optionId: known.id, inferred: true }],
      pendingNote: known.note ? citationKey.optionNote(s.nodeId, known.id) : s.pendingNote,
      audience: known.audience ?? s.audience,
      trail: [...s.trail, s.nodeId],
      nodeId: known.next,
    };
  }
  return s;
}

/** Moves to `nextId` after an answer, then settles what the user's words already answer (`fresh`: the words of the answer). */
function enter(tree: TroubleshootingTree, state: WalkState, nextId: string, fresh?: string): WalkState {
  return settle(tree, { ...state, trail: [...state.trail, state.nodeId], nodeId: nextId }, fresh);
}

/**
 * Starts a walk. Facts from the first message are used: a message that names
 * an outcome's error code goes straight to that outcome; otherwise questions
 * the message already answers are skipped as they come up.
 */
export function startWalk(tree: TroubleshootingTree, facts?: TroubleshootFacts): WalkState {
  const base: WalkState = { v: 1, treeId: tree.id, nodeId: tree.start, trail: [], answers: [], triedOutcomes: [] };
  if (facts?.text) base.facts = facts.codes?.length ? { text: facts.text, codes: [...facts.codes] } : { text: facts.text };
  const text = base.facts?.text;
  const direct = text ? Object.entries(tree.nodes).find(([, n]) => n.kind === 'outcome' && tree.matcher.matchesSpec(n.match, text)) : undefined;
  // "Back" from an outcome reached this way leads to the first question.
  if (direct) return { ...base, nodeId: direct[0], trail: [tree.start], triedOutcomes: [direct[0]] };
  return settle(tree, base, text);
}

/** The next branch to offer after "it did not solve it": the outcome's `next`, skipping outcomes already shown. */
function nextUntried(tree: TroubleshootingTree, state: WalkState): string | undefined {
  const seen = new Set<string>();
  let id = tree.nodes[state.nodeId]?.kind === 'outcome' ? (tree.nodes[state.nodeId] as { next?: string }).next : undefined;
  while (id && !seen.has(id)) {
    seen.add(id);
    const node = tree.nodes[id];
    if (node.kind === 'question' || !state.triedOutcomes.includes(id)) return id;
    id = node.next;
  }
  return undefined;
}

function goBack(tree: TroubleshootingTree, state: WalkState): WalkState {
  if (!state.trail.length) return state;
  const target = state.trail[state.trail.length - 1];
  let cut = state.answers.length;
  while (cut > 0 && state.answers[cut - 1].nodeId !== target) cut--;
  // The answer given at the node we return to is taken back with everything after it.
  const answers = cut > 0 ? state.answers.slice(0, cut - 1) : state.answers;
  return {
    ...state,
    nodeId: target,
    trail: state.trail.slice(0, -1),
    answers,
    audience: audienceOf(tree, answers),
    pendingNote: undefined,
    triedOutcomes: state.triedOutcomes.filter((id) => id !== state.nodeId),
  };
}

/**
 * Applies one input (typed text, a number, or an option id from a card) to the
 * walk. Navigation words work at every step: back / 戻る, restart / 最初から,
 * cancel / キャンセル, help / ヘルプ. Input that answers nothing leaves the
 * state unchanged (`accepted: false`), so the caller can treat it as a question.
 */
export function applyInput(tree: TroubleshootingTree, state: WalkState, input: string, lang: Lang): StepResult {
  const node = nodeAt(tree, state);
  const result = (action: StepAction, next: WalkState, extra: Partial<StepResult> = {}): StepResult => ({
    accepted: true,
    action,
    done: false,
    state: next,
    view: viewStep(tree, next, lang),
    ...extra,
  });

  switch (matchCommand(input)) {
    case 'cancel':
      return { accepted: true, action: 'cancel', done: true, state };
    case 'restart':
      return result('restart', startWalk(tree));
    case 'back':
      return result('back', goBack(tree, state));
    case 'help':
      return result('help', state);
  }

  if (node.kind === 'question') {
    const picked = tree.matcher.matchOption(node.options, input) ?? severalNamed(tree, node, input);
    if (!picked) {
      const besides = answerBesides(tree, node, input);
      if (besides) return result('answer', answerWith(tree, state, besides.picked, besides.stated), { asked: input });
      let kind: MessageKind | undefined;
      const aside = readAside(tree, state, input, () => (kind ??= classifyMessage(input)));
      if (!aside) return { accepted: false, action: 'not-understood', done: false, state, ...(kind ? { kind } : {}) };
      if (aside === 'fixed') return { accepted: true, action: 'solved', done: true, solved: true, state };
      return result(aside.action, aside.state);
    }
    return result('answer', answerWith(tree, state, picked, input));
  }

  // At an outcome too, an earlier answer may be taken back (「いや、403でした」 is no "no").
  const kind = classifyMessage(input);
  const asks = kind === 'question';
  const redone = asks ? undefined : corrected(tree, state, input);
  if (redone?.action === 'changed') return result('changed', redone.state);
  const reading = readSolvedReply(input);
  // A bare "yes" before a fact the walk can use ("yes, we changed a policy") answers a question
  // never asked: the fact is kept for the branches still to come, and "did this solve it?" stands.
  if (reading.bareHead && !reading.other && reading.rest && statesFact(tree, reading.rest)) return result('noted', { ...state, facts: withSaid(state.facts, reading.rest) });
  const byWords = reading.answer && SOLVED_OPTIONS.find((o) => o.id === (reading.answer === 'yes' ? SOLVED_YES : SOLVED_NO));
  const picked = byWords ? { option: byWords } : reading.notTried ? undefined : tree.matcher.matchOption(SOLVED_OPTIONS, input);
  const late = picked || redone || asks ? undefined : skippedAnswered(tree, state, input);
  if (late) return result('late-answer', late);
  if (!picked) {
    if (redone) return result(redone.action, redone.state);
    // A statement about the user's case (not a question, not another problem reported) is kept.
    const aboutCase = kind === 'statement';
    if (aboutCase && saidAgain(tree, state, input)) return result('known', state);
    const named = aboutCase ? optionNamed(tree, input) : undefined;
    if (named) return result('noted', { ...state, facts: withSaid(state.facts, input), audience: named.audience ?? state.audience });
    return { accepted: false, action: 'not-understood', done: false, state, kind };
  }
  const answered: WalkState = { ...state, answers: [...state.answers, { nodeId: state.nodeId, optionId: picked.option.id }], pendingNote: undefined };
  // "Yes, but another flow fails too": this one is solved, and the other is a matter of its own.
  const more = reading.answer === 'yes' && reading.rest && (reading.other || classifyMessage(reading.rest) === 'report' || /[?？]/u.test(input)) ? { more: reading.rest } : {};
  if (picked.option.id === SOLVED_YES) return { accepted: true, action: 'solved', done: true, solved: true, state: answered, ...more };
  // A second cause the user named goes before the tree's next most likely branch.
  const other = otherNamed(tree, answered);
  if (other) {
    let back = answered;
    while (back.nodeId !== other.at.nodeId && back.trail.length) back = goBack(tree, back);
    // The outcomes shown stay shown: "did not solve it" never offers one twice.
    const from: WalkState = { ...back, triedOutcomes: [...new Set([...answered.triedOutcomes, ...back.triedOutcomes])] };
    return result('other-named', answerWith(tree, from, { option: other.option, score: 0.9, how: 'id' }, ''), { solved: false });
  }
  const next = nextUntried(tree, state);
  if (!next) return { accepted: true, action: 'not-solved', done: true, solved: false, state: answered };
  return result('not-solved', enter(tree, answered, next), { solved: false });
}

/**
 * How many "back"s lead from where the walk stands to the question `step`, which it passed on
 * the way; undefined when the walk has not been there (a card of another walk).
 */
export function backsTo(state: WalkState, step: string): number | undefined {
  const at = state.trail.lastIndexOf(step);
  return at < 0 ? undefined : state.trail.length - at;
}

/** Reads a stored walk position; throws when it is not one (old format, tampering). */
export function parseWalkState(raw: unknown): WalkState {
  const s = raw as Partial<WalkState> | null;
  const strings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
  const ok =
    !!s &&
    typeof s === 'object' &&
    s.v === 1 &&
    typeof s.treeId === 'string' &&
    typeof s.nodeId === 'string' &&
    strings(s.trail) &&
    strings(s.triedOutcomes) &&
    Array.isArray(s.answers) &&
    s.answers.every((a) => !!a && typeof a.nodeId === 'string' && typeof a.optionId === 'string') &&
    (s.audience === undefined || s.audience === 'user' || s.audience === 'admin') &&
    (s.pendingNote === undefined || typeof s.pendingNote === 'string') &&
    (s.facts === undefined || (typeof s.facts === 'object' && s.facts !== null));
  if (!ok) throw new Error('not a walk state');
  return s as WalkState;
}
