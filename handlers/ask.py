"""The ask handler: a free question answered with cited evidence, or an honest abstention."""

from __future__ import annotations

from clipdesk.handlers.cite import snippet
from clipdesk.handlers.text import clip_question
from clipdesk.handlers.types import Reply, Request, Snippet
from clipdesk.store.index.search import Hit, search
from clipdesk.store.store import Store

DEFAULT_K = 3
NOTHING = "Nothing in the indexed coverage answers that. Try other words, or /sources to see what is indexed."
EMPTY = "Ask me something about the coverage, e.g. \"What did Shoigu say about cooperation with London?\""


def answer(store: Store, question: str, k: int = DEFAULT_K,
           thread_id: str | None = None) -> Reply:
    """Search the coverage for `question` and compose the Reply."""
    question = clip_question(question)
    if not question:
        return Reply(text=EMPTY, thread_id=thread_id)
    result = search(store, question, k=k)
    if not result.found:
        return Reply(text=NOTHING, thread_id=thread_id)
    snippets = tuple(snippet(h) for h in result.hits)
    return Reply(text=lead(snippets[0]), snippets=snippets, thread_id=thread_id, found=True)


def lead(best: Snippet) -> str:
    """The line above the evidence: who said it for a quotation, what kind of record otherwise."""
    if best.kind == "quote":
        return f"{best.speaker} said:" if best.speaker else "The coverage quotes, without naming the speaker:"
    if best.kind == "event":
        return "The coverage reports:"
    return "From the coverage:"


def handle_ask(request: Request, store: Store) -> Reply:
    """Answer /ask and plain-text questions."""
    return answer(store, request.args, thread_id=request.thread_id)


def explain(store: Store, question: str, k: int = DEFAULT_K) -> dict:
    """Why the question was or was not answered: the intent, the threshold, and for each hit (or the
    best candidate, when none passed) its lexical and semantic scores and its relevance."""
    result = search(store, clip_question(question), k=k)
    shown = result.hits or ((result.best,) if result.best else ())
    return {"intent": result.intent, "threshold": round(result.threshold, 3), "answered": result.found,
            "hits": [_explained(h) for h in shown]}


def _explained(hit: Hit) -> dict:
    return {"kind": hit.kind, "source": hit.source, "paragraph": hit.paragraph,
            "lexical": round(hit.lexical, 3),
            "semantic": None if hit.semantic is None else round(hit.semantic, 3),
            "relevance": round(hit.relevance, 3), "score": round(hit.score, 3), "fits_intent": hit.fit,
            "text": hit.text[:80]}


def explain_text(explained: dict) -> str:
    """The explanation as lines for a terminal."""
    verdict = "answered" if explained["answered"] else "abstained (best candidate below the threshold)"
    lines = [f"intent: {explained['intent']}   threshold: {explained['threshold']}   {verdict}"]
    for i, h in enumerate(explained["hits"], 1):
        semantic = "off" if h["semantic"] is None else h["semantic"]
        lines.append(f"{i}. {h['kind']} {h['source']} #{h['paragraph']}: lexical {h['lexical']}"
                     f"  semantic {semantic}  relevance {h['relevance']}  rank score {h['score']}"
                     + ("  (the kind of answer asked for)" if h["fits_intent"] else ""))
    return "\n".join(lines)
