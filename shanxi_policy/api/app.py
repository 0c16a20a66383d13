"""FastAPI application: `create_app(settings)`; served by `shanxi-policy serve`.

Endpoints are thin: authenticate, call a service through .services, record the audit entry, return JSON.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__
from ..errors import PolicyError
from ..manage import safe_name
from ..settings import Settings
from . import errors, services
from .audit import AuditLog
from .auth import Principal, TokenStore
from .errors import ApiError

MAX_FILES = 20
# Questions and proposals are validated by the services with their own Chinese messages; this cap only
# keeps a pathological JSON body from being parsed at all.
MAX_TEXT = 1_000_000
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass
class ApiState:
    settings: Settings
    kbs: services.KBHolder
    tokens: TokenStore
    audit: AuditLog
    require_auth: bool
    max_body: int


class BodyLimit:
    """Refuse bodies over the limit, by Content-Length and while streaming (chunked uploads)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        try:
            declared = int(headers.get(b"content-length", b"0"))
        except ValueError:
            declared = 0
        if declared > self.max_bytes:
            await _send_json(send, 413, errors.body("too_large", self._message()))
            return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            msg = await receive()
            if msg["type"] == "http.request":
                seen += len(msg.get("body", b""))
                if seen > self.max_bytes:
                    raise ApiError(413, "too_large", self._message())
            return msg

        async def send_nosniff(msg: Message) -> None:
            # Clients and browsers must treat document text in responses as data, never as markup.
            if msg["type"] == "http.response.start":
                msg["headers"] = [*msg.get("headers", []), (b"x-content-type-options", b"nosniff")]
            await send(msg)

        await self.app(scope, limited, send_nosniff)

    def _message(self) -> str:
        return f"请求内容过大，上限为 {self.max_bytes / 2**20:.0f} MB"


async def _send_json(send: Send, status: int, data: dict[str, Any]) -> None:
    import json

    raw = json.dumps(data, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(raw)).encode())]})
    await send({"type": "http.response.body", "body": raw})


# ----- request bodies ----------------------------------------------------------------------------------
class Turn(BaseModel):
    role: Literal["user", "assistant"] = "user"
    content: str = Field(max_length=20_000)


class Filters(BaseModel):
    doc: list[str] = Field(default_factory=list, description="文档编号")
    type: list[str] = Field(default_factory=list, description="文档类型，如 法律、规范性文件")
    issuer: list[str] = Field(default_factory=list, description="发文机关（包含即可）")
    date_from: str = Field("", alias="from", description="发文日期下限，YYYY 或 YYYY-MM-DD")
    date_to: str = Field("", alias="to", description="发文日期上限")
    validity: list[str] = Field(default_factory=list, description="效力，如 现行有效")

    model_config = {"populate_by_name": True}


class AskRequest(BaseModel):
    question: str = Field(max_length=MAX_TEXT, description="问题")
    history: list[Turn] = Field(default_factory=list, max_length=50, description="此前的对话，按时间顺序")
    k: int = Field(5, ge=1, le=50, description="引用的条款数")
    filters: Filters | None = None


class CheckRequest(BaseModel):
    text: str = Field(max_length=MAX_TEXT, description="项目材料文字")
    save: bool = Field(True, description="是否记入审查历史")
    filters: Filters | None = Field(None, description="审查依据的范围（如只依据本市某部条例：doc）")


def _state(request: Request) -> ApiState:
    st: ApiState = request.app.state.api
    return st


def _docs(kb: Any, names: list[str]) -> list[str]:
    """The documents a request names, read as the CLI reads --doc; an unknown name is a 404 with a message."""
    try:
        return services.resolve_docs(kb, names)
    except LookupError as exc:
        raise ApiError(404, "not_found", str(exc)) from exc


def _principal(request: Request) -> Principal:
    st = _state(request)
    if not st.require_auth:
        return Principal("local", "editor")
    auth = request.headers.get("authorization", "")
    token = auth[7:].strip() if auth.lower().startswith("bearer ") else request.headers.get("x-api-key", "").strip()
    if not token:
        if st.tokens.active_count() == 0:
            raise ApiError(401, "no_tokens", "服务尚未配置任何 API 令牌。请管理员在服务器上运行"
                           "“shanxi-policy token add 名称 --role reader”创建令牌，"
                           "然后在请求头 Authorization: Bearer <令牌> 中提供")
        raise ApiError(401, "auth_required", "需要 API 令牌：请在请求头 Authorization: Bearer <令牌> 中提供")
    return st.tokens.verify(token)


def reader(p: Annotated[Principal, Depends(_principal)]) -> Principal:
    if not p.may("read"):
        raise ApiError(403, "forbidden", "该令牌没有查询权限")
    return p


def editor(p: Annotated[Principal, Depends(_principal)]) -> Principal:
    if not p.may("write"):
        raise ApiError(403, "forbidden", "该操作需要编辑（editor）角色的令牌")
    return p


Reader = Annotated[Principal, Depends(reader)]
CheckId = Annotated[int, PathParam(ge=1, le=2**63 - 1, description="审查记录编号")]
Editor = Annotated[Principal, Depends(editor)]


async def _read_upload(f: UploadFile, limit: int) -> tuple[str, bytes]:
    data = await f.read(limit + 1)
    name = safe_name(f.filename or "upload")
    if len(data) > limit:
        raise ApiError(413, "too_large", f"文件《{name}》过大，上限为 {limit / 2**20:.0f} MB")
    return name, data


async def _form(request: Request) -> Any:
    ctype = request.headers.get("content-type", "")
    if not ctype.startswith("multipart/form-data"):
        raise ApiError(415, "unsupported_media_type", "请以 multipart/form-data 上传文件")
    try:
        return await request.form(max_files=MAX_FILES, max_fields=50)
    except ApiError:
        raise
    except Exception as exc:
        raise ApiError(400, "bad_form", f"无法解析上传的表单（最多 {MAX_FILES} 个文件）") from exc


def create_app(settings: Settings | None = None, *, require_auth: bool = True) -> FastAPI:
    settings = settings or Settings()
    max_body = settings.max_file_bytes + 2**20
    state = ApiState(settings, services.KBHolder(settings), TokenStore(settings.auth_db),
                     AuditLog(settings.auth_db), require_auth, max_body)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Load the index and the model before the first request; a broken index is reported per request.
        await run_in_threadpool(_reconcile_audit, state)
        await run_in_threadpool(_warm, state)
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="山西政策问答与合规审查 API",
        version=__version__,
        description="政策问答、条款检索、项目合规审查和文档管理。除 /api/health 外，所有接口都需要在请求头 "
                    "`Authorization: Bearer <令牌>` 中提供 API 令牌（用 `shanxi-policy token add` 创建）。"
                    "出错时返回 JSON：`{\"code\": 错误代码, \"message\": 中文说明}`。",
    )
    app.state.api = state
    app.add_middleware(BodyLimit, max_bytes=max_body)
    errors.install(app)
    _routes(app)
    return app


def _routes(app: FastAPI) -> None:
    @app.get("/api/health", tags=["服务"], summary="服务状态（无需令牌）")
    def health(request: Request) -> dict[str, Any]:
        st = _state(request)
        try:
            kb = st.kbs.get()
        except PolicyError as exc:
            e = errors.from_exception(exc)
            return {"status": "index_unavailable", "code": e.code, "message": e.message, "version": __version__}
        return {"status": "ok", "version": __version__, "index_version": kb.version, "documents": len(kb.documents),
                "auth": st.require_auth}

    @app.post("/api/ask", tags=["问答"], summary="政策问答（可带对话历史和文档筛选）")
    def ask(req: AskRequest, request: Request, _: Reader) -> dict[str, Any]:
        kb = _state(request).kbs.get()
        f = req.filters
        flt = services.doc_filter(f.type, f.issuer, f.date_from, f.date_to, f.validity, _docs(kb, f.doc)) if f else None
        history = [t.model_dump() for t in req.history]
        ans = services.ask(kb, req.question, history, req.k, flt)
        return {**ans.to_dict(), "index_version": kb.version}

    @app.get("/api/search", tags=["检索"], summary="条款检索（可按文档、类型、发文机关、日期、效力筛选）")
    def search(request: Request, _: Reader,
               q: Annotated[str, Query(max_length=MAX_TEXT, description="检索词或问题")],
               k: Annotated[int, Query(ge=1, le=100)] = 5,
               doc: Annotated[list[str] | None, Query(description="文档编号")] = None,
               type: Annotated[list[str] | None, Query(description="文档类型")] = None,
               issuer: Annotated[list[str] | None, Query(description="发文机关")] = None,
               date_from: Annotated[str, Query(alias="from", description="日期下限 YYYY[-MM-DD]")] = "",
               date_to: Annotated[str, Query(alias="to", description="日期上限")] = "",
               validity: Annotated[list[str] | None, Query(description="效力")] = None) -> dict[str, Any]:
        kb = _state(request).kbs.get()
        flt = services.doc_filter(type or [], issuer or [], date_from, date_to, validity or [], _docs(kb, doc or []))
        hits = services.search(kb, q, k, flt)
        verbatim = services.verbatim(q, hits)
        out = [{**h.to_dict(), "verbatim": v} for h, v in zip(hits, verbatim, strict=True)]
        message = "" if any(verbatim) or len(q.strip()) > services.KEYWORD_CHARS else \
            f"没有条款逐字包含“{q.strip()}”，以下为语义相近的条款，请核对。"
        return {"hits": out, "message": message, "index_version": kb.version}

    @app.post("/api/check", tags=["合规审查"], summary="项目合规审查（JSON 文字或上传文件）",
              openapi_extra={"requestBody": {"content": {
                  "application/json": {"schema": CheckRequest.model_json_schema()},
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "string", "format": "binary", "description": "PDF、DOCX、TXT、MD、HTML"},
                      "save": {"type": "boolean"}}, "required": ["file"]}}}}})
    async def check(request: Request, who: Reader) -> dict[str, Any]:
        st = _state(request)
        ctype = request.headers.get("content-type", "")
        source: dict[str, Any]
        basis: Filters | None = None
        if ctype.startswith("multipart/form-data"):
            form = await _form(request)
            upload = form.get("file")
            if not isinstance(upload, UploadFile):
                raise ApiError(422, "invalid_request", "请在表单字段 file 中上传项目材料文件")
            name, data = await _read_upload(upload, st.settings.max_file_bytes)
            save = str(form.get("save", "true")).lower() not in ("false", "0", "no")
            source = {"file": name, "bytes": len(data)}
            text = None
        elif ctype.startswith("application/json"):
            try:
                req = CheckRequest.model_validate_json(await request.body())
            except ValueError as exc:
                raise ApiError(422, "invalid_request", "请求体应为 JSON：{\"text\": \"项目材料\"}") from exc
            text, save, name, data, source = req.text, req.save, "", b"", {"chars": len(req.text)}
            basis = req.filters
        else:
            raise ApiError(415, "unsupported_media_type", "请以 JSON（text 字段）提交文字，或以 multipart/form-data 上传文件")
        return await run_in_threadpool(_run_check, st, who, text, name, data, save, source, basis)

    @app.get("/api/checks", tags=["合规审查"], summary="审查历史")
    def checks(request: Request, _: Reader, limit: Annotated[int, Query(ge=1, le=1000)] = 50) -> dict[str, Any]:
        entries = services.history(_state(request).settings).list(limit)
        return {"checks": [e.__dict__ for e in entries]}

    @app.get("/api/checks/{check_id}", tags=["合规审查"], summary="一条审查记录")
    def check_get(check_id: CheckId, request: Request, _: Reader) -> dict[str, Any]:
        h = services.history(_state(request).settings)
        try:
            return {"id": check_id, **h.get(check_id)}
        except PolicyError as exc:
            raise ApiError(404, "not_found", str(exc)) from exc

    @app.get("/api/checks/{check_id}/docx", tags=["合规审查"], summary="导出 Word 审查意见",
             response_class=Response, responses={200: {"content": {DOCX_MIME: {}}}})
    def check_docx(check_id: CheckId, request: Request, _: Reader) -> Response:
        h = services.history(_state(request).settings)
        try:
            rep = services.load_report(h, check_id)
        except PolicyError as exc:
            raise ApiError(404, "not_found", str(exc)) from exc
        from urllib.parse import quote

        fname = quote(f"审查意见-{check_id}.docx")
        return Response(services.docx_bytes(rep), media_type=DOCX_MIME,
                        headers={"Content-Disposition": f"attachment; filename*=UTF-8''{fname}"})

    @app.get("/api/documents", tags=["文档"], summary="文档列表")
    def documents(request: Request, _: Reader) -> dict[str, Any]:
        kb = _state(request).kbs.get()
        return {"documents": [{"doc_id": d.doc_id, "title": d.title, "source": d.source, "meta": d.meta,
                               "clauses": len(d.clauses)} for d in kb.documents],
                "index_version": kb.version}

    @app.post("/api/documents", tags=["文档"], summary="上传文档并更新索引（editor）",
              openapi_extra={"requestBody": {"content": {"multipart/form-data": {"schema": {
                  "type": "object", "properties": {"files": {"type": "array",
                                                             "items": {"type": "string", "format": "binary"}}},
                  "required": ["files"]}}}}})
    async def upload(request: Request, who: Editor) -> Any:
        st = _state(request)
        form = await _form(request)
        items = [f for key in ("files", "file") for f in form.getlist(key) if isinstance(f, UploadFile)]
        if not items:
            raise ApiError(422, "invalid_request", "请在表单字段 files 中上传文件")
        files = [await _read_upload(f, st.settings.max_file_bytes) for f in items]
        return await run_in_threadpool(_run_upload, st, who, files)

    @app.delete("/api/documents/{doc_id}", tags=["文档"], summary="删除文档并更新索引（editor）")
    def delete(doc_id: str, request: Request, who: Editor) -> dict[str, Any]:
        st = _state(request)
        version = _version(st)
        try:
            kb = services.remove_document(doc_id, st.settings)
        except (PolicyError, OSError) as exc:
            e = errors.from_exception(exc)
            if e.code == "rejected":
                e = ApiError(404, "not_found", str(exc))
            _record_failure(st, who, "delete", doc_id, version, {"error": e.code})
            raise e from exc
        st.kbs.replace(kb)
        st.audit.record(who.name, "delete", doc_id, index_version=kb.version, detail={"previous_index": version})
        return {"deleted": doc_id, "index_version": kb.version}

    @app.get("/api/clauses/{clause_id}", tags=["检索"], summary="一个条款（含所在文档和量化目标）")
    def clause(clause_id: str, request: Request, _: Reader) -> dict[str, Any]:
        kb = _state(request).kbs.get()
        c = kb.clause(clause_id)
        d = kb.document(c.doc_id) if c else None
        if c is None or d is None:
            raise ApiError(404, "not_found", f"没有编号为“{clause_id}”的条款")
        targets = [i.to_dict() for i in kb.indicators() if i.clause_id == c.clause_id]
        return {**c.to_dict(), "doc_title": d.title, "citation": f"《{d.title}》" + " › ".join(c.path),
                "targets": targets, "index_version": kb.version}

    @app.get("/api/targets", tags=["检索"], summary="量化目标（可按年份、文档筛选）")
    def targets(request: Request, _: Reader, year: int | None = None, doc: str | None = None) -> dict[str, Any]:
        kb = _state(request).kbs.get()
        rows = kb.targets(year, [doc] if doc is not None else None)
        titles = {d.doc_id: d.title for d in kb.documents}
        return {"targets": [{**i.to_dict(), "doc_id": (did := i.clause_id.split(":", 1)[0]),
                             "doc_title": titles.get(did, "")} for i in rows],
                "index_version": kb.version}


def _record_failure(st: ApiState, who: Principal, action: str, target: str, version: str,
                    detail: dict[str, Any]) -> None:
    """Failed attempts are audited too; best effort, since the failure may be a full disk."""
    try:
        st.audit.record(who.name, action, target, ok=False, index_version=version, detail=detail)
    except Exception:
        errors.log.exception("audit record failed")


def _reconcile_audit(st: ApiState) -> None:
    """A check is stored, then audited, in two databases; a crash between the two writes leaves a stored check
    without its audit row. At start-up such checks are audited after the fact, marked as recovered, so the
    log lists every stored check. A watermark row records how far this was done, so each start-up reads only
    the checks stored since the last one."""
    try:
        through = int(st.audit.last_detail("reconcile").get("through", 0))
        entries = services.history(st.settings).after(through)
        if not entries:
            return
        done = st.audit.audited_targets("check", above=through)
        for e in entries:
            if str(e.id) not in done:
                st.audit.record("system", "check", str(e.id), index_version=e.index_version,
                                detail={"recovered": True, "title": e.title[:200], "verdict": e.verdict,
                                        "created": e.created})
        st.audit.record("system", "reconcile", "check", detail={"through": entries[-1].id})
    except (PolicyError, OSError, sqlite3.Error, ValueError):
        errors.log.exception("audit reconciliation failed")


def _warm(st: ApiState) -> None:
    try:
        # One query loads the segmenter and runs the model once, so the first caller does not pay for it.
        st.kbs.get().search("预热", k=1)
    except PolicyError:
        pass


def _version(st: ApiState) -> str:
    try:
        return st.kbs.get().version
    except PolicyError:
        return ""


def _run_check(st: ApiState, who: Principal, text: str | None, name: str, data: bytes, save: bool,
               source: dict[str, Any], basis: Filters | None = None) -> dict[str, Any]:
    version = ""
    try:
        kb = st.kbs.get()
        version = kb.version
        flt = services.doc_filter(basis.type, basis.issuer, basis.date_from, basis.date_to, basis.validity,
                                  _docs(kb, basis.doc)) if basis else None
        if text is None:
            text = services.read_proposal_file(name, data, st.settings)
        rep = services.run_check(kb, text, flt)
        check_id = services.history(st.settings).add(rep) if save else None
    except (PolicyError, OSError) as exc:
        e = errors.from_exception(exc)
        _record_failure(st, who, "check", "", version, {**source, "error": e.code})
        raise e from exc
    st.audit.record(who.name, "check", str(check_id or ""), index_version=rep.index_version,
                    detail={**source, "title": rep.title[:200], "verdict": rep.verdict, "saved": save})
    return {"id": check_id, **rep.to_dict()}


def _run_upload(st: ApiState, who: Principal, files: list[tuple[str, bytes]]) -> Any:
    from fastapi.responses import JSONResponse

    version = _version(st)
    detail: dict[str, Any] = {"files": [{"name": n, "bytes": len(b)} for n, b in files]}
    try:
        kb, res = services.add_documents(files, st.settings)
    except (PolicyError, OSError) as exc:
        e = errors.from_exception(exc)
        _record_failure(st, who, "upload", "", version, {**detail, "error": e.code})
        raise e from exc
    st.kbs.replace(kb)
    new_version = kb.version if kb is not None else version
    st.audit.record(who.name, "upload", ",".join(res.added), ok=bool(res.added), index_version=new_version,
                    detail={**detail, "errors": res.errors})
    out = {"added": res.added, "errors": res.errors, "warnings": res.warnings, "index_version": new_version}
    if not res.added:
        return JSONResponse(errors.body("upload_rejected", res.errors[0] if res.errors else "没有可添加的文档", **out),
                            status_code=422)
    return out
