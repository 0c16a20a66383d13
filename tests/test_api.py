"""HTTP API against a real `shanxi-policy serve` process; tokens, roles, the audit log and upload limits."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from tests.api_server import Server, assert_clean_error, make_workspace, start_server

from .fixtures_files import docx_bytes as _docx


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory):
    tmp = tmp_path_factory.mktemp("api")
    srv = start_server(tmp, make_workspace(tmp))
    yield srv
    srv.stop()


def test_health_and_docs_need_no_token(server: Server):
    r = httpx.get(f"{server.url}/api/health")
    assert r.status_code == 200 and r.json()["status"] == "ok" and r.json()["documents"] == 2
    assert r.headers["x-content-type-options"] == "nosniff"
    assert httpx.get(f"{server.url}/docs").status_code == 200
    spec = httpx.get(f"{server.url}/openapi.json").json()
    for path in ("/api/ask", "/api/search", "/api/check", "/api/checks/{check_id}/docx", "/api/documents/{doc_id}",
                 "/api/clauses/{clause_id}", "/api/targets"):
        assert path in spec["paths"], path


def test_requests_without_a_valid_token_are_refused(server: Server):
    r = httpx.post(f"{server.url}/api/ask", json={"question": "燃煤锅炉"})
    assert assert_clean_error(r, 401)["code"] == "auth_required"
    r = httpx.get(f"{server.url}/api/documents", headers={"Authorization": "Bearer sp_0123456789ab_" + "x" * 43})
    assert assert_clean_error(r, 401)["code"] == "invalid_token"


def test_ask_search_clause_targets(server: Server):
    with server.client() as c:
        r = c.post("/api/ask", json={"question": "到2030年非化石能源比重要达到多少？"})
        assert r.status_code == 200, r.text
        ans = r.json()
        assert ans["found"] and "18%" in ans["text"] and ans["citations"]
        follow = c.post("/api/ask", json={"question": "那2035年呢？", "history": [
            {"role": "user", "content": "到2030年非化石能源比重要达到多少？"},
            {"role": "assistant", "content": ans["text"]}]})
        assert follow.status_code == 200 and follow.json()["citations"]
        hits = c.get("/api/search", params={"q": "燃煤锅炉", "k": 3}).json()["hits"]
        assert 0 < len(hits) <= 3 and any("燃煤锅炉" in h["text"] for h in hits)
        assert any(h["verbatim"] for h in hits)
        # nothing in the news report holds the word: the hits are said to be only similar
        none = c.get("/api/search", params={"q": "加油站", "doc": "shanxi_wanbao_2024_meili_shanxi"}).json()
        assert not any(h["verbatim"] for h in none["hits"]) and "没有条款逐字包含“加油站”" in none["message"]
        only_news = c.get("/api/search", params={"q": "空气质量", "doc": "shanxi_wanbao_2024_meili_shanxi"}).json()
        assert only_news["hits"] and {h["doc_id"] for h in only_news["hits"]} == {"shanxi_wanbao_2024_meili_shanxi"}
        # a document named by words of its title, as the CLI's --doc reads it; an unknown name is said, not an empty list
        by_title = c.get("/api/search", params={"q": "空气质量", "doc": "山西晚报"}).json()
        assert {h["doc_id"] for h in by_title["hits"]} == {"shanxi_wanbao_2024_meili_shanxi"}
        assert "没有与“不存在的文件”对应的文档" in assert_clean_error(
            c.get("/api/search", params={"q": "空气质量", "doc": "不存在的文件"}), 404)["message"]
        cl = c.get(f"/api/clauses/{hits[0]['clause_id']}").json()
        assert cl["text"] == hits[0]["text"] and cl["citation"].startswith("《")
        assert_clean_error(c.get("/api/clauses/nope:c1"), 404)
        targets = c.get("/api/targets", params={"year": 2030}).json()["targets"]
        assert targets and all(t["year"] == 2030 for t in targets)
        docs = c.get("/api/documents").json()["documents"]
        assert {d["doc_id"] for d in docs} == {"meili_shanxi_shishi_yijian", "shanxi_wanbao_2024_meili_shanxi"}
        assert assert_clean_error(c.post("/api/ask", json={"question": "   "}), 400)["code"] == "invalid_input"
        assert assert_clean_error(c.post("/api/ask", json={"q": "x"}), 422)["code"] == "invalid_request"


def test_check_by_text_and_by_file_then_history_and_word(server: Server):
    with server.client() as c:
        r = c.post("/api/check", json={"text": "项目名称：年产100万吨焦化项目。供热采用燃煤锅炉。"})
        assert r.status_code == 200, r.text
        rep = r.json()
        assert rep["verdict"] == "conflict" and rep["id"] > 0
        data = _docx(["项目名称：城区集中供热改造项目", "供热采用燃煤锅炉，年耗煤5万吨。"])
        r2 = c.post("/api/check", files={"file": ("../../方案.docx", data)})
        assert r2.status_code == 200, r2.text
        assert r2.json()["id"] == rep["id"] + 1
        listed = c.get("/api/checks").json()["checks"]
        assert [e["id"] for e in listed[:2]] == [rep["id"] + 1, rep["id"]]
        one = c.get(f"/api/checks/{rep['id']}").json()
        assert one["verdict"] == "conflict" and one["findings"]
        w = c.get(f"/api/checks/{rep['id']}/docx")
        assert w.status_code == 200 and w.content[:2] == b"PK"
        assert_clean_error(c.get("/api/checks/999999"), 404)
        bad = c.post("/api/check", files={"file": ("x.docx", b"not a zip")})
        assert assert_clean_error(bad, 422)["code"] == "unreadable_file"
        assert "x.docx" in bad.json()["message"]


def test_check_limited_to_named_documents(server: Server):
    with server.client() as c:
        text = "项目名称：年产100万吨焦化项目。供热采用燃煤锅炉。"
        r = c.post("/api/check", json={"text": text, "save": False,
                                       "filters": {"doc": ["meili_shanxi_shishi_yijian"]}})
        assert r.status_code == 200, r.text
        assert r.json()["findings"]
        assert {f["hit"]["doc_id"] for f in r.json()["findings"]} == {"meili_shanxi_shishi_yijian"}
        unknown = c.post("/api/check", json={"text": text, "save": False, "filters": {"doc": ["没有这份文件"]}})
        assert assert_clean_error(unknown, 404)


def test_roles_upload_delete_and_audit(server: Server):
    doc = "关于推进测试园区清洁取暖的通知\n\n一、总体要求\n\n（一）测试园区全面推进清洁取暖改造，到2027年完成率达到90%。\n"
    with server.client("reader") as c:
        assert assert_clean_error(c.post("/api/documents", files={"files": ("t.txt", doc.encode())}), 403)["code"] \
            == "forbidden"
        assert_clean_error(c.delete("/api/documents/meili_shanxi_shishi_yijian"), 403)
    with server.client("editor") as c:
        r = c.post("/api/documents", files={"files": ("../测试 园区.txt", doc.encode())})
        assert r.status_code == 200, r.text
        assert r.json()["added"] == ["测试_园区"]
        corpus = Path(server.env["SHANXI_POLICY_CORPUS_DIR"])
        assert (corpus / "测试_园区.txt").exists() and not (corpus.parent / "测试 园区.txt").exists()
        assert c.get("/api/search", params={"q": "测试园区清洁取暖"}).json()["hits"][0]["doc_id"] == "测试_园区"
        dup = c.post("/api/documents", files={"files": ("测试_园区.md", doc.encode())})
        assert assert_clean_error(dup, 422)["code"] == "upload_rejected"
        bad = c.post("/api/documents", files={"files": ("evil.exe", b"MZ")})
        assert "不支持" in assert_clean_error(bad, 422)["message"]
        assert c.delete("/api/documents/测试_园区").status_code == 200
        assert_clean_error(c.delete("/api/documents/测试_园区"), 404)
        assert len(c.get("/api/documents").json()["documents"]) == 2
    from shanxi_policy.api.audit import AuditLog

    log = AuditLog(server.env["SHANXI_POLICY_AUTH_DB"]).list(200)
    uploads = [e for e in log if e.action == "upload"]
    assert any(e.ok and e.target == "测试_园区" and e.actor.startswith("test-editor") for e in uploads)
    assert any(not e.ok for e in uploads)
    deletes = [e for e in log if e.action == "delete"]
    assert [e.ok for e in deletes[:2]] == [False, True] and all(e.index_version for e in deletes if e.ok)
    assert any(e.action == "check" and e.actor.startswith("test-reader") and e.index_version for e in log)


def test_body_limit_and_unknown_route(server: Server):
    with server.client("editor") as c:
        assert_clean_error(c.get("/api/nothing"), 404)
        r = c.post("/api/check", content=b"x" * 10, headers={"content-type": "text/plain"})
        assert assert_clean_error(r, 415)["code"] == "unsupported_media_type"
        big = c.post("/api/ask", content=b"{" + b" " * (51 * 2**20) + b"}",
                     headers={"content-type": "application/json"})
        assert assert_clean_error(big, 413)["code"] == "too_large"
    assert server.alive()


def test_no_tokens_means_refused_with_instructions(tmp_path: Path):
    from fastapi.testclient import TestClient

    from shanxi_policy.api.app import create_app
    from shanxi_policy.settings import Settings

    s = Settings(index_dir=tmp_path / "missing", auth_db=tmp_path / "auth.sqlite3", history_db=tmp_path / "h.sqlite3")
    with TestClient(create_app(s)) as c:
        body = assert_clean_error(c.get("/api/documents"), 401)
        assert body["code"] == "no_tokens" and "shanxi-policy token add" in body["message"]
        assert c.get("/api/health").json()["status"] == "index_unavailable"
    with TestClient(create_app(s, require_auth=False)) as c:
        assert assert_clean_error(c.get("/api/documents"), 503)["code"] == "index_unavailable"


def test_tokens_are_hashed_revocable_and_managed_by_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from shanxi_policy.api.auth import AuthError, TokenStore
    from shanxi_policy.cli import main

    db = tmp_path / "auth.sqlite3"
    monkeypatch.setenv("SHANXI_POLICY_AUTH_DB", str(db))
    runner = CliRunner()
    r = runner.invoke(main, ["token", "add", "oa-system", "--role", "editor"])
    assert r.exit_code == 0, r.output
    token = r.stdout.strip().splitlines()[0]
    store = TokenStore(db)
    assert store.verify(token).role == "editor"
    # the secret after "sp_<id>_" (itself URL-safe base64, which may hold "_") is never stored as written
    assert token.split("_", 2)[2].encode() not in db.read_bytes()
    assert runner.invoke(main, ["token", "add", "oa-system"]).exit_code != 0
    assert "oa-system\teditor" in runner.invoke(main, ["token", "list"]).output
    assert runner.invoke(main, ["token", "revoke", "oa-system"]).exit_code == 0
    with pytest.raises(AuthError):
        store.verify(token)
    assert runner.invoke(main, ["token", "revoke", "oa-system"]).exit_code != 0
    assert "token_revoke" in runner.invoke(main, ["audit"]).output
    assert runner.invoke(main, ["serve", "--no-auth", "--host", "0.0.0.0"]).exit_code != 0


def test_audit_log_is_append_only(tmp_path: Path):
    from shanxi_policy.api.audit import AuditLog

    log = AuditLog(tmp_path / "a.sqlite3")
    log.record("alice", "check", "1", index_version="v1")
    con = sqlite3.connect(tmp_path / "a.sqlite3")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("UPDATE audit SET actor = 'mallory'")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        con.execute("DELETE FROM audit")
    con.close()
    assert [(e.actor, e.action, e.index_version) for e in log.list()] == [("alice", "check", "v1")]


def test_checks_stored_but_not_audited_are_audited_at_startup(tmp_path: Path):
    # A crash between the history write and the audit write leaves a check without its audit row.
    from shanxi_policy.api import app as api_app
    from shanxi_policy.api.audit import AuditLog
    from shanxi_policy.check.history import History
    from shanxi_policy.settings import Settings

    settings = Settings(history_db=tmp_path / "h.sqlite3", auth_db=tmp_path / "a.sqlite3")
    History(settings.history_db)
    con = sqlite3.connect(settings.history_db)
    with con:
        for title in ("甲项目", "乙项目"):
            con.execute("INSERT INTO checks (created, title, verdict, index_version, input, report) "
                        "VALUES ('2026-01-01', ?, '需关注', 'v1', '', '{}')", (title,))
    con.close()
    log = AuditLog(settings.auth_db)
    log.record("alice", "check", "1", index_version="v1")
    state = api_app.ApiState(settings, None, None, log, True, 0)  # type: ignore[arg-type]
    api_app._reconcile_audit(state)
    api_app._reconcile_audit(state)  # idempotent
    rows = [(e.actor, e.target, e.detail.get("recovered", False)) for e in log.list(10, "check")]
    assert sorted(rows) == [("alice", "1", False), ("system", "2", True)]
    # Later start-ups read only checks stored after the watermark, and still catch a new gap.
    assert log.last_detail("reconcile") == {"through": 2}
    con = sqlite3.connect(settings.history_db)
    with con:
        con.execute("INSERT INTO checks (created, title, verdict, index_version, input, report) "
                    "VALUES ('2026-01-02', '丙项目', '符合', 'v1', '', '{}')")
    con.close()
    api_app._reconcile_audit(state)
    rows = [(e.actor, e.target, e.detail.get("recovered", False)) for e in log.list(10, "check")]
    assert sorted(rows) == [("alice", "1", False), ("system", "2", True), ("system", "3", True)]
    assert log.last_detail("reconcile") == {"through": 3}


def test_upload_names_never_become_paths():
    from shanxi_policy.manage import safe_name

    for name in ("../../etc/passwd.txt", "a\x00b.txt", "C:\\\\x\\\\y.docx", "..", "\x01\x02.pdf", "a/../../b.md"):
        out = safe_name(name)
        assert "/" not in out and "\\" not in out and "\x00" not in out and not out.startswith(".")


def test_docx_zip_bomb_is_refused_before_parsing(tmp_path: Path):
    from shanxi_policy.errors import IngestError
    from shanxi_policy.ingest.loaders import load_file

    p = tmp_path / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        with z.open("word/document.xml", "w") as f:
            for _ in range(10):
                f.write(b"<w:p/>" * 700_000)  # 42 MB of XML in a 40 kB file
    assert p.stat().st_size < 200_000
    with pytest.raises(IngestError, match="压缩炸弹"):
        load_file(p)


def test_app_login_gate(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from streamlit.testing.v1 import AppTest

    from shanxi_policy.api.auth import TokenStore
    from tests.conftest import CORPUS, ROOT

    db = tmp_path / "auth.sqlite3"
    for k, v in {"SHANXI_POLICY_APP_LOGIN": "1", "SHANXI_POLICY_AUTH_DB": str(db),
                 "SHANXI_POLICY_INDEX_DIR": str(ROOT / "index"), "SHANXI_POLICY_CORPUS_DIR": str(CORPUS),
                 "SHANXI_POLICY_HISTORY_DB": str(tmp_path / "h.sqlite3")}.items():
        monkeypatch.setenv(k, v)
    token = TokenStore(db).add("clerk", "reader")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120).run()
    assert at.title[0].value == "登录" and not at.exception
    at.text_input[0].input("sp_000000000000_" + "x" * 43)
    at.button[0].click().run()
    assert any("无效" in e.value for e in at.error)
    at.text_input[0].input(token)
    at.button[0].click().run()
    assert not at.exception and at.session_state["principal"]["name"] == "clerk"
    assert at.title[0].value != "登录"
