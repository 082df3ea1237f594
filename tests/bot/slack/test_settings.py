"""Slack settings from the environment, and Slack message text turned into Requests."""

from __future__ import annotations

from clipdesk.bot.slack.request import command_and_args, plain_text, slack_request
from clipdesk.bot.slack.settings import SlackSettings


def test_settings_read_every_slack_variable():
    settings = SlackSettings.from_env({
        "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1", "SLACK_SIGNING_SECRET": "s3cret",
        "SLACK_API_BASE_URL": "http://127.0.0.1:9/api", "CLIPDESK_ADMINS": "U1, U2,,",
        "CLIPDESK_SLACK_CHANNELS": "C0DESK, G0NEWS", "CLIPDESK_RATE_LIMIT": "4"}, port=8123)
    assert (settings.bot_token, settings.app_token, settings.signing_secret) == ("xoxb-1", "xapp-1", "s3cret")
    assert settings.api_base_url == "http://127.0.0.1:9/api/"
    assert settings.port == 8123 and settings.socket_mode
    assert settings.admins == {"U1", "U2"} and settings.is_admin("U2") and not settings.is_admin("U3")
    assert settings.allowed_channels == {"C0DESK", "G0NEWS"} and settings.rate_limit == 4


def test_without_an_app_token_it_is_http_mode_on_port_3000_and_everyone_is_admin():
    settings = SlackSettings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"})
    assert not settings.socket_mode and settings.port == 3000 and settings.api_base_url is None
    assert settings.is_admin("U9")


def test_the_bots_mention_is_dropped_and_slack_markup_becomes_what_the_user_typed():
    text = '<@UBOT> who said "x" &lt;below&gt; &amp; zero to <@U2|maria> about <https://a.example|this>'
    assert plain_text(text, "UBOT") == 'who said "x" <below> & zero to maria about this'


def test_the_first_word_is_a_command_only_when_it_names_one():
    assert command_and_args("quote shoigu zero") == ("quote", "shoigu zero")
    assert command_and_args("/events wallace") == ("events", "wallace")
    assert command_and_args("Subscribe 08:00 Europe/London") == ("subscribe", "08:00 Europe/London")
    assert command_and_args("what did Wallace say in Moscow?") == (None, "what did Wallace say in Moscow?")
    assert command_and_args("quotation marks in the coverage?") == (None, "quotation marks in the coverage?")


def test_channels_are_groups_and_direct_messages_are_not():
    assert slack_request("help", channel="C1", user="U1", is_admin=True).is_group
    dm = slack_request("sources", channel="D1", user="U1", is_admin=False, thread_ts="1.2")
    assert not dm.is_group and dm.thread_id == "1.2" and dm.platform == "slack" and dm.command == "sources"
