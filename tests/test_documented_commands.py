"""Every command the README and the --help epilogues show runs as written.

Each is run in a temporary folder holding the files the examples name (a short article of our
own as page.txt, article.txt, a.txt, b.md, ...), offline: commands that voice an episode get
``--engine espeak`` when they do not say which engine. A pipe from ``cat FILE`` becomes the
command's input and ``> FILE`` its output file; a folder outside the project (the shared
corpus) becomes a folder of the short article.
"""

from __future__ import annotations

import importlib
import re
import shlex
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from repackage.cli import COMMANDS, cli

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = """تابعنا على وسائل التواصل الاجتماعي

مكتبة الحي تفتح أبوابها ليلا للطلاب في موسم الامتحانات

افتتحت مكتبة الحي العامة يوم الإثنين قاعة جديدة تبقى مفتوحة حتى منتصف الليل طوال موسم الامتحانات.

وقالت مديرة المكتبة ليلى منصور: "نريد أن يجد كل طالب مكانا هادئا للقراءة قرب بيته".

وتتسع القاعة لأربعين طالبا، وتضم حواسيب وشبكة إنترنت مجانية.
"""
MARKDOWN = """---
title: مكتبة الحي تفتح أبوابها ليلا للطلاب
---

افتتحت مكتبة الحي العامة يوم الإثنين قاعة جديدة تبقى مفتوحة حتى منتصف الليل.

وقالت مديرة المكتبة ليلى منصور: "نريد أن يجد كل طالب مكانا هادئا للقراءة قرب بيته".
"""
VOICED = {"audio", "all", "batch"}


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", text, flags=re.S)
    return [line.strip() for b in blocks for line in b.splitlines()
            if re.match(r"\s*(cat .*\| )?repackage\b", line)]


def epilog_commands() -> list[str]:
    out = []
    for module in [None, *COMMANDS.values()]:
        command = cli if module is None else importlib.import_module(module).command
        for line in (command.epilog or "").splitlines():
            if re.match(r"\s*(cat .*\| )?repackage\b", line):
                out.append(line.strip())
    return out


def test_examples_are_found():
    assert len(readme_commands()) >= 10
    assert {shlex.split(c, comments=True)[1] for c in epilog_commands()
            if c.startswith("repackage")} >= set(COMMANDS)


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    work = tmp_path_factory.mktemp("examples")
    for name in ("page.txt", "article.txt", "a.txt"):
        (work / name).write_text(ARTICLE, "utf-8")
    (work / "b.md").write_text(MARKDOWN, "utf-8")
    shutil.copy(ROOT / "assets" / "sample-article.jpg", work / "lead.jpg")
    (work / "post.txt").write_text("نص المنشور https://example.org\n", "utf-8")
    for folder, name in (("articles", "one.txt"), ("inbox", "one.md")):
        (work / folder).mkdir()
        (work / folder / name).write_text(MARKDOWN if name.endswith(".md") else ARTICLE, "utf-8")
    (work / "my-show.toml").write_text('[show]\nname = "نشرة الحي"\n', "utf-8")
    return work


def run(line: str, work: Path, monkeypatch) -> tuple[int, str]:
    stdin = None
    if line.startswith("cat "):
        source, line = line[4:].split("|", 1)
        stdin = (work / source.strip()).read_text("utf-8")
    args = shlex.split(line, comments=True)
    target = None
    if ">" in args:
        at = args.index(">")
        args, target = args[:at], args[at + 1]
    assert args[0] == "repackage", line
    args = [("articles" if a.startswith("../") else a) for a in args[1:]]
    if args[0] in VOICED and "--engine" not in args:
        args += ["--engine", "espeak"]
    monkeypatch.chdir(work)
    result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
    if target:
        (work / target).write_text(result.stdout, "utf-8")
    return result.exit_code, result.output


def test_every_documented_command_runs(workdir, monkeypatch):
    # the examples that name a stored article or draft of slug "my-slug"
    # and the review page's examples, which name the sample's results folder
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: True)
    for setup in ("repackage ingest article.txt --slug my-slug",
                  "repackage thread out/my-slug/article.json",
                  "repackage ingest article.txt --slug sample-article"):
        assert run(setup, workdir, monkeypatch)[0] == 0, setup
    failures = []
    for line in [*readme_commands(), *epilog_commands()]:
        code, output = run(line, workdir, monkeypatch)
        allowed = (0, 1) if " doctor" in line else (0,)  # doctor exits 1 for what is missing
        if code not in allowed:
            failures.append(f"{line}\n  -> exit {code}: {output.strip()[-300:]}")
    assert not failures, "\n".join(failures)
