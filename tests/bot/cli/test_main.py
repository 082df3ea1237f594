"""The clipdesk command line, through click's CliRunner."""

import json

import click
import pytest
from click.testing import CliRunner

from clipdesk.bot.cli.main import cli

ASK_KEYS = {"question", "found", "answer", "snippets"}
SNIPPET_KEYS = {"kind", "text", "speaker", "outlet", "published", "title", "url", "source", "score"}


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("CLIPDESK_DB", str(tmp_path / "clipdesk.db"))
    runner = CliRunner()

    def invoke(*args, input=None):
        return runner.invoke(cli, list(args), input=input, catch_exceptions=False)

    return invoke


def all_commands(group: click.Group, prefix=()):
    for name, command in group.commands.items():
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize(("path", "command"), list(all_commands(cli)))
def test_every_command_has_help_text(path, command):
    assert command.help, f"{' '.join(path)} has no help"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.output


def test_the_first_command_indexes_the_seeds_with_a_notice(run, tmp_path):
    first = run("sources")
    assert "indexed the 5 bundled seed articles" in first.stderr
    again = run("sources")
    assert "bundled seed" not in again.stderr
    assert len(json.loads(run("sources", "--json").stdout)) == 5


def test_ask_json_keeps_its_stable_keys(run):
    out = json.loads(run("ask", "--json", "What did Healey say about the Russian economy?").stdout)
    assert set(out) == ASK_KEYS
    for snippet in out["snippets"]:
        assert set(snippet) == SNIPPET_KEYS


def test_ask_abstains_with_found_false_and_no_snippets(run):
    out = json.loads(run("ask", "--json", "What is the capital of Australia?").stdout)
    assert out["found"] is False and out["snippets"] == []


def test_ask_stdin_answers_one_json_object_per_line_blank_lines_included(run):
    result = run("ask", "--json", "--stdin", input="shoigu below zero\n\n  \nweather in Sydney\n")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["question"] for line in lines] == ["shoigu below zero", "", "", "weather in Sydney"]
    assert [line["found"] for line in lines] == [True, False, False, False]


def test_ask_needs_a_question_or_stdin(run):
    result = CliRunner().invoke(cli, ["ask"])
    assert result.exit_code == 2 and "QUESTION" in result.output


def test_ingest_reports_bad_files_by_name_and_exits_nonzero(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    (folder / "empty.txt").write_text("")
    result = run("ingest", str(folder))
    assert result.exit_code == 1
    assert "bad.txt: not UTF-8" in result.stderr
    assert "empty.txt: empty file" in result.stderr
    assert "0 added" in result.stdout and "2 failed" in result.stdout


def test_ingest_of_seeds_again_changes_nothing(run, seeds):
    run("sources")
    result = run("ingest", str(seeds))
    assert "0 added, 0 replaced, 5 unchanged, 0 failed." in result.stdout


def test_quotes_and_events_json_keep_their_keys(run):
    quotes = json.loads(run("quotes", "--json").stdout)
    events = json.loads(run("events", "--json").stdout)
    for row in quotes:
        assert set(row) == {"text", "speaker", "speaker_role", "source", "outlet", "published", "paragraph"}
    for row in events:
        assert set(row) == {"kind", "date", "date_text", "place", "participants", "summary", "planned",
                            "source"}


def test_chat_answers_commands_and_questions_until_quit(run):
    result = run("chat", input="/help\n/sources\n/quit\n/sources\n")
    assert "Commands:" in result.stdout
    assert result.stdout.count("articles indexed") == 1


def test_a_file_that_is_not_a_database_gets_a_clear_error(tmp_path):
    bogus = tmp_path / "bogus.db"
    bogus.write_text("this is not sqlite " * 100)
    result = CliRunner().invoke(cli, ["sources", "--db", str(bogus)])
    assert result.exit_code == 1 and f"{bogus}: file is not a database" in result.output


def test_the_cli_listings_agree_with_what_the_chat_commands_answer(run):
    events = json.loads(run("events", "--json").stdout)
    chat = run("chat", input="/events\n/sources\n").stdout
    assert events and all(e["summary"][:60] in " ".join(chat.split()) for e in events[:15])
    sources = json.loads(run("sources", "--json").stdout)
    assert sources and all((s["title"] or s["source"]) in chat for s in sources)
    shoigu = json.loads(run("quotes", "--speaker", "shoygu", "--json").stdout)
    [speaker] = {q["speaker"] for q in shoigu}
    assert "Shoigu" in speaker and f"Quotations by {speaker}:" in run("chat", input="/quote shoygu\n").stdout


def test_quotes_of_a_speaker_nobody_in_the_coverage_is_one_error_line(run):
    result = CliRunner().invoke(cli, ["quotes", "--speaker", "Zbigniew Nobody"])
    assert result.exit_code == 1 and "no speaker matching 'Zbigniew Nobody'" in result.output


CABLES = """Baltic ministers warn on undersea cables

RIGA, May 5 - Latvia's defence minister Ilze Kalnina warned on Monday that sabotage of undersea cables \\
in the Baltic Sea was a growing threat to shipping and energy links, speaking after talks in Riga.

"Every cable we lose is a lesson we should not need to learn twice," Kalnina said.
"""


def test_explain_shows_why_the_speakers_own_words_lead_and_why_off_topic_abstains(run, tmp_path):
    (tmp_path / "cables.txt").write_text(CABLES, encoding="utf-8")
    run("ingest", str(tmp_path / "cables.txt"))
    shown = json.loads(run("ask", "--json", "--explain", "What did Kalnina say about the cables?").output)
    why = shown["explain"]
    assert why["answered"] and why["intent"] == "what" and why["threshold"] > 0
    assert why["hits"][0]["kind"] == "quote" and why["hits"][0]["fits_intent"]
    assert why["hits"][0]["relevance"] >= why["threshold"]
    text = run("ask", "--explain", "What did Kalnina say about football?").output
    assert "abstained" in text and "relevance" in text


# A fresh `clipdesk ask` process that also reports, on its last stderr line, the modules it imported.
ASK_PROCESS = """import sys
from clipdesk.bot.cli.main import main
try:
    main()
finally:
    print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""
WRITING_ONLY = ("sqlite_utils", "tokenizers", "clipdesk.store.ingest", "clipdesk.store.text.quotes",
                "clipdesk.store.text.events", "clipdesk.store.text.clean")


def _ask_process(db, cache, question):
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", ASK_PROCESS, "ask", "--json", "--db", str(db), question],
                          env={**os.environ, "CLIPDESK_CACHE": str(cache)}, capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout), set(done.stderr.splitlines()[-1].split())


def test_a_question_on_an_existing_store_imports_only_what_answering_needs(seeded_db_path, tmp_path):
    question = "What did Shoigu say about cooperation with London?"
    first, _ = _ask_process(seeded_db_path, tmp_path / "cache", question)  # builds the kept word lists
    kept, imported = _ask_process(seeded_db_path, tmp_path / "cache", question)
    uncached, _ = _ask_process(seeded_db_path, "none", question)  # nothing kept: built in the process
    assert first["found"] and kept == first == uncached
    assert not [m for m in WRITING_ONLY if m in imported], "imported although only writing needs it"
