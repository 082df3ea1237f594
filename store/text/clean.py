"""Boilerplate removal: scraped text to normalised lines, each marked as prose, short, or boilerplate."""

from __future__ import annotations

import html
import re
from enum import Enum
from typing import NamedTuple

from clipdesk.store.text.lexicon import NON_VERBS
from clipdesk.store.text.metadata import DATE_PREFIX, byline, parse_date, parse_dateline, place_credit


class Kind(Enum):
    """What a line of scraped text is."""

    BLANK = "blank"
    PROSE = "prose"  # a sentence-like line: a body paragraph or a standfirst
    SHORT = "short"  # a headline, label, caption, byline, date or navigation item
    BOILER = "boiler"  # widgets, credits, appeals, teasers: never part of the article
    FOOTER = "footer"  # the line that opens a closing appeal; everything after it is boilerplate


class Line(NamedTuple):
    """One normalised line of the scraped text and what it is."""

    text: str
    kind: Kind


_ODD_SPACE = r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
# Runs of odd or repeated spaces (single plain spaces are left alone: replacing them costs time).
_SPACES = re.compile(rf"{_ODD_SPACE}[ {_ODD_SPACE[1:-1]}]*| [ {_ODD_SPACE[1:-1]}]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
# An entity whose ampersand a scraper stripped: 'said: ldquo;We discussed …rdquo;', 'welcomenbsp;ceremony'
# (only names no English word ends in: 'amp;' could be the end of 'camp;').
_BARE_ENTITY = re.compile(r"(?:[lrb]dquo|[lrs]squo|quot|nbsp|[mn]dash|hellip|[lr]aquo);")
# An HTML tag a scraper left in the text: one with attributes ('<a href="//ads.example/…">'), a void
# element ('<br />', '<img …/>') or the closing tag of a link or block ('</a>'). A bare '<b>' is left as
# written: alone it may be the story's own text.
_HTML_TAG = re.compile(r"<(?:[a-zA-Z][a-zA-Z0-9]*\s+[a-zA-Z-]+=[^<>]*|(?:br|hr|img|wbr)\s*/?"
                       r"|/(?:a|div|span|p|iframe|script|figure|figcaption|section|noscript))>", re.I)
# The end of a tag whose start the scraper cut off, on a line of its own: 'content="Macron and Trump …" />'.
_TAG_TAIL = re.compile(r"(?m)^[^<>\n]*[\"']\s*/?>[ \t]*$")
_DASH_CREDIT = re.compile(r"[–—]\s+[A-Z]")  # crediting the quotation above it: '– Coach Ann Lee after …'
_BOLD = re.compile(r"\*\*(?=[^*\s])([^*\n]+?)(?<=[^*\s])\*\*")  # '**bold**', not the stars of 's*** goal'
_MARKDOWN_LINK = re.compile(r"(?<!!)\[([^\]\n]+)\]\((?:https?://|/)[^)\s]*\)")  # not images: "![..](..)"
# A page's date label run into its first line: "date 2023-12-28 KESSEL (Wire) — ..." (put on its own line).
_DATE_LABEL = re.compile(r"(?m)^[ \t]*(date \d{4}-\d{2}-\d{2})[ \t]+(?=\S)")
_HEADING_MARK = re.compile(r"(?m)^[ \t]*#{1,6}[ \t]+(?=\S)")  # a markdown heading: "# 01 June 2024"
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_LETTER_RUNS = re.compile(r"[^\W\d_]+")
_CLOSERS = "\"”’'»)]"
_WRAP = 100  # the widest hard wrap
_UNWRAPPED_LINES = 2  # lines longer than a wrap's width that a wrapped text may have (a headline, a lede)
# A paragraph cut off after its verb of saying: '"…," said' ⏎⏎ 'his lawyer …'.
_SAID_AT_END = re.compile(r"[,”\"]\s+(?:said|says|added|adds|told|wrote|writes)$")
_DANGLING = (" —", " –", " -", " --")  # a dateline alone on its line ("London CNN —") runs into the next

_REPEAT_CHARS = 200  # lines shorter than this are remembered, to find a headline printed again in capitals
_TEMPLATE_LABEL = re.compile(r"[A-Z]{2,}_[A-Z]")  # 'LAST_UPDATE', 'PUB_DATE' left by a page template
# A wire service's note on the version of its story: "(Corrects to remove ...)", "(Adds details)".
_WIRE_NOTE = re.compile(r"(?i)^\((?:corrects|updates|adds|recasts|refiles|repeats|changes|fixes|rewrites"
                        r"|removes|moves)\b[^()]*\)$")
# Whole lines that are page furniture: widgets, navigation, counters (matched in lower case).
_WIDGET = re.compile(r"""(?x)
    share(?:[\s-]?line)?|share\ this(?:\ article|\ story|\ page)?|tweet|print|e-?mail|copy(?:\ link)?
   |(?:link\ )?copied|save(?:\ article)?|bookmark|comments?|\d+\ comments?|comments?\ \(\d+\)
   |(?:show|view|read)\ comments|(?:post|leave|add|write)\ a\ comment|comments\ are\ closed
   |views?:?\ *[\d.,]+k?|[\d.,]+k?\ views|ads?|advert(?:isement)?|sponsored(?:\ content)?
   |story\ continues\ below(?:\ advertisement)?|(?:skip|hide|close)\ (?:advertisement|ad)
   |scroll\ to\ continue.*
   |loading|please\ wait|search|menu|close|home|log\ ?in|log\ ?out|sign\ ?in
   |sign\ ?up(?:\ here|\ now)?|register
   |subscribe(?:\ now)?|newsletters?|a\+|a-|font\ size|text\ size|listen(?:\ to\ this\ article)?
   |\d+\ mins?(?:\ read)?|\d+\ minutes?(?:\ read)?|back\ to\ top|skip\ to\ (?:main\ )?content
   |(?:estimated\ )?read(?:ing)?\ time:?(?:\ (?:about|less\ than|under))?\ (?:an?|one|\d+)\ min(?:ute)?s?
   |text\ settings|[✕×✖xX]\ ?close|close\ [✕×✖xX]
   |(?:(?:updated|published|posted)\ )?(?:an?|\d+)\ (?:seconds?|minutes?|mins?|hours?|hrs?|days?)\ ago
   |next(?:\ article)?|previous(?:\ article)?|more|show\ more|see\ more|show\ less|load\ more|see\ all
   |all\ news|latest(?:\ news)?|top\ stories|most\ (?:read|popular|viewed|shared)|trending(?:\ now)?
   |editor'?s\ picks?|remind\ me\ later|maybe\ later|not\ now|no\ thanks|got\ it
   |accept(?:\ all)?(?:\ cookies)?|reject\ all|manage\ (?:cookies|preferences|settings)
   |continue\ reading|read\ (?:the\ )?full\ (?:story|article)|click\ here|watch(?:\ live)?|live
   |play\ live\ (?:radio|audio|tv|video)|listen\ live|next\ up|available\ on\ air\ stations
   |accessibility(?:\ links)?|learn\ more|breaking(?:\ news)?|page\ \d+\ of\ \d+|next\ previous|previous\ next
   |about\ these\ ads|switch\ to\ (?:the\ )?(?:desktop|mobile)(?:\ site|\ version)?
   |report\ an\ error|send\ feedback|feedback|contact\ us|about\ us|privacy\ policy|terms\ of\ (?:use|service)
   |what\ are\ you\ looking\ for|enter\ (?:your\ )?search.*|search\ for|type\ (?:here|to\ search)
""")
# Lines that open with page furniture or appeals, whatever follows (matched in any case).
_BOILER_START = re.compile(r"""(?ix)
    (?:tags?|topics?|keywords|filed\ under|related\ topics|categor(?:y|ies))\s*:
   |(?:posts?|articles?|stories)\ tagged\ (?:with\ )?|tag\ archives?\b|category\ archives?\b
   |(?:photo|photograph|image|picture|illustration|video|file\ photo|pictured|credit|image\ source
      |image\ caption|media\ caption|caption)s?\b\s*[:,]
   |\(?(?:reporting|writing|editing|additional\ reporting|compiled|edited|fact-checked|translated)\ by\b
   |(?:translated|edited|compiled)\ and\ (?:translated|edited|compiled)\ by\b
   |our\ standards\s*:|privacy\ notice\s*:|after\ newsletter\ promotion$|source\s*:(?:\s\S+){1,8}$
   |(?:follow|like)\ [\w .@-]{1,40}?\ on\ (?:our\ |the\ )?(?:twitter|x|facebook|instagram|telegram
      |youtube|linkedin|tiktok|threads|bluesky|whatsapp|google\ news|mastodon)\b
   |(?:join|subscribe\ to)\ (?:us|our)\b|(?:download|get)\ (?:our|the)\ (?:[\w-]+\ )?app\b
   |(?:sign\ up|subscribe|register)\b.{0,120}?\b(?:newsletter|inbox|e-?mail|updates|alerts|for\ free)\b
   |you\ are\ here\s*:|(?:font|text)\ size\s*:|skip\ to\ (?:main\ )?(?:content|navigation)(?=skip|\b)
   |stay\ up\ to\ date\ with\ notifications\b|notifications\ can\ be\ managed\b
   |.{0,60}\binformed\ by\ sharing\b|.{0,40}\bby\ sharing\ this\ (?:article|story|page)\b
   |(?:[\w-]+\ [-–—]\ )?make\ a\ (?:charitable\ )?donation\b
   |(?:allow|enable|turn\ on)\ (?:push\ )?notifications\b|tired\ of\ (?:too\ many\ )?ads\b|go\ ad[-\ ]free\b
   |click\ (?:here|the\ bell|allow)\b|listen\ to\ (?:this\ )?article\b|read\ about\ our\ approach\b
   |!\[[^\]]*\]\([^)]*\)$|(?:https?://|www\.)\S+$
   |(?:share|liked)\b.{0,40}?\b(?:social\ media|facebook|twitter)\b
   |(?:the\ )?views\ expressed\ (?:in\ this|here)\b|this\ (?:story|article)\ (?:was|has\ been)
      \ (?:updated|corrected|amended)\b
   |this\ (?:article|story|content)\ is\ (?:more\ than\ |over\ )?(?:\d+|a|an|one|two)\ (?:years?|months?)\ old
   |advert(?:isement)?(?-i:(?=[A-Z]))
   |file\ ?[-—–]\ |item\ \d+\ of\ \d+\b|\[\d+/\d+\]|already\ (?:a\ )?(?:subscriber|member|registered)\b
   |an\ official\ website\ of\ the\b|here['’]s\ how\ you\ know$|official\ websites\ use\b
   |(?:secure\ )?\.gov\ websites?\b|a\ lock\ \(
   |(?:this\ (?:article|content|story)\ is\ )?(?:only\ )?(?:for|available\ to)\ (?:paid\ )?subscribers\b
   |as\ (?:featured|seen)\ (?:on|in)\ \S+(?:\ \S+)?(?:\s*:.*)?$
""")
# A line that speaks to the reader: "Sign up for...", "Get our...", "Don't miss...".
_PROMPT = re.compile(
    r"(?:sign|get|subscribe|receive|join|register|try|don't|want|like|enjoy|for\ more|click)\b")
# Page furniture that can sit anywhere in a line: rights notices, cookie banners, share prompts.
# The regex runs only on lines holding one of the _ANYWHERE_KEYS (a cheap test on the lower-cased line).
_ANYWHERE_KEYS = re.compile(
    r"©|\(c\)|copyright|rights reserved|contributed|cookie|may not be|use of|reproduction|republication"
    r"|copying|not responsible|share |newsletter|enable |recaptcha|licensing rights|opens new tab|photo"
    r"|browser")
_BOILER_ANYWHERE = re.compile(r"""(?ix)
    ©|\(c\)\ \d{4}|\bcopyright\ (?:\d{4}|©)|\ball\ rights\ reserved\b|\bcontributed\ (?:reporting|to\ this
      \ (?:report|story))\b|\b(?:we|this\ (?:site|website))\ uses?\ cookies\b|\bcookie\ (?:policy|settings
      |preferences|consent)\b|\bmay\ not\ be\ (?:published|reproduced|broadcast|rewritten|redistributed)\b
   |\b(?:use|reproduction|republication|copying)\ of\ (?:the\ |our\ )?(?:materials?|content|articles?)\b
      .{0,80}?\b(?:allowed|permitted|prohibited|forbidden|hyperlink|link)\b
   |\bnot\ responsible\ for\ the\ content\ of\ external\b|\bshare\ (?:it|this(?:\ \w+)?)\ on\b
   |\bnewsletter\b.{0,80}?\b(?:sign\ up|subscribe|inbox|delivered)\b|\benable\ (?:javascript|notifications)\b
   |\brecaptcha\b|\blicensing\ rights\b|,\ opens\ new\ tab\b
   |\byour\ browser\ (?:is\ (?:no\ longer|not)\ supported|appears\ to\ have)\b
   |\bupgrade\ (?:your|to\ a\ newer)\ (?:version|browser)\b|\bcookies\ (?:disabled|in\ your\ browser)\b
   |\bconsent\ to\ use\ cookies\b
   |[(\[](?:(?:AP|AFP|Reuters|EPA|Getty)\ )?photo\b[^)\]]*[)\]]$
   |(?:^|(?<=[.!?])\ )copyright\ (?-i:[A-Z][\w.&'’-]*(?:\ [A-Z][\w.&'’-]*){0,3})\.?$
""")
# A photo credit closing a caption: "... EPA-EFE/WILL OLIVER", "... Photograph: Yuri Kochetkov/EPA",
# "... AFP via Getty Images", "... — Screengrab/Ministry of Foreign Affairs". Searched in the last few words
# of a line only.
_CAPITALISED = r"[A-Z][\w.&'-]*(?:\s(?:of\s|and\s|for\s)?[A-Z][\w.&'-]*){0,4}"
# "... on the 5th. /Courtesy of News1", "... (Photo courtesy of the ministry)"
_COURTESY_CREDIT = re.compile(
    r"(?i)(?:/\s*|\bphoto\s+|\bimage\s+|[(\[])courtesy(?:\s+of)?\s+[\w .&'’-]{1,40}[)\]]?$")
# A picture library's number closing a caption: '… the Director of Nursing. ANL-150129-125214009'
_PICTURE_ID = re.compile(r"\b[A-Z]{2,5}-\d{6}-\d{6,}$")
_SLASH_CREDIT = re.compile(rf"[(\[]?{_CAPITALISED}\s?/\s?{_CAPITALISED}[)\]]?$")
_AGENCY_CREDIT = re.compile(
    r"(?i)\b(?:getty\ images|shutterstock|alamy|ap\ photo|afp|reuters|epa(?:-efe)?|sputnik|tass|ria\ novosti"
    r"|anadolu(?:\ agency)?|pa\ (?:wire|media)|handout|pool)[)\]]?$")
# A caption's credit as some broadcasters print it, often glued on: "...against SloveniaImage source, SNS".
_SOURCE_CREDIT = re.compile(r"(?i)(?:image|photo|picture) source,\s[^,.]{1,40}$")
# Lines that open a related-article teaser: "Read more", "Related: ...", "See also".
_TEASER = re.compile(r"""(?ix)^
    (?:(?P<loose>read\ more|read\ also|also\ read|read\ next)
      |see\ also|related(?:\ (?:articles?|stories|news|content|coverage|reading|links|posts))?
      |more\ on\ this(?:\ story|\ topic)?|you\ (?:may|might)\ also\ (?:like|be\ interested\ in)
      |recommended(?:\ for\ you)?|further\ reading|don'?t\ miss|up\ next|more\ stories|читайте\ также
      |(?P<strict>more|watch|listen|video|photos?|gallery))
    \b\s*(?P<sep>[:|]\s*|[—–-]\s+)?(?P<rest>.*)$""")
# A caption label standing alone ("Image caption,"): the caption itself is on the next line.
_CAPTION_LABEL = re.compile(
    r"(?i)^(?:(?:image|photo|picture|pic|media|video)(?:\s+caption)?|caption)\s*[,:]?$")
_TEASER_LINES = 4  # at most this many lines follow a teaser marker (caption, headline, credit)
# The start of a comment section or of a list of other stories: everything after goes (once the story
# has had a few paragraphs; the same words in a share bar under the headline only drop that line).
_SECTION_END = re.compile(r"""(?ix)^(?:
    (?:\d+\ )?(?:reader\ )?comments?(?:\ \(\d+\))?|(?:post|leave|add|write)\ a\ comment|show\ comments
   |join\ the\ (?:conversation|discussion)|comments\ are\ closed|discussion
   |most\ (?:read|popular|viewed|shared)|more\ stories|you\ (?:may|might)\ also\ like|more\ from\ .{2,40}
   |top\ stories|latest(?:\ news|\ stories)?|trending(?:\ now)?|recommended(?:\ for\ you)?
   |more\ on\ this\ story|editor'?s\ picks?|(?:what\ to\ )?read\ next|up\ next
   |related\ (?:articles|stories|content|coverage|news)
)[:.!]?$""")
# The button that closes a pop-up appeal set in the middle of a story.
_DISMISS = re.compile(r"(?i)\b(?:show\ me\ later|don['’]t\ show\ (?:it|this|me\ this)?\s?again"
                      r"|remind\ me\ later|maybe\ later|no,?\ thanks?|not\ now)[.!]?$")
_APPEAL_WORDS = re.compile(
    r"(?i)\b(?:help\ us|support\ (?:us|our)|donat\w*|subscri\w*|become\ a\ member|membership"
    r"|independent\ journalism|our\ (?:journalism|newsroom|reporters|work)|keep\ (?:us\ )?going)\b")
_SECTION_END_AFTER = 3  # prose lines the story must have had before such a marker ends it
# A closing appeal: donation, membership and subscription pitches (everything after is cut).
_FOOTER = re.compile(r"""(?ix)^(?:
    a\ message\ from(?:\ \S+){1,5}(?<![.!?])
   |dear\ (?:readers?|friends?|subscribers?)[,!:]?
   |(?:please\ )?support\ (?:us|our\ (?:work|journalism|newsroom|reporting)|independent\ (?:journalism|media)
      |quality\ journalism|the\ [\w .'’]{2,40}?\ journalism|[\w .]{2,30}?['’]s\ journalism)\b.*
   |before\ you\ (?:go|continue)(?:[.…!,:]|\ [-—–]).*|we\ have\ a\ small\ favou?r\ to\ ask\b.*
   |help\ us\ (?:keep|continue|remain|stay)\b.*|you'?ve\ read\ \d+\ (?:free\ )?articles?\b.*
   |become\ a\ (?:member|supporter|patron|subscriber|paid\ subscriber)\b.*
   |if\ you\ (?:value|appreciate|enjoy(?:ed)?|like)\ (?:our|this|what\ we)\b.*
      \b(?:journalism|reporting|article|story|work|coverage)\b.*
   |(?:donate|make\ a\ (?:donation|contribution))\b.*
   |(?:a\ )?note\ from\ (?:the\ )?(?:author|editors?|newsroom)
)[:.!]?$""")


def looks_binary(raw: str) -> bool:
    """True for text holding NUL bytes or more than a sprinkling of control or replacement characters."""
    sample = raw[:20000]
    return "\x00" in sample or _CONTROL.search(sample) is not None and len(
        _CONTROL.findall(sample)) * 50 > len(sample)


def mostly_letters(text: str) -> bool:
    """True when at least half of the visible characters of (the start of) a text are letters."""
    sample = text[:600]
    visible = len(sample) - sample.count(" ")
    return sum(map(len, _LETTER_RUNS.findall(sample))) * 2 >= visible


# Curly quotation marks of a Chinese-encoded (GBK) page read as Latin-1: '¡°We will¡±', 'North¡¯s'.
_GBK_MARKS_AS = {"¡°": "“", "¡±": "”", "¡®": "‘", "¡¯": "’"}
_GBK_MARKS = re.compile("|".join(_GBK_MARKS_AS))


_OPENING_PAIR = re.compile(r"(?<!\w)‘’(?=\w)")


def normalise(raw: str) -> list[str]:
    """The text's lines with whitespace normalised ("" for a blank line) and hard wraps rejoined.

    HTML tags a scraper left in ('<a href="…"> <br />') are dropped, HTML entities ("&#8217;", and
    "ldquo;" that lost its ampersand) decoded,
    markdown links and bold marks reduced to their text, and curly marks of a page read in the wrong
    encoding ('¡°…¡±', 'North¡¯s') put back."""
    if "&" in raw and _ENTITY.search(raw):
        raw = html.unescape(raw)
    if ";" in raw and _BARE_ENTITY.search(raw):
        raw = _BARE_ENTITY.sub(lambda m: html.unescape("&" + m[0]), raw)
    if "<" in raw:
        raw = _HTML_TAG.sub("", raw)
    if ">" in raw:
        raw = _TAG_TAIL.sub("", raw)
    if "](" in raw:
        raw = _MARKDOWN_LINK.sub(r"\1", raw)
    if "**" in raw:
        raw = _BOLD.sub(r"\1", raw)
    if "¡" in raw:
        raw = _GBK_MARKS.sub(lambda m: _GBK_MARKS_AS[m[0]], raw)
    if "’’" in raw or "‘‘" in raw or "''" in raw:  # two single marks typed for a double: '“We …,’’ Lee said'
        # (an opening one as ‘’ before a word: 'was ‘’sliding away’’')
        raw = _OPENING_PAIR.sub("“", raw).replace("’’", "”").replace("‘‘", "“").replace("''", '"')
    if "#" in raw:
        raw = _HEADING_MARK.sub("", raw)
    if "date " in raw:
        raw = _DATE_LABEL.sub(r"\1\n", raw)
    return _unwrap([respace(line.strip() if line.isprintable() and "  " not in line else _tidy(line))
                    for line in raw.splitlines()])


# Spaces a scraper lost: 'Moscow.The talks', '(Reporter Jo Bo)Russian', 'offer.“It is', 'said,”she'.
# (Not in a site's name closing a line: "News.Az".)
_RUN_ON = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z](?![a-z]?$))|(?<=[a-z][.!?,][”’])(?=[A-Z][a-z])"
                     r"|(?<=[a-z][)])(?=[A-Z][a-z])|(?<=[\w.,!?;:])(?=“)|(?<=”)(?=\w)")
# What every join _RUN_ON puts a space into contains: found much faster than _RUN_ON's look-behinds.
_RUN_ON_HINT = re.compile(r"[.!?)”’][A-Z]|“|”\w")
_GLUED_STRAIGHT = re.compile(r'(?<=[\w.,!?;:])"(?=[A-Za-z])')


def respace(line: str) -> str:
    """The line with the spaces put back that scraped text lost around sentence ends and quote marks.

    A straight mark between two words opens a quotation when none is open (the space goes before it)
    and closes one otherwise (the space goes after it); a spaced mark after a sentence of an open
    quotation opens a new one, as a quotation whose closing mark was left out ends there."""
    if _RUN_ON_HINT.search(line):
        line = _RUN_ON.sub(" ", line)
    if '"' not in line:
        return line
    parts, last, open_now = [], 0, False
    for mark in re.finditer('"', line):
        pos = mark.start()
        before, after = line[pos - 1:pos] or " ", line[pos + 1:pos + 2] or " "
        if not _GLUED_STRAIGHT.match(line, pos):
            # a spaced mark after a sentence of an open quotation opens a new one (its closer was lost)
            reopens = open_now and before == " " and after.isalnum() and line[:pos].rstrip()[-1:] in ".!?"
            open_now = reopens or not open_now
            continue
        parts += [line[last:pos], '" ' if open_now else ' "']
        last, open_now = mark.end(), not open_now
    return "".join(parts) + line[last:]


def _tidy(line: str) -> str:
    """A line without invisible characters and with every run of white space made one plain space."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _unwrap(lines: list[str]) -> list[str]:
    """Join lines that a fixed-width wrap or a stray line break split in the middle of a sentence."""
    full, wrapped = _wrap_width(lines)
    out: list[str] = []
    previous = ""
    for line in lines:
        if line and line[0].islower() and len(out) > 1 and not out[-1] and len(out[-2]) >= 30 \
                and _SAID_AT_END.search(out[-2]) and byline(line) is None:
            # a paragraph broken by a blank line before its last words ('"…," said' ⏎⏎ 'his lawyer …')
            out.pop()
            out[-1] = f"{out[-1]} {line}"
            previous = line
            continue
        if out and out[-1] and line and (
                wrapped and len(previous) >= full and line[0] not in "-•*#|>"
                or (len(previous) >= 30 or wrapped) and line[0].islower() and not ends_sentence(previous)
                or wrapped and previous.endswith(",")
                or previous.endswith(_DANGLING)
                or _capitals_wrap(previous, line)) \
                and byline(line) is None and (len(line) > 40 or parse_date(line) is None):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
        previous = line
    return out


def _capitals_wrap(previous: str, line: str) -> bool:
    """A headline set in capitals and broken over two lines ('AGENCY WARNS FREIGHT SLOWDOWN HIGHLIGHTS' ⏎
    'RISING COSTS AND LIMITED OPTIONS')."""
    return len(previous) >= 40 and previous.isupper() and line.isupper() and len(line.split()) >= 3 \
        and len(previous.split()) >= 4 and not ends_sentence(previous)


def _wrap_width(lines: list[str]) -> tuple[int, bool]:
    """(the length from which a line fills the wrap, whether the text is hard-wrapped): lines of at most
    _WRAP characters, several of them full and breaking off mid-sentence. A headline or two set on one
    long line above the wrap may be longer."""
    long = [n for n, line in enumerate(lines) if len(line) > _WRAP]
    width = max((len(line) for line in lines if len(line) <= _WRAP), default=0)
    full = int(width * 0.7)
    filled = [n for n, line in enumerate(lines) if full <= len(line) <= _WRAP]
    broken = sum(1 for n in filled if n + 1 < len(lines) and lines[n + 1] and not ends_sentence(lines[n]))
    if broken >= 3 and len(long) <= _UNWRAPPED_LINES and all(n < filled[0] for n in long):
        return full, True
    return full, False


def ends_sentence(line: str) -> bool:
    """True when the line ends with sentence punctuation (before any closing quotes or brackets)."""
    return line.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…", ":")


# A caption that ends by crediting its picture: "Volodymyr Zelensky. Photo: screenshot".
_CAPTION_CREDIT = re.compile(
    r"(?i)(?:^|[.!?]\s)\s*(?:photo|photograph|image|picture|credit)s?\s*:\s*[^.:]{1,40}\.?$")
# Letters of the scripts a language menu mixes ("عربي Español Русский Français 简体中文").
_SCRIPTS = (("a", "z"), ("\u00c0", "\u024f"), ("\u0370", "\u03ff"), ("\u0400", "\u04ff"),
            ("\u0590", "\u05ff"), ("\u0600", "\u06ff"), ("\u0900", "\u097f"), ("\u3040", "\u30ff"),
            ("\u4e00", "\u9fff"), ("\uac00", "\ud7af"))


def _language_menu(line: str, words: int) -> bool:
    """A short line in three or more scripts: the site's language menu, not text."""
    if words > 12 or line.isascii():
        return False
    low = line.lower()
    found = {n for c in low for n, (a, b) in enumerate(_SCRIPTS) if a <= c <= b}
    return len(found - {1}) >= 3  # accented Latin counts with plain Latin


_GLUED_WORDS = re.compile(r"[a-z][A-Z][a-z]")


_MENU_PARTS = 4  # a bar of links has at least this many links between pipes
_MENU_PART_WORDS = 7  # each of them shorter than this
_CRUMB = re.compile(r"\s(?:>|»|›|/|\\)\s")


def _breadcrumbs(line: str, words: int) -> bool:
    """A trail of section links: 'Home > World > Europe', 'News / Politics', 'Politics | City Council',
    'The Asian Age | News' (a one-word section beside a topic or the site's name)."""
    piped = line.split(" | ")
    if len(piped) == 2 and any(" " not in p for p in piped) and all(
            p[:1].isupper() and p.count(" ") < 3 for p in piped) and place_credit(line) is None:
        return True  # (but "UNN | Kyiv" credits an agency)
    parts = _CRUMB.split(line)
    arrows = any(mark in line for mark in (" > ", " » ", " › "))
    return (len(parts) >= 3 or len(parts) == 2 and arrows) and words <= 4 * len(parts) and all(
        p[:1].isupper() and p.count(" ") < 3 for p in parts)


def _menu_bar(line: str) -> bool:
    """A bar of links between pipes: 'Bracket Challenge | Watching @ Work? | Scores | More'."""
    parts = line.split(" | ") if " | " in line else ()
    return len(parts) >= _MENU_PARTS and all(p.count(" ") < _MENU_PART_WORDS for p in parts)


def _glued_menu(line: str) -> bool:
    """Menu links run together by the scraper ("HomeAbout HR-NetNewsWeb SitesDocuments...")."""
    return len(_GLUED_WORDS.findall(line)) >= 3 and not ends_sentence(line)


def _top_bar(line: str) -> bool:
    """Today's date in a site's top bar, run together with its links ("Dec. 1, 2015 SIGN IN | REGISTER")."""
    match = DATE_PREFIX.match(line)
    if not match or match.end() == len(line):
        return False
    parts = [p for p in re.split(r"\s*[|•·]\s*", line[match.end():].strip(" ,|")) if p]
    return bool(parts) and all(_WIDGET.fullmatch(p.lower().rstrip(" .!?:…")) for p in parts)


def kind_of(line: str) -> Kind:
    """What one normalised, non-blank line is, judged on its own."""
    words = line.count(" ") + 1
    low = line.lower()
    if words <= 8 and _WIDGET.fullmatch(low.rstrip(" .!?:…")) or words <= 20 and "newsletter" in low and (
            _PROMPT.match(low) or not ends_sentence(line)):
        return Kind.BOILER
    if _language_menu(line, words) or _glued_menu(line) or _breadcrumbs(line, words) or _menu_bar(line):
        return Kind.BOILER
    if words <= 12 and (line[:1].isdigit() or line[:1].isupper()) and _top_bar(line):
        return Kind.BOILER
    if words <= 25 and _CAPTION_CREDIT.search(line) or _WIRE_NOTE.match(line):
        return Kind.BOILER
    if words <= 25 and _FOOTER.match(line):
        return Kind.FOOTER
    word_pair = words <= 2 and ":" not in line  # too short for a labelled or credited line
    if words <= 80 and not word_pair and (_BOILER_START.match(line) or _anywhere(line, low)):
        return Kind.BOILER
    dated = line.lstrip("|•· ")  # a date after a separator ("| 24/04/2017") is a date too
    if words <= 12 and line == line.upper() and not (dated[:1].isdigit() and parse_date(dated)) \
            and not _capitals_headline(low, words):
        return Kind.BOILER  # all-capitals labels, counters, symbols (but not a date: "08 OCT 1998")
    terminal = ends_sentence(line) and not (
        words <= 20 and _INITIALISM_END.search(line) is not None and _title_cased(line))
    if not terminal and 2 < words <= 60 and _credited(line):
        return Kind.BOILER  # a caption ending with its photo credit
    if terminal and words >= 3 or words >= 16 or words >= 3 and _DASH_CREDIT.match(line):
        return Kind.PROSE  # '– Haller, reacts to his face on billboards': the credit under a quotation
    return Kind.SHORT


# A line ending in an initialism's full stop ("... Talks With U.S."), which need not end a sentence.
_INITIALISM_END = re.compile(r"\b(?:[A-Z]\.){2,}$")


def _title_cased(line: str) -> bool:
    """A headline in title case ("Foreign Minister Says Iran Is Open To Talks With U.S."): every word of four
    letters or more capitalised, which a sentence's words are not."""
    long = [w for w in line.split() if len(w) >= 4]
    return len(long) >= 3 and all(w[0].isupper() for w in long)


def _capitals_headline(low: str, words: int) -> bool:
    """A headline set in capitals ('AGENCY WARNS OF A FREIGHT SLOWDOWN'): long, with the small words of a
    sentence, which a menu of sections or a label lacks."""
    return words >= 6 and not NON_VERBS.isdisjoint(low.split())


def _credited(line: str) -> bool:
    """A caption line that ends with a photo credit."""
    tail = line[-60:]
    slash = tail.find("/")
    if slash >= 0 and _SLASH_CREDIT.search(tail, max(0, tail.rfind(" ", 0, max(0, slash - 30)))):
        return True
    return _AGENCY_CREDIT.search(line, max(0, len(line) - 25)) is not None \
        or _SOURCE_CREDIT.search(tail) is not None or _COURTESY_CREDIT.search(tail) is not None \
        or _PICTURE_ID.search(tail) is not None


def _anywhere(line: str, low: str) -> bool:
    return _ANYWHERE_KEYS.search(low) is not None and _BOILER_ANYWHERE.search(line) is not None


def classify(lines: list[str]) -> list[Line]:
    """Mark every line; teaser blocks and everything after a closing appeal become boilerplate."""
    blank_separated = lines.count("") * 3 >= len(lines)
    out: list[Line] = []
    prose = 0
    cut = caption = appeal = False  # appeal: the cut came from an appeal, which a pop-up's button may close
    teaser = 0  # lines of a teaser block still to drop
    headline = False  # the teaser's headline has been dropped
    block = False  # the teaser is a block of its own, ended by a blank line
    seen: set[str] = set()
    for text in lines:
        if not text:
            out.append(Line(text, Kind.BLANK))
            if teaser < _TEASER_LINES:  # a blank line ends a teaser block once something was dropped
                teaser = 0
            block = False  # a blank right under the marker: what follows may be the story again
            continue
        key = text.strip(" •*-–").casefold() if len(text) < _REPEAT_CHARS else ""
        if appeal and cut and _DISMISS.search(text):  # a pop-up's "Show me later": the story goes on
            cut = appeal = False
            out.append(Line(text, Kind.BOILER))
            continue
        kind = Kind.BOILER if cut or caption or key and text.isupper() and key in seen else kind_of(text)
        seen.add(key)  # a headline printed again in capitals (a forum's) is chrome
        caption = _CAPTION_LABEL.match(text) is not None
        if teaser and kind is not Kind.BOILER:
            if block and parse_dateline(text) is None or kind is Kind.SHORT or _headline_sized(text) and (
                    not headline or text.endswith("?")):
                kind = Kind.BOILER
                teaser -= 1
                headline = True
            else:
                teaser = 0
        elif teaser:
            teaser -= 1
        if kind in (Kind.PROSE, Kind.SHORT) and len(text) < 200:
            opened = _TEASER.match(text)
            if opened and (opened["sep"] or not opened["strict"] and (not opened["rest"] or opened["loose"])):
                kind = Kind.BOILER
                teaser = 0 if opened["rest"] and not text.endswith(":") else _TEASER_LINES
                headline, block = False, blank_separated
        if kind is Kind.FOOTER:
            if prose and not cut:
                _drop_appeal_lead_in(out)
            appeal = appeal or prose > 0 and not cut
            cut = cut or prose > 0
        elif kind in (Kind.BOILER, Kind.SHORT) and prose >= _SECTION_END_AFTER and _SECTION_END.match(text):
            kind, cut = Kind.FOOTER, True
        prose += kind is Kind.PROSE
        out.append(Line(text, kind))
    return _captions(_skip_links(out))


# An item of the numbered list of skip links a page may open with: "1. Inhalt", "2. Navigation".
_SKIP_LINK = re.compile(r"(\d{1,2})\.\s+[^\s.!?]+(?:\s+[^\s.!?]+){0,4}")
_SKIP_LINKS = 3  # at least this many numbered items, counting from 1, make the list


def _skip_links(out: list[Line]) -> list[Line]:
    """Mark as boilerplate the numbered list of skip links some pages open with, before any prose."""
    items: list[int] = []
    for n, line in enumerate(out):
        if line.kind is Kind.BLANK:
            continue
        match = _SKIP_LINK.fullmatch(line.text)
        if line.kind is Kind.PROSE or match is None or int(match[1]) != len(items) + 1:
            break
        items.append(n)
    if len(items) < _SKIP_LINKS:
        return out
    return [Line(line.text, Kind.BOILER) if n in items else line for n, line in enumerate(out)]


# A picture's credit closing its caption, or set on the line under it: "... (Photo: Ann Lee/Agency)".
_PHOTO_TAIL = re.compile(r"(?i)\s*[(\[](?:photo|photograph|image|picture|credit)s?\b[^)\]]*[)\]]$")


def _captions(out: list[Line]) -> list[Line]:
    """Mark as boilerplate a caption printed as text: a line whose picture credit sits on the next line,
    a short line between a credited caption and its credit, or a credited caption's words printed again."""
    boiler = [line.text for line in out if line.kind is Kind.BOILER]
    credited = {_PHOTO_TAIL.sub("", text) for text in boiler if text[-1] in ")]" and _PHOTO_TAIL.search(text)}
    shown = [line for line in out if line.kind is not Kind.BLANK]
    captions: set[int] = set()
    for n, line in enumerate(shown[:-1]):
        below = shown[n + 1]
        if line.kind not in (Kind.PROSE, Kind.SHORT):
            continue
        if _printed_with_credit(line.text, below.text):
            captions.update((id(line), id(below)))
            continue
        if below.kind is not Kind.BOILER and line.text not in credited:
            continue
        alone = below.kind is Kind.BOILER and _PHOTO_TAIL.fullmatch(below.text) is not None \
            and not line.text.startswith(('"', "“"))  # "(Photo: ...)" under a caption, not under a quotation
        if line.kind is Kind.PROSE and (line.text in credited or alone) or line.kind is Kind.SHORT and n and (
                shown[n - 1].kind is Kind.BOILER and _picture_credit(shown[n - 1].text)
                and (alone or _picture_credit(below.text))):
            captions.add(id(line))
    return [Line(line.text, Kind.BOILER) if id(line) in captions else line for line in out]


# A bracketed credit closing a caption: "(Getty Images)", "(123rf)", "(AP Photo/Ann Lee)".
_BRACKET_CREDIT = re.compile(
    r"(?i)\.?\s*[(\[](?!(?:video|photos?|pics|update[sd]?|live|watch|audio)\b)[^()\[\]]{2,40}[)\]]$")


# A photographer's name glued to the copy of a caption: "Netanyahu at the meeting, todayAnn Lee".
_GLUED_CREDIT = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")


def _printed_with_credit(text: str, below: str) -> bool:
    """A caption a page prints twice in a row, the copy under it closed by the picture's bracketed credit
    or by the photographer's name glued on: "Ann Lee at the talks" over "Ann Lee at the talks (Getty
    Images)" or "Ann Lee at the talksJo Kay", or both copies ending "(123rf)"."""
    if not below.startswith(text):
        return False
    if below == text:
        return _BRACKET_CREDIT.search(text) is not None
    glued = text[-1:].islower() and _GLUED_CREDIT.fullmatch(below, len(text)) is not None
    return glued or _BRACKET_CREDIT.fullmatch(below, len(text)) is not None


def _picture_credit(text: str) -> bool:
    """A caption's closing credit or a credit on its own line ("... EPA-EFE/WILL OLIVER", "© AFP/Ann Lee")."""
    return _PHOTO_TAIL.search(text) is not None or text.count(" ") <= 60 and _credited(text)


def opens_list(text: str) -> bool:
    """True for the label over a list of other stories or comments ("Most read", "Latest news")."""
    return _SECTION_END.match(text) is not None


def _drop_appeal_lead_in(out: list[Line]) -> None:
    """Mark as boilerplate the prose lines just above a closing appeal that already speak its language."""
    for i in range(len(out) - 1, max(-1, len(out) - 4), -1):
        if out[i].kind is Kind.BLANK:
            continue
        if out[i].kind is not Kind.PROSE or not _APPEAL_WORDS.search(out[i].text):
            return
        out[i] = Line(out[i].text, Kind.BOILER)


def _headline_sized(text: str) -> bool:
    """A teaser headline: short, and not a quotation."""
    return text.count(" ") < 12 and not any(q in text for q in "\"“”«»")


_YEAR = re.compile(r"\b\d{4}\b")


def is_headline(text: str) -> bool:
    """A line shaped like a headline: a few words, with lower-case letters (or capitals with a sentence's
    small words), not a label or a list or its bullet item, nor a note in brackets ('(Communicated by the
    Media Adviser)')."""
    words = text.count(" ") + 1
    if text[:1] in "([" and text[-1:] in ")]" or text[:2] in ("- ", "• ", "* "):
        return False  # (a bullet opens an item of a list of links)
    if "_" in text and _TEMPLATE_LABEL.search(text):
        return False  # "LAST_UPDATESun, 20 May 2018": a page template's label, not a headline
    capitals = text == text.upper()
    return 4 <= words <= 30 and (not capitals or _capitals_headline(text.lower(), words)) \
        and text[-1] not in ":,;|" and not text[0].islower() \
        and (text[0].isalpha() or mostly_letters(text)) and not _opens_with_full_date(text)


def _opens_with_full_date(text: str) -> bool:
    """A line that opens with a date and its year ("Friday, Mar 29, 2024 | Last Update ..."): a site's
    date bar, not a headline ("May 5 vote ..." may be one)."""
    match = DATE_PREFIX.match(text)
    return match is not None and _YEAR.search(match[0]) is not None
