"""Every error leaves the API as JSON {"code": stable code, "message": Chinese text}; never a stack trace."""

from __future__ import annotations

import errno
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import IndexStateError, IngestError, PolicyError, QueryError
from .auth import AuthError

log = logging.getLogger("shanxi_policy.api")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, **extra: Any) -> None:
        self.status, self.code, self.message, self.extra = status, code, message, extra
        super().__init__(message)


def body(code: str, message: str, **extra: Any) -> dict[str, Any]:
    return {"code": code, "message": message, **extra}


_AUTH_STATUS = {"forbidden": 403}
_DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_HTTP_CODES = {
    400: ("bad_request", "请求格式不正确"),
    401: ("auth_required", "需要 API 令牌"),
    403: ("forbidden", "没有权限执行该操作"),
    404: ("not_found", "没有这个接口或资源"),
    405: ("method_not_allowed", "该接口不支持这种请求方法"),
    413: ("too_large", "请求内容过大"),
    415: ("unsupported_media_type", "不支持的请求内容类型"),
}


def from_exception(exc: BaseException) -> ApiError:
    """Map a service error to a status and a stable code; the message is the service's Chinese text."""
    if isinstance(exc, ApiError):
        return exc
    if isinstance(exc, AuthError):
        return ApiError(_AUTH_STATUS.get(exc.code, 401), exc.code, str(exc))
    if isinstance(exc, QueryError):
        return ApiError(400, "invalid_input", str(exc))
    if isinstance(exc, IngestError):
        return ApiError(422, "unreadable_file", str(exc))
    if isinstance(exc, IndexStateError):
        return ApiError(503, "index_unavailable", f"索引不可用：{exc}")
    if isinstance(exc, PolicyError):
        return ApiError(400, "rejected", str(exc))
    if isinstance(exc, OSError) and exc.errno in _DISK_FULL:
        return ApiError(507, "disk_full", "服务器磁盘空间不足，操作未完成；原有索引和记录保持不变，请联系管理员清理磁盘")
    return ApiError(500, "internal_error", "服务器内部错误，请稍后重试；如果问题持续出现，请联系管理员")


def _validation_message(exc: RequestValidationError) -> str:
    # Field locations only: echoing the input could return 10^5 characters or planted markup.
    fields = []
    for e in exc.errors()[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        fields.append(loc or "请求体")
    return f"请求参数不正确：{'、'.join(dict.fromkeys(fields))}"


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(body(exc.code, exc.message, **exc.extra), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse(body("invalid_request", _validation_message(exc)), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code, message = _HTTP_CODES.get(exc.status_code, ("http_error", "请求无法处理"))
        return JSONResponse(body(code, message), status_code=exc.status_code)

    @app.exception_handler(PolicyError)
    async def _policy(_: Request, exc: PolicyError) -> JSONResponse:
        e = from_exception(exc)
        return JSONResponse(body(e.code, e.message), status_code=e.status)

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        e = from_exception(exc)
        return JSONResponse(body(e.code, e.message), status_code=e.status)
