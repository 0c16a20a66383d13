"""Chinese tokenization for BM25 and term matching: jieba with a policy dictionary, stopwords, synonyms."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import threading
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from ..package_data import data_text
from .normalize import normalize_for_search

_WORD = re.compile(r"[\u4e00-\u9fff]|[a-z0-9][a-z0-9.\-]*")
_QUOTED = re.compile(r"[“\"「『]([\u4e00-\u9fff·]{2,12})[”\"」』]")
_lock = threading.Lock()


_data = data_text


def _word_list(name: str) -> frozenset[str]:
    """A package word list: one word per line, lines starting with # are comments."""
    return frozenset(x.strip() for x in _data(name).splitlines() if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return _word_list("stopwords.txt")


@lru_cache(maxsize=1)
def question_words() -> frozenset[str]:
    """Spoken question words ("多久", "咋办"): no answer has to contain them."""
    return _word_list("question_words.txt")


@lru_cache(maxsize=1)
def synonym_groups() -> tuple[tuple[str, ...], ...]:
    groups = []
    for line in _data("synonyms.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            groups.append(tuple(normalize_for_search(t) for t in line.split()))
    return tuple(groups)


def _dictionary_additions() -> list[tuple[str, int | None]]:
    """Words added to jieba's dictionary: the policy dictionary, then every synonym."""
    words: list[tuple[str, int | None]] = []
    for line in _data("userdict.txt").splitlines():
        parts = line.split()
        if parts:
            words.append((parts[0], int(parts[1]) if len(parts) > 1 else None))
    for group in synonym_groups():
        words += [(term, 1000) for term in group if re.fullmatch(r"[\u4e00-\u9fff]{2,}", term)]
    return words


def _freq_cache_dir(jieba_module: Any) -> Path:
    """Cache of jieba's prefix dictionary with our words added, keyed by everything that shapes it."""
    import tempfile

    h = hashlib.sha256(repr(_dictionary_additions()).encode())
    dict_file = Path(jieba_module.__file__).with_name("dict.txt")
    h.update(f"{jieba_module.__version__}:{dict_file.stat().st_size if dict_file.exists() else 0}".encode())
    return Path(tempfile.gettempdir()) / f"shanxi-policy-jieba-{h.hexdigest()[:16]}"


def _load_freq(tk: Any, cache: Path) -> bool:
    """jieba's own cache is one marshal blob that takes seconds to load; plain words + a numpy
    array of frequencies load several times faster (benchmarks/startup.py)."""
    try:
        words = (cache / "words.txt").read_text(encoding="utf-8").split("\n")
        freqs = np.load(cache / "freq.npy", allow_pickle=False)
        total = int((cache / "total.txt").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if len(words) != len(freqs):
        return False
    tk.FREQ, tk.total, tk.initialized = dict(zip(words, freqs.tolist(), strict=True)), total, True
    return True


def _save_freq(tk: Any, cache: Path) -> None:
    tmp = cache.with_name(f"{cache.name}.tmp-{os.getpid()}")
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        words = list(tk.FREQ)
        (tmp / "words.txt").write_text("\n".join(words), encoding="utf-8")
        np.save(tmp / "freq.npy", np.array([tk.FREQ[w] for w in words], dtype=np.int64), allow_pickle=False)
        (tmp / "total.txt").write_text(str(tk.total), encoding="utf-8")
        tmp.rename(cache)  # atomic; a concurrent writer may have won, which is fine
    except OSError:
        shutil.rmtree(tmp, ignore_errors=True)


@lru_cache(maxsize=1)
def _jieba() -> Any:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    additions = _dictionary_additions()
    if any(freq == 0 for _, freq in additions):
        cache = None  # a zero frequency also changes jieba's HMM (force split): no cache
    else:
        cache = _freq_cache_dir(jieba)
        if _load_freq(tk, cache):
            return tk
    for word, freq in additions:
        tk.add_word(word, freq)
    if cache is not None:
        _save_freq(tk, cache)
    return tk


def quoted_terms(texts: Iterable[str]) -> set[str]:
    """Terms the documents put in quotation marks (“一泓清水入黄河”) are domain terms."""
    out: set[str] = set()
    for t in texts:
        out.update(m.group(1) for m in _QUOTED.finditer(t))
    return out


_pending_terms: set[str] = set()


def add_terms(terms: Iterable[str]) -> None:
    """Add domain terms; applied when the segmenter is first needed, so loading an index stays fast."""
    with _lock:
        _pending_terms.update(terms)
    tokenize.cache_clear()


def _segmenter():
    tk = _jieba()
    if _pending_terms:
        with _lock:
            for t in sorted(_pending_terms):
                tk.add_word(normalize_for_search(t), 1000)
            _pending_terms.clear()
    return tk


def tagged(text: str, hmm: bool = True) -> list[tuple[str, str]]:
    """Words of the policy dictionary's segmentation with their part of speech (jieba's tags: n noun, v verb,
    vn verbal noun …); hmm=False keeps unknown words in single characters, which keeps offsets stable."""
    import jieba.posseg

    global _pos
    if _pos is None:
        _pos = jieba.posseg.POSTokenizer(_segmenter())
        _pos.word_tag_tab.update(_tag_corrections())
    with _lock:
        return [(w.word, w.flag) for w in _pos.cut(text, HMM=hmm)]


_pos: Any = None


def _tag_corrections() -> dict[str, str]:
    """Domain words jieba tags wrongly ("湿地" as a state word, z): a thing named must read as a noun."""
    out = {}
    for line in _data("pos_tags.tsv").splitlines():
        parts = line.split("\t")
        if len(parts) == 2 and not line.startswith("#"):
            out[parts[0].strip()] = parts[1].strip()
    return out


def segment(text: str) -> list[str]:
    """Plain segmentation (whole words only, no parts), of the normalized text."""
    tk = _segmenter()
    with _lock:
        return [w for w in tk.cut(normalize_for_search(text)) if w.strip()]


# A drafting shorthand for two words that differ in one character: the bracketed one replaces the one before it
# (after normalization the brackets are ASCII; numbered items "第（一）项" are no alternative).
_ALTERNATIVE = re.compile(r"([\u4e00-\u9fff])\(([\u4e00-\u9fff])\)(?=[\u4e00-\u9fff])(?<![一二三四五六七八九十]\))")


def readings(norm: str) -> tuple[str, ...]:
    """A normalized text in each reading of its bracketed alternatives ("开(围)垦" → "开垦…", "围垦…")."""
    if "(" not in norm or not _ALTERNATIVE.search(norm):
        return (norm,)
    return (_ALTERNATIVE.sub(r"\1", norm), _ALTERNATIVE.sub(r"\2", norm))


@lru_cache(maxsize=20000)
def tokenize(text: str, drop_stopwords: bool = True) -> tuple[str, ...]:
    """Search-mode segmentation of normalized text; compound terms also yield their parts."""
    norm = normalize_for_search(text)
    tk = _segmenter()
    with _lock:
        words = list(tk.cut_for_search(norm))
    stop = stopwords() if drop_stopwords else frozenset()
    out = []
    for w in words:
        w = w.strip()
        if not w or not _WORD.match(w) or w in stop:
            continue
        out.append(w)
    return tuple(out)


def expand_query(tokens: Iterable[str]) -> list[str]:
    """Add the synonyms of every token (双碳 → 碳达峰碳中和, 碳达峰, 碳中和)."""
    toks = list(tokens)
    present = set(toks)
    extra: list[str] = []
    for group in synonym_groups():
        if present & set(group):
            for term in group:
                if term not in present:
                    extra.extend(tokenize(term))
                    present.add(term)
    return toks + [t for t in extra if t not in set(toks)]


def content_terms(text: str) -> list[str]:
    """Distinct query terms that must be covered by an answer (stopwords and single characters dropped)."""
    seen: list[str] = []
    asking = question_words()
    for t in tokenize(text):
        if (len(t) >= 2 or t.isdigit()) and t not in seen and t not in asking:
            seen.append(t)
    # cut_for_search yields a compound and its parts; keep the longest forms only.
    return [t for t in seen if not any(t != o and t in o for o in seen)]


_NON_CJK = re.compile(r"[^\u4e00-\u9fff]+")


def char_bigrams(text: str) -> list[str]:
    """Overlapping Chinese character bigrams: they match where word segmentation disagrees
    between a question and a document (measured on ncp_policy_qa, see BENCHMARKS.md)."""
    out: list[str] = []
    for run in _NON_CJK.split(normalize_for_search(text)):
        out.extend(run[i : i + 2] for i in range(len(run) - 1))
    return out


def index_terms(text: str) -> list[str]:
    """Terms a retrieval unit is indexed under in BM25: words and character bigrams; a text that writes a bracketed
    alternative ("开（围）垦", "建（构）筑物") is indexed under the words of each reading too (开垦, 围垦)."""
    words = list(tokenize(text))
    # (most units have no bracket: they are not normalized a second time)
    alternatives = readings(normalize_for_search(text)) if "(" in text or "（" in text else ()
    if len(alternatives) > 1:
        own = set(words)
        words += list(dict.fromkeys(w for alt in alternatives for w in tokenize(alt) if w not in own))
    return words + char_bigrams(text)


def query_terms(question: str) -> list[str]:
    """Terms a question is searched with: words, their synonyms and character bigrams."""
    return expand_query(tokenize(question)) + char_bigrams(question)
