"""Streamlit pages against a real index (streamlit.testing AppTest)."""

from __future__ import annotations

import re
import shutil

import pytest
from streamlit.testing.v1 import AppTest

from shanxi_policy.errors import PolicyError

from .conftest import CORPUS, ROOT

TIMEOUT = 120


def _ask_page():
    from shanxi_policy.app.pages import ask

    ask.page()


def _check_page():
    from shanxi_policy.app.pages import check

    check.page()


def _browse_page():
    from shanxi_policy.app.pages import browse

    browse.page()


def _manage_page():
    from shanxi_policy.app.pages import manage

    manage.page()


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("SHANXI_POLICY_INDEX_DIR", str(ROOT / "index"))
    monkeypatch.setenv("SHANXI_POLICY_CORPUS_DIR", str(CORPUS))
    monkeypatch.setenv("SHANXI_POLICY_HISTORY_DB", str(tmp_path / "history.sqlite3"))
    return tmp_path


def _html(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def test_app_entry_renders_navigation(env):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run()
    assert not at.exception
    assert at.title[0].value == "政策问答"


def test_ask_shows_cited_answer(env):
    at = AppTest.from_function(_ask_page, default_timeout=TIMEOUT).run()
    at.chat_input[0].set_value("到2030年非化石能源比重要达到多少？").run()
    assert not at.exception
    html = _html(at)
    assert "18%" in html and "<mark>" in html
    labels = [e.label for e in at.expander]
    assert any("（四）加快能源体系清洁低碳转型" in lbl for lbl in labels)
    assert "/browse?clause=meili_shanxi_shishi_yijian%3Ac4" in html


def test_first_pages_are_drawn_before_the_index_is_loaded(env, monkeypatch):
    """政策问答 and 项目合规审查 show their inputs without waiting for the index; a question loads it."""
    from shanxi_policy.app import state

    calls: list[str] = []
    real = state._load

    def counting(index_dir: str, signature: str):  # type: ignore[no-untyped-def]
        calls.append(index_dir)
        return real(index_dir, signature)

    monkeypatch.setattr(state, "_load", counting)
    monkeypatch.setattr(state, "_loaded", type(state._loaded)())  # nothing loaded yet in this process
    at = AppTest.from_function(_ask_page, default_timeout=TIMEOUT).run()
    assert at.title[0].value == "政策问答" and len(at.chat_input) == 1 and len(at.button) == 5
    chk = AppTest.from_function(_check_page, default_timeout=TIMEOUT).run()
    assert chk.title[0].value == "项目合规审查" and len(chk.text_area) == 1
    assert calls == []
    at.chat_input[0].set_value("到2030年非化石能源比重要达到多少？").run()
    assert calls and "18%" in _html(at)


def test_first_page_imports_no_index_code():
    """The first page after start-up does not import numpy, the index or the checker (about a second)."""
    import subprocess
    import sys

    code = ("import sys; import shanxi_policy.app.main, shanxi_policy.app.pages.ask, shanxi_policy.app.pages.check; "
            "print(sorted(m for m in ('numpy', 'shanxi_policy.kb', 'shanxi_policy.check.service') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "[]"


def test_ask_not_found_lists_nearest(env):
    at = AppTest.from_function(_ask_page, default_timeout=TIMEOUT).run()
    at.chat_input[0].set_value("医保异地就医怎么备案？").run()
    assert any("未在政策文件中找到相关规定" in w.value for w in at.warning)
    assert any("可能相关" in c.value for c in at.caption)


def test_ask_shows_why_it_is_not_answered_and_opens_sources_in_a_new_tab(env):
    at = AppTest.from_function(_ask_page, default_timeout=TIMEOUT).run()
    at.chat_input[0].set_value("那2035年呢？").run()
    assert any("前面没有问题可以接续" in w.value for w in at.warning)
    at.chat_input[0].set_value("到2030年非化石能源比重要达到多少？").run()
    html = _html(at)
    assert 'target="_blank">在政策浏览中查看全文' in html  # the conversation stays in this tab


def test_ask_history_kept_in_session(env):
    at = AppTest.from_function(_ask_page, default_timeout=TIMEOUT).run()
    at.chat_input[0].set_value("森林覆盖率目标是多少？").run()
    at.chat_input[0].set_value("对燃煤锅炉有什么要求？").run()
    assert len(at.session_state["qa_history"]) == 2


def test_check_page_verdict_and_history(env):
    at = AppTest.from_function(_check_page, default_timeout=TIMEOUT).run()
    at.text_area[0].set_value("项目名称：焦化项目。供热采用燃煤锅炉。原料采用国四柴油货车运输。").run()
    at.button[0].click().run()
    assert not at.exception
    assert any("存在与政策冲突的内容" in e.value for e in at.error)
    assert any("冲突" in s.value for s in at.subheader)
    assert len(at.get("download_button")) == 3
    assert any("焦化项目" in m.value for m in at.markdown)  # the history list: one table
    pick = at.selectbox(key="history-pick")
    assert any("焦化项目" in o for o in pick.options)
    pick.select_index(0).run()
    at.button(key="history-open").click().run()
    assert not at.exception and any("存在与政策冲突的内容" in e.value for e in at.error)


def test_check_page_basis_limited_to_one_document(env):
    at = AppTest.from_function(_check_page, default_timeout=TIMEOUT).run()
    at.session_state["check-basis-open"] = True
    at.run()
    docs = at.multiselect(key="check-basis-docs")
    assert any("全面推进美丽山西建设的实施意见" in o for o in docs.options)
    docs.set_value(["meili_shanxi_shishi_yijian"]).run()
    at.text_area[0].set_value("项目名称：焦化项目。供热采用燃煤锅炉。").run()
    at.button[0].click().run()
    assert not at.exception
    cited = [e.label for e in at.expander if "《" in e.label]
    assert cited and all("美丽山西" in label for label in cited), cited


def test_a_one_clause_documents_clause_page(tmp_path_factory, monkeypatch):
    from .conftest import small_library

    kb = small_library(tmp_path_factory, "one_clause", {"通知.txt": "关于做好汛期涉水企业监管的通知\n\n各企业要加强在线监测。\n"})
    monkeypatch.setenv("SHANXI_POLICY_INDEX_DIR", str(kb.index_dir))
    monkeypatch.setenv("SHANXI_POLICY_HISTORY_DB", str(tmp_path_factory.mktemp("h") / "history.sqlite3"))
    clause = kb.documents[0].clauses[0].clause_id
    at = AppTest.from_function(_browse_page, default_timeout=TIMEOUT)
    at.query_params["clause"] = clause
    at.run()
    assert not at.exception and not at.error
    assert "在线监测" in _html(at) or any("在线监测" in m.value for m in at.markdown)


def test_browse_clause_by_link_with_neighbours(env):
    at = AppTest.from_function(_browse_page, default_timeout=TIMEOUT)
    at.query_params["clause"] = "meili_shanxi_shishi_yijian:c8"
    at.run()
    assert not at.exception
    html = _html(at)
    assert "持续改善空气质量" in html and "上一条" in html and "下一条" in html


def test_browse_document_tree_links_every_clause(env):
    at = AppTest.from_function(_browse_page, default_timeout=TIMEOUT).run()
    doc = next(o for o in at.selectbox(key="browse_doc").options if "美丽山西建设的实施意见" in o)
    at.selectbox(key="browse_doc").set_value(doc).run()
    html = _html(at)
    assert html.count("<details>") >= 5 and "<summary>" in html
    assert "/browse?clause=meili_shanxi_shishi_yijian%3Ac1" in html


def test_browse_search_and_targets_filter(env):
    at = AppTest.from_function(_browse_page, default_timeout=TIMEOUT).run()
    # Only the open tab runs: the search and the targets are not built until their tab is chosen.
    assert not [w for w in at.text_input if w.key == "browse-q"]
    at.session_state["browse_tab"] = "全文检索"
    at.run()
    at.text_input(key="browse-q").set_value("燃煤锅炉").run()
    assert "<mark>燃煤锅炉</mark>" in _html(at)
    # Full-text search counts the clauses that hold the words, and says so when none does.
    assert any("条条款包含“燃煤锅炉”" in c.value for c in at.caption)
    at.text_input(key="browse-q").set_value("量子计算机").run()
    assert [i.value for i in at.info] == ["未找到包含“量子计算机”的条款。"]
    # several words are all required: the message says so, and names the word no clause holds
    at.text_input(key="browse-q").set_value("燃煤锅炉 量子计算机").run()
    assert [i.value for i in at.info] == ["未找到同时包含“燃煤锅炉”、“量子计算机”的条款；文档中没有出现“量子计算机”，"
                                          "可换个说法或减少检索词。"]
    at.session_state["browse_tab"] = "量化目标"
    at.run()
    at.multiselect(key="target_years").set_value([2030]).run()
    targets = next(h.proto.body for h in at.get("html") if "<th>指标</th>" in h.proto.body)
    years = re.findall(r"<tr><td>([^<]*)</td>", targets)
    assert years and set(years) == {"2030"} and "非化石能源占能源消费总量比重" in targets
    # Each target links to its clause in the browser, and says whose target it is.
    assert re.search(r'<a href="/browse\?clause=meili_shanxi_shishi_yijian%3Ac\d+"', targets)
    assert "<th>文件</th>" in targets and "美丽山西建设的实施意见" in targets
    assert len(at.multiselect(key="target_docs").options) == 1  # only the opinion sets targets in the seed library


def test_document_text_is_escaped(env, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "evil.txt").write_text(
        "一、总体要求\n\n（一）测试条款。<script>alert(1)</script>[点我](http://example.com)**加粗**。\n", encoding="utf-8")
    import shanxi_policy as sp

    sp.build_index([corpus], index_dir=tmp_path / "index")
    monkeypatch.setenv("SHANXI_POLICY_INDEX_DIR", str(tmp_path / "index"))
    at = AppTest.from_function(_browse_page, default_timeout=TIMEOUT)
    at.query_params["clause"] = "evil:c1"
    at.run()
    html = _html(at)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "[点我](http://example.com)**加粗**" in html  # shown literally, not as a link


def test_manage_upload_good_and_broken(env, tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    index = tmp_path / "index"
    shutil.copytree(ROOT / "index", index)
    monkeypatch.setenv("SHANXI_POLICY_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("SHANXI_POLICY_INDEX_DIR", str(index))
    from shanxi_policy.manage import add_documents, remove_document
    from shanxi_policy.settings import Settings

    s = Settings()
    kb, res = add_documents([("扬尘通知.txt", "一、总体要求\n\n（一）扬尘治理。施工工地全面落实围挡措施。\n".encode()),
                             ("坏文件.pdf", b"%PDF-broken")], s)
    assert res.added == ["扬尘通知"] and any("坏文件.pdf" in e for e in res.errors)
    assert kb is not None and kb.search("施工工地围挡", k=1)[0].doc_id == "扬尘通知"
    at = AppTest.from_function(_manage_page, default_timeout=TIMEOUT).run()
    assert not at.exception
    assert "<td>扬尘通知</td>" in _html(at)  # the document table
    pick = at.selectbox(key="delete-pick")
    pick.set_value(next(o for o in pick.options if o.startswith("扬尘通知"))).run()
    at.button(key="delete-doc").click().run()
    assert any("确定删除文档“扬尘通知”" in w.value for w in at.warning)
    at.button(key="confirm").click().run()
    # drawn again at once: the message stays, the document and the question are gone from the page
    assert not at.exception and any("已删除文档“扬尘通知”" in x.value for x in at.success)
    assert "<td>扬尘通知</td>" not in _html(at) and not any("确定删除" in w.value for w in at.warning)
    assert not (corpus / "扬尘通知.txt").exists()
    with pytest.raises(PolicyError):
        remove_document("扬尘通知", s)


def test_document_table_is_escaped(monkeypatch):
    from shanxi_policy.app import render

    out: list[str] = []
    monkeypatch.setattr(render.st, "html", out.append)
    render.table([{"文档": "<script>alert(1)</script>", "条款数": 3}])
    assert "<script>" not in out[0] and "&lt;script&gt;alert(1)&lt;/script&gt;" in out[0] and "<td>3</td>" in out[0]


def test_filter_and_metadata_panels_are_built_when_opened(env):
    at = AppTest.from_function(_browse_page, default_timeout=TIMEOUT).run()
    assert not at.multiselect and not at.exception  # closed: no filter widgets on the first render
    at.session_state["browse-docs-open"] = True
    at.run()
    types = at.multiselect(key="browse-docs-types")
    assert "法律" in types.options
    types.set_value(["法律"]).run()
    assert "中华人民共和国" in _html(at) and "关于美丽山西建设的实施意见" not in _html(at)
    m = AppTest.from_function(_manage_page, default_timeout=TIMEOUT).run()
    assert not [w for w in m.selectbox if w.key == "meta-doc"]
    m.session_state["meta-open"] = True
    m.run()
    assert m.selectbox(key="meta-doc").options and not m.exception


def test_pages_say_when_there_is_no_index(env, tmp_path, monkeypatch):
    monkeypatch.setenv("SHANXI_POLICY_INDEX_DIR", str(tmp_path / "no-index"))
    for fn in (_ask_page, _check_page):
        at = AppTest.from_function(fn, default_timeout=TIMEOUT).run()
        assert not at.exception and any("索引不可用" in e.value for e in at.error)
        assert not at.chat_input and not at.text_area


def test_a_file_and_pasted_text_together_say_which_is_checked():
    from types import SimpleNamespace

    from shanxi_policy.app.pages.check import BOTH_GIVEN, proposal_input

    up = SimpleNamespace(name="方案.txt", getvalue=lambda: "项目名称：某养殖场。".encode())
    assert proposal_input(up, "书法比赛方案") == ("项目名称：某养殖场。", BOTH_GIVEN)
    assert proposal_input(up, "  ")[1] == ""
    assert proposal_input(None, "书法比赛方案") == ("书法比赛方案", "")
