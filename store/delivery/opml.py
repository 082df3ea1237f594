"""OPML, the RSS readers' list of feeds: read one (no DOCTYPE, so no entities) and write one."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from clipdesk.store.delivery.feeds import Feed

MAX_OPML_BYTES = 5_000_000


class BadOpml(ValueError):
    """The file is not an OPML list clipdesk will read; the message says why."""


@dataclass(frozen=True)
class Outline:
    """One feed in an OPML file: its URL and the name it is listed under."""

    url: str
    name: str | None


def read_opml(data: bytes) -> list[Outline]:
    """The feeds (outlines with an xmlUrl, at any depth) of an OPML document, each URL once."""
    if len(data) > MAX_OPML_BYTES:
        raise BadOpml(f"larger than {MAX_OPML_BYTES // 1_000_000} MB")
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        raise BadOpml("it has a DOCTYPE or entity declarations, which are refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise BadOpml(f"not well-formed XML ({exc})") from exc
    if root.tag.lower() != "opml":
        raise BadOpml(f"the root element is <{root.tag}>, not <opml>")
    seen: dict[str, Outline] = {}
    for node in root.iter("outline"):
        url = (node.get("xmlUrl") or node.get("xmlurl") or "").strip()
        if url and url not in seen:
            name = " ".join((node.get("title") or node.get("text") or "").split()) or None
            seen[url] = Outline(url, name)
    return list(seen.values())


def write_opml(feeds: list[Feed], title: str = "clipdesk feeds") -> str:
    """An OPML 2.0 document listing the feeds."""
    root = ET.Element("opml", version="2.0")
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(root, "body")
    for feed in feeds:
        ET.SubElement(body, "outline", type="rss", text=feed.name, title=feed.name, xmlUrl=feed.url)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
