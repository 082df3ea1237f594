"""The quote and who handlers: quotations by speaker and words, who said a phrase, and the full listing."""

from __future__ import annotations

from clipdesk.handlers.cite import snippet
from clipdesk.handlers.text import clip_question
from clipdesk.handlers.types import Reply, Request
from clipdesk.store.index.listings import list_quotes
from clipdesk.store.index.people import recognise_people
from clipdesk.store.index.search import find_quotes, who_said
from clipdesk.store.store import Store

K = 5
QUOTE_USAGE = ("Tell me whose quotations or which words, e.g. /quote shoigu or /quote shoigu zero. "
               "Reply to a message with /quote to find the source of what it says.")
WHO_USAGE = 'Tell me the phrase, e.g. /who below zero'


def handle_quote(request: Request, store: Store) -> Reply:
    """Quotations by speaker and/or words; with no words, the replied-to message's text."""
    args = clip_question(request.args)
    if not args and request.reply_to_text:
        return _phrase_lookup(store, clip_question(request.reply_to_text), request.thread_id,
                              lead="Quotations matching that message:")
    if not args:
        return Reply(text=QUOTE_USAGE, thread_id=request.thread_id)
    people = recognise_people(store, args)
    speaker = people[0].name if people else None
    words = _without(args, people[0].matched) if people else args
    hits = find_quotes(store, speaker=speaker, words=words or None, k=K)
    if not hits:
        who = f" by {speaker}" if speaker else ""
        return Reply(text=f"No quotations{who} match that.", thread_id=request.thread_id)
    lead = f"Quotations by {speaker}:" if speaker else "Quotations:"
    return Reply(text=lead, snippets=tuple(snippet(h) for h in hits),
                 thread_id=request.thread_id, found=True)


def quotations(store: Store, speaker: str | None = None) -> list[dict] | None:
    """Every stored quotation in article order, or only those of the person `speaker` names (misspelt
    or not); None when it names no one in the coverage."""
    if not speaker:
        return list_quotes(store)
    people = recognise_people(store, clip_question(speaker))
    return list_quotes(store, [people[0].id]) if people else None


def handle_who(request: Request, store: Store) -> Reply:
    """Who said a phrase (or the replied-to message's text)."""
    phrase = clip_question(request.args) or clip_question(request.reply_to_text)
    if not phrase:
        return Reply(text=WHO_USAGE, thread_id=request.thread_id)
    return _phrase_lookup(store, phrase, request.thread_id, lead=None)


def _phrase_lookup(store: Store, phrase: str, thread_id: str | None,
                   lead: str | None) -> Reply:
    hits = who_said(store, phrase, k=K)
    if not hits:
        return Reply(text="I found no quotation matching that in the indexed coverage.",
                     thread_id=thread_id)
    best = hits[0]
    if lead is None:
        lead = f"{best.speaker} said it." if best.speaker else "The speaker is not named in the coverage."
    return Reply(text=lead, snippets=tuple(snippet(h) for h in hits), thread_id=thread_id,
                 found=True)


def _without(text: str, matched: str) -> str:
    """`text` with the words that named the speaker taken out."""
    drop = {w.lower() for w in matched.split()}
    return " ".join(w for w in text.split() if w.lower().strip(".,?!:;\"'") not in drop)
