"""Fake chat-platform servers that tests start on 127.0.0.1."""
