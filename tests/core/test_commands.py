"""The `leitstand` command as a new user runs it: help, demo twice, serve's settings check."""

import os
import pathlib
import subprocess
import sys

import pytest

from leitstand import config


def run(args, data_dir, **env):
    environment = {k: v for k, v in os.environ.items()
                   if not k.startswith(("LEITSTAND_", "DATABASE_URL"))}
    environment.update({"LEITSTAND_DATA": str(data_dir), **env})
    return subprocess.run([sys.executable, "-m", "leitstand", *args], capture_output=True,
                          text=True, env=environment, timeout=300)


@pytest.mark.slow
def test_help_lists_django_and_leitstand_commands(tmp_path):
    out = run(["--help"], tmp_path).stdout
    for command in ("demo", "serve", "load", "migrate", "createsuperuser", "runserver"):
        assert command in out


@pytest.mark.slow
def test_demo_twice_reuses_the_database_without_duplicates(tmp_path):
    first = run(["demo", "--no-serve"], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "http://127.0.0.1:8000/" in first.stdout and "demo-redaktion" in first.stdout
    second = run(["demo", "--no-serve", "--port", "8123"], tmp_path)
    assert "already loaded" in second.stdout and "http://127.0.0.1:8123/" in second.stdout
    count = run(["shell", "-c", "from leitstand.register.models import Goal;"
                 "print(Goal.objects.count())"], tmp_path)
    # 27 + 14 NRW goals, 9 Musterstadt goals and 4 in the Musterstadt draft under consultation
    assert count.stdout.strip().splitlines()[-1] == "54"
    assert (tmp_path / "leitstand.sqlite3").exists()


@pytest.mark.slow
def test_serve_refuses_to_start_without_production_settings(tmp_path):
    result = run(["serve", "--check-only"], tmp_path)
    assert result.returncode != 0
    assert "LEITSTAND_SECRET_KEY is not set" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_serve_refuses_an_unmigrated_database(tmp_path):
    result = run(["serve", "--check-only"], tmp_path,
                 LEITSTAND_SECRET_KEY="k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789",
                 LEITSTAND_ALLOWED_HOSTS="leitstand.example.org")
    assert result.returncode != 0 and "leitstand migrate" in result.stderr


@pytest.mark.slow
def test_serve_accepts_complete_production_settings(tmp_path):
    run(["migrate"], tmp_path)
    result = run(["serve", "--check-only"], tmp_path,
                 LEITSTAND_SECRET_KEY="k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789",
                 LEITSTAND_ALLOWED_HOSTS="leitstand.example.org")
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_load_reports_a_broken_file_in_one_line(tmp_path):
    broken = tmp_path / "broken.yaml"
    broken.write_text("strategy: {slug: x}\neditions: []\n", encoding="utf-8")
    run(["migrate"], tmp_path)
    result = run(["load", str(broken)], tmp_path)
    assert result.returncode != 0
    assert "broken.yaml" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("value,expected", [("", False), ("0", False), ("1", True),
                                            ("true", True), ("off", False)])
def test_debug_is_off_unless_set_to_a_true_value(monkeypatch, value, expected):
    monkeypatch.setenv("LEITSTAND_DEBUG", value)
    assert config.flag("LEITSTAND_DEBUG") is expected


def test_every_setting_is_documented_in_the_readme():
    readme = (config.__file__.rsplit("/src/", 1)[0] + "/README.md")
    text = pathlib.Path(readme).read_text(encoding="utf-8")
    for setting in config.SETTINGS:
        assert f"`{setting.name}`" in text, setting.name


def test_accessibility_statement_and_easy_read_are_linked_from_every_page(client, db):
    home = client.get("/").content.decode()
    assert 'href="/barrierefreiheit/"' in home and 'href="/leichte-sprache/"' in home
    statement = client.get("/barrierefreiheit/").content.decode()
    for part in ("BITV 2.0", "WCAG 2.1", "§ 16 BGG", "axe-core", "/impressum/"):
        assert part in statement
    easy = client.get("/leichte-sprache/").content.decode()
    from django.utils import translation

    from leitstand.monitoring.vocabulary import label

    with translation.override("de"):
        assert all(str(label(code)) in easy for code in ("achieved", "on_track", "missed"))
    assert "kein Passwort" in easy


def test_serve_hands_the_workers_no_open_database_connection(django_db_blocker, monkeypatch):
    """The workers fork from the loaded app: a connection opened by the checks before would
    be one socket shared by all of them (seen in bench/load.py on PostgreSQL as "lost
    synchronization with server")."""
    from django.core.management import call_command
    from django.db import connections
    from gunicorn.app.base import BaseApplication

    from leitstand import config
    from leitstand.operations.management.commands import serve

    monkeypatch.setattr(config, "production_problems", lambda: [])
    monkeypatch.setattr(serve, "_pending_migrations", lambda: 0)
    seen = {}

    def run(app):
        connections["default"].ensure_connection()  # as the migration check leaves it
        app.load()
        seen["open"] = [c.alias for c in connections.all() if c.connection is not None]

    monkeypatch.setattr(BaseApplication, "run", run)
    with django_db_blocker.unblock():
        call_command("serve", "--port", "0", "--no-reader")
    assert seen == {"open": []}
