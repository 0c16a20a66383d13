"""CLI verbs of the HTTP API: `serve`, `token add|list|revoke`, `audit`; registered on the main group."""

from __future__ import annotations

from pathlib import Path

import click

from ..cli_common import INDEX_OPTION
from ..cli_common import emit_json as _emit_json
from ..cli_common import fail as _fail
from ..errors import PolicyError, QueryError
from ..settings import Settings


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="监听地址；对外提供服务时用 0.0.0.0。")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="监听端口。")
@click.option("--no-auth", is_flag=True, help="不检查 API 令牌（仅限本机测试，只能与 --host 127.0.0.1 一起使用）。")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]), help="日志级别。")
@INDEX_OPTION
def serve(host: str, port: int, no_auth: bool, log_level: str, index_dir: Path | None) -> None:
    """启动 HTTP 接口（接口文档见 http://HOST:PORT/docs）。"""
    import uvicorn

    from .app import create_app

    if no_auth and host not in ("127.0.0.1", "localhost", "::1"):
        _fail(QueryError("--no-auth 只能在本机地址（127.0.0.1）上使用"))
    settings = Settings()
    if index_dir is not None:
        settings = settings.replace(index_dir=index_dir)
    app = create_app(settings, require_auth=not no_auth)
    if not no_auth and app.state.api.tokens.active_count() == 0:
        click.echo("提示：尚未创建 API 令牌，除 /api/health 和 /docs 外的请求都会被拒绝。"
                   "创建令牌：shanxi-policy token add 名称 --role reader", err=True)
    click.echo(f"HTTP 接口：http://{host}:{port}/api/ ，接口文档：http://{host}:{port}/docs", err=True)
    uvicorn.run(app, host=host, port=port, log_level=log_level, workers=1)


@click.group()
def token() -> None:
    """API 令牌：创建、列出、吊销（令牌只以散列形式保存）。"""


@token.command(name="add")
@click.argument("name")
@click.option("--role", type=click.Choice(["reader", "editor"]), default="reader", show_default=True,
              help="reader：问答、检索、审查、查看；editor：另可上传和删除文档。")
def token_add(name: str, role: str) -> None:
    """创建令牌并显示一次（请立即保存，之后无法再次查看）。"""
    from .audit import AuditLog
    from .auth import TokenStore

    settings = Settings()
    try:
        secret = TokenStore(settings.auth_db).add(name, role)
    except PolicyError as exc:
        _fail(exc)
        return
    AuditLog(settings.auth_db).record(_os_user(), "token_add", name, channel="cli", detail={"role": role})
    click.echo(secret)
    click.echo(f"已创建令牌“{name}”（{role}）。令牌只显示这一次，请妥善保存。", err=True)


@token.command(name="list")
@click.option("--all", "show_all", is_flag=True, help="包括已吊销的令牌。")
def token_list(show_all: bool) -> None:
    """列出令牌（名称、角色、创建时间；不显示令牌本身）。"""
    from .auth import TokenStore

    rows = TokenStore(Settings().auth_db).list(include_revoked=show_all)
    if not rows:
        click.echo("暂无令牌。创建：shanxi-policy token add 名称 --role reader")
    for t in rows:
        click.echo(f"{t.name}\t{t.role}\t{t.created}" + (f"\t已吊销 {t.revoked}" if t.revoked else ""))


@token.command(name="revoke")
@click.argument("name")
def token_revoke(name: str) -> None:
    """吊销令牌，立即生效。"""
    from .audit import AuditLog
    from .auth import TokenStore

    settings = Settings()
    try:
        TokenStore(settings.auth_db).revoke(name)
    except PolicyError as exc:
        _fail(exc)
        return
    AuditLog(settings.auth_db).record(_os_user(), "token_revoke", name, channel="cli")
    click.echo(f"已吊销令牌“{name}”")


@click.command()
@click.option("--limit", default=50, show_default=True, help="最多列出的条数。")
@click.option("--action", default=None, help="只列出该操作：check、upload、delete、token_add、token_revoke。")
@click.option("--json", "as_json", is_flag=True, help="以 JSON 输出。")
def audit(limit: int, action: str | None, as_json: bool) -> None:
    """查看审计日志（审查、上传、删除和令牌变更；只能追加，不能修改）。"""
    from .audit import AuditLog

    entries = AuditLog(Settings().auth_db).list(limit, action)
    if as_json:
        _emit_json([e.to_dict() for e in entries])
        return
    for e in entries:
        status = "成功" if e.ok else "失败"
        click.echo(f"{e.id}\t{e.at}\t{e.channel}:{e.actor}\t{e.action}\t{e.target}\t{status}\t{e.index_version}")


def _os_user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def register(main: click.Group) -> None:
    for cmd in (serve, token, audit):
        main.add_command(cmd)
