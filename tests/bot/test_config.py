"""Configuration: each misconfiguration gives its documented error; .env files are read."""

import re
from pathlib import Path

import pytest

from clipdesk.bot.config import ConfigError, load_env, parse_config

TG = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"


@pytest.mark.parametrize(("env", "message"), [
    ({"SLACK_BOT_TOKEN": "xoxb-1-2-abc"},
     "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET"),
    ({"SLACK_APP_TOKEN": "xapp-1-abc"},
     "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not"),
    ({"SLACK_BOT_TOKEN": "xoxp-user", "SLACK_SIGNING_SECRET": "s"}, "starts with xoxb-"),
    ({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-wrong"}, "starts with xapp-"),
    ({"TELEGRAM_BOT_TOKEN": "not-a-token"}, "does not look like a bot token"),
    ({"TELEGRAM_WEBHOOK_URL": "https://x.example/hook"},
     "TELEGRAM_WEBHOOK_URL is set but TELEGRAM_BOT_TOKEN"),
    ({"TELEGRAM_BOT_TOKEN": TG, "TELEGRAM_WEBHOOK_URL": "http://x.example/hook"}, "must be an https:// URL"),
    ({"CLIPDESK_RATE_LIMIT": "fast"}, "CLIPDESK_RATE_LIMIT must be a whole number"),
    ({"CLIPDESK_HEALTH_PORT": "70000"}, "CLIPDESK_HEALTH_PORT must be a whole number"),
    ({"CLIPDESK_TELEGRAM_CHATS": "-100123,general"}, "comma-separated numeric chat ids"),
    ({"CLIPDESK_SLACK_CHANNELS": "C0123ABCD,#general"}, "CLIPDESK_SLACK_CHANNELS must be comma-separated"),
    ({"CLIPDESK_LOG_LEVEL": "chatty"}, "CLIPDESK_LOG_LEVEL must be one of"),
])
def test_each_misconfiguration_is_named(env, message):
    with pytest.raises(ConfigError) as error:
        parse_config(env)
    assert message in str(error.value)


def test_errors_never_echo_a_secret():
    with pytest.raises(ConfigError) as error:
        parse_config({"SLACK_BOT_TOKEN": "xoxb-secret-value-123", "TELEGRAM_BOT_TOKEN": "sekrit-but-bad"})
    assert "secret-value" not in str(error.value) and "sekrit" not in str(error.value)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ConfigError) as error:
        parse_config({"SLACK_BOT_TOKEN": "xoxb-1", "CLIPDESK_RATE_LIMIT": "0"})
    assert len(str(error.value).splitlines()) == 2


def test_a_good_configuration_says_what_runs():
    config = parse_config({"TELEGRAM_BOT_TOKEN": TG, "SLACK_BOT_TOKEN": "xoxb-1",
                           "SLACK_APP_TOKEN": "xapp-1", "CLIPDESK_HEALTH_PORT": "9001"})
    assert config.platforms == ["telegram", "slack"]
    assert config.slack_socket_mode and config.health_port == 9001


def test_an_env_file_fills_in_but_the_real_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(f"TELEGRAM_BOT_TOKEN={TG}\nCLIPDESK_RATE_LIMIT=5\n")
    env = load_env(env_file, environ={"CLIPDESK_RATE_LIMIT": "7"})
    assert env["TELEGRAM_BOT_TOKEN"] == TG and env["CLIPDESK_RATE_LIMIT"] == "7"


def test_a_missing_env_file_that_was_asked_for_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_env(tmp_path / "nope.env", environ={})


def test_every_variable_the_code_reads_is_in_the_readme_table_and_the_sample_env_file():
    root = Path(__file__).resolve().parents[2]
    code = "".join(p.read_text() for folder in ("bot", "store") for p in (root / folder).rglob("*.py"))
    names = set(re.findall(r"[\"']((?:TELEGRAM|SLACK|CLIPDESK)_[A-Z_]+)[\"']", code))
    readme = (root / "README.md").read_text()
    sample = (root / "deploy" / "clipdesk.env.example").read_text()
    table = readme[readme.index("## Configuration"):readme.index("## Deploy")]
    assert {"TELEGRAM_BOT_TOKEN", "SLACK_BOT_TOKEN", "CLIPDESK_DB"} <= names
    assert [n for n in sorted(names) if n not in table] == []
    assert [n for n in sorted(names) if n not in sample and n not in {"TELEGRAM_API_BASE_URL",
                                                                     "SLACK_API_BASE_URL"}] == []
