"""The ``oneroster`` command (typer): list/get/exists/upsert/delete per resource, scoped listings, CSV.

Commands are derived from the library's tables, not written one by one: every row of
``RESOURCES`` becomes ``oneroster <resource> list|get|exists`` (plus ``upsert``/``delete``
when the row has those operations) and every ``ROUTES`` entry a scoped listing such as
``oneroster classes students CLASS_ID``. Resource names use dashes (``line-items``).

Connection settings come from global options or the ``ONEROSTER_*`` variables;
:func:`build_client` turns them into a client (tests replace it to inject a transport).
Library errors become one ``error: ...`` line on stderr and an exit code (see ``EXIT_CODES``).

Example:
    ```python
    from typer.testing import CliRunner
    from oneroster.cli.app import app

    result = CliRunner().invoke(app, ["--base-url", "https://sis.example", "users", "list", "--limit", "5"])
    ```

"""

import contextlib
import enum
import importlib
import inspect
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Annotated, Any

import typer
from rich.console import Console

import oneroster
from oneroster.client import OneRoster
from oneroster.csv import ImportReport, import_bundle, validate_bundle
from oneroster.csv.validate import iter_problems
from oneroster.errors import (
    Forbidden,
    NotFound,
    OneRosterError,
    TransportError,
    Unauthorized,
    ValidationError,
)
from oneroster.filters import Condition, F, build_filter, check_field_name
from oneroster.operation_index import SCHEMA_FIELDS
from oneroster.resources import RESOURCES, ResourceSpec
from oneroster.scopes import ROUTES

from .csv_bundle import export_bundle, stream_records
from .output import (
    ExportBars,
    Format,
    format_for_path,
    make_writer,
    progress_bar,
    to_record_dict,
    write_single,
)

__all__ = [
    "EXIT_CODES",
    "Settings",
    "app",
    "build_app",
    "build_client",
    "exit_code_for",
    "parse_fields",
    "parse_where",
    "run",
]

EXIT_OK = 0
EXIT_ABSENT = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_NOT_FOUND = 4
EXIT_API = 5
EXIT_NETWORK = 6
EXIT_LOCAL_IO = 7
EXIT_INCOMPLETE = 8
EXIT_INTERRUPTED = 130

#: Exit status -> meaning (also documented in docs/cli.md).
EXIT_CODES: dict[int, str] = {
    EXIT_OK: "success",
    EXIT_ABSENT: "`exists`: no such record",
    EXIT_USAGE: "usage or validation error (nothing was sent), or the provider does not offer the call",
    EXIT_AUTH: "authentication or authorisation failed (401/403, token endpoint refused)",
    EXIT_NOT_FOUND: "the record or endpoint does not exist (404)",
    EXIT_API: "other API error: 4xx/5xx, unparseable answer, paging that would not end",
    EXIT_NETWORK: "network error or timeout (no HTTP answer)",
    EXIT_LOCAL_IO: "a local file could not be read or written",
    EXIT_INCOMPLETE: "`csv validate`: the bundle has errors; `import`: some rows were not written (listed)",
    EXIT_INTERRUPTED: "interrupted (Ctrl-C)",
}


# -- settings and the client ------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """Connection settings of one invocation (global options, or the ``ONEROSTER_*`` variables).

    Example:
        ```python
        Settings(base_url="https://sis.example", token="t").client_kwargs()
        # {"base_url": "https://sis.example", "token": "t"}
        ```

    """

    base_url: str | None = None
    client_id: str | None = None
    client_secret: str | None = field(default=None, repr=False)
    token_url: str | None = None
    token: str | None = field(default=None, repr=False)
    profile: str | None = None
    page_size: int | None = None
    dialect: str | None = None

    def client_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``OneRoster(...)``; raise ``ValidationError`` without a base URL.

        A bearer token, when there is one, wins over client credentials (both may be set in
        the environment, and ``OneRoster`` refuses to be given both).

        Example:
            ```python
            OneRoster(**settings.client_kwargs(), http_client=my_httpx_client)
            ```

        """
        if not self.base_url:
            raise ValidationError("no base URL: pass --base-url or set ONEROSTER_BASE_URL", field="base_url")
        names = ("token",) if self.token else ("client_id", "client_secret", "token_url")
        kwargs: dict[str, Any] = {"base_url": self.base_url}
        for name in (*names, "profile", "page_size", "dialect"):
            value = getattr(self, name)
            if value not in (None, ""):
                kwargs[name] = value
        return kwargs

    def secrets(self) -> list[str]:
        """Return the values that must never be printed (client secret, token).

        Example:
            ```python
            Settings(token="t").secrets()   # ["t"]
            ```

        """
        return [value for value in (self.client_secret, self.token) if value]


def build_client(settings: Settings) -> OneRoster:
    """Build the client a command uses (tests monkeypatch this to inject ``http_client=``).

    Example:
        ```python
        client = build_client(Settings(base_url="https://sis.example", token="t"))
        ```

    """
    return OneRoster(**settings.client_kwargs())


# -- argument parsing -------------------------------------------------------------------------

_WHERE = re.compile(r"^([^=!<>~]*?)(!=|>=|<=|=|>|<|~)(.*)$", re.DOTALL)
_OPERATORS: dict[str, Callable[[Any, str], Condition]] = {
    "=": lambda f, v: f.eq(v),
    "!=": lambda f, v: f.ne(v),
    ">": lambda f, v: f.gt(v),
    ">=": lambda f, v: f.ge(v),
    "<": lambda f, v: f.lt(v),
    "<=": lambda f, v: f.le(v),
    "~": lambda f, v: f.contains(v),
}


def parse_where(texts: Sequence[str]) -> Condition | None:
    """Parse ``--where`` values (``field<op>value``) into the AND of their conditions.

    The operators are those of the filter grammar: ``=``, ``!=``, ``>``, ``>=``, ``<``,
    ``<=`` and ``~`` (contains). The value is everything after the operator, kept as is.

    Example:
        ```python
        parse_where(["role=student", "familyName~Smi"]).to_filter()
        # "role='student' AND familyName~'Smi'"
        ```

    """
    condition: Condition | None = None
    for text in texts:
        match = _WHERE.match(text)
        if match is None:
            raise ValidationError(
                f"--where {text!r}: expected FIELD<op>VALUE, with <op> one of = != > >= < <= ~",
                field="where",
            )
        name, operator, value = match.groups()
        try:
            check_field_name(name)
        except ValidationError as exc:
            raise ValidationError(f"--where {text!r}: {exc}", field="where") from None
        clause = _OPERATORS[operator](F(name), value)
        condition = clause if condition is None else condition & clause
    return condition


def parse_fields(text: str | None) -> list[str] | None:
    """Split ``--fields a,b`` into names (blank items dropped); ``None`` when not given.

    Example:
        ```python
        parse_fields("sourcedId, givenName")   # ["sourcedId", "givenName"]
        ```

    """
    if text is None:
        return None
    names = [name.strip() for name in text.split(",") if name.strip()]
    if not names:
        raise ValidationError("--fields needs at least one field name", field="fields")
    return names


# -- errors -----------------------------------------------------------------------------------


def exit_code_for(exc: BaseException) -> int:
    """Return the exit status for an exception (see ``EXIT_CODES``).

    Example:
        ```python
        exit_code_for(NotFound("gone", status_code=404, method="GET", url="u"))   # 4
        ```

    """
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(exc, ValidationError):
        return EXIT_USAGE
    if isinstance(exc, Unauthorized | Forbidden):
        return EXIT_AUTH
    if isinstance(exc, NotFound):
        return EXIT_NOT_FOUND
    if isinstance(exc, TransportError):
        return EXIT_NETWORK
    if isinstance(exc, OneRosterError):
        return EXIT_API
    if isinstance(exc, OSError):
        return EXIT_LOCAL_IO
    return 1


_MIN_SECRET = 4


# The library names its keyword arguments; a command-line user typed flags.
_ARGUMENTS = (
    (re.compile(r"\border_by\b=?"), "--order"),
    (re.compile(r"(?<![-\w])(where|filter|sort|fields|search|limit|offset)=(?!\w)"), r"--\1"),
    (re.compile(r"^(fields|sort|search|limit|offset|where|filter)\b(?=[: ])"), r"--\1"),
)


def flag_names(message: str) -> str:
    """Rewrite the library's argument names in a message as the flags a command-line user typed.

    Example:
        ```python
        flag_names("pass either where= or filter=, not both")   # "pass either --where or --filter, not both"
        ```

    """
    for pattern, flag in _ARGUMENTS:
        message = pattern.sub(flag, message)
    return message


def _one_line(message: str, secrets: Sequence[str]) -> str:
    for secret in secrets:
        # The library already redacts; this is the last line of defence for anything echoed back.
        # (A secret of a few characters would mask innocent text, and is no secret anyway.)
        if len(secret) >= _MIN_SECRET:
            message = message.replace(secret, "***")
    return " ".join(message.split())


@contextlib.contextmanager
def _guard(settings: Settings) -> Iterator[None]:
    """Turn library errors into ``error: ...`` on stderr and an exit status; never a traceback."""
    try:
        yield
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        typer.echo("error: interrupted", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from complaining at exit.
        with contextlib.suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(EXIT_OK) from None
    except (OneRosterError, OSError) as exc:
        text = str(exc) or type(exc).__name__
        if isinstance(exc, OSError) and not isinstance(exc, OneRosterError):
            text = f"{exc.strerror or exc}: {exc.filename}" if exc.filename else str(exc)
        if isinstance(exc, ValidationError):
            text = flag_names(text)
        typer.echo(f"error: {_one_line(text, settings.secrets())}", err=True)
        raise typer.Exit(exit_code_for(exc)) from None


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_object(Settings)
    return obj if obj is not None else Settings()


def _stderr_console() -> Console | None:
    """Return a stderr console if stderr is a terminal: progress bars are for people, not logs."""
    console = Console(stderr=True)
    return console if console.is_terminal else None


@contextlib.contextmanager
def _output(out: Path | None) -> Iterator[IO[str]]:
    """Stdout, or ``out`` written through a ``.part`` file renamed into place on success."""
    if out is None:
        yield sys.stdout
        return
    part = out.with_name(out.name + ".part")
    handle = part.open("w", encoding="utf-8", newline="")
    try:
        yield handle
    except BaseException:
        handle.close()
        part.unlink(missing_ok=True)
        raise
    handle.close()
    os.replace(part, out)


# -- shared option types ----------------------------------------------------------------------

WhereOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--where",
        "-w",
        metavar="FIELD<OP>VALUE",
        help="Filter: FIELD=VALUE, FIELD!=VALUE, FIELD~VALUE (contains), >, >=, <, <=. Repeat to AND them.",
    ),
]
FilterOpt = Annotated[
    str | None,
    typer.Option("--filter", metavar="RAW", help="A raw OneRoster filter string (instead of --where)."),
]
FieldsOpt = Annotated[
    str | None, typer.Option("--fields", metavar="A,B", help="Only these fields (comma-separated).")
]
OutOpt = Annotated[
    Path | None,
    typer.Option("--out", "-o", metavar="FILE", dir_okay=False, help="Write to FILE instead of stdout."),
]


class _Order(enum.StrEnum):
    ASC = "asc"
    DESC = "desc"


IdArg = Annotated[str, typer.Argument(metavar="ID", help="The record's sourcedId.")]


@dataclass(frozen=True)
class _ListOptions:
    where: list[str] | None = None
    filter_: str | None = None
    fields: str | None = None
    sort: str | None = None
    order: _Order | None = None
    search: str | None = None
    limit: int | None = None
    offset: int = 0
    all_: bool = False
    format_: Format | None = None
    out: Path | None = None


def _kw(name: str, annotation: Any, default: Any) -> inspect.Parameter:
    return inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation)


_LIST_PARAMETERS = (
    _kw("where", WhereOpt, None),
    _kw("filter_", FilterOpt, None),
    _kw("fields", FieldsOpt, None),
    _kw("sort", Annotated[str | None, typer.Option("--sort", metavar="FIELD", help="Sort by FIELD.")], None),
    _kw("order", Annotated[_Order | None, typer.Option("--order", help="Sort order (needs --sort).")], None),
    _kw(
        "search",
        Annotated[str | None, typer.Option("--search", metavar="TEXT", help="Free-text search.")],
        None,
    ),
    _kw(
        "limit",
        Annotated[
            int | None,
            typer.Option(
                "--limit", min=1, metavar="N", help="Page size; with --all, the most records to fetch."
            ),
        ],
        None,
    ),
    _kw(
        "offset",
        Annotated[int, typer.Option("--offset", min=0, metavar="N", help="Start at this offset.")],
        0,
    ),
    _kw("all_", Annotated[bool, typer.Option("--all", help="Fetch every page (streamed).")], False),
    _kw(
        "format_",
        Annotated[
            Format | None,
            typer.Option("--format", "-f", help="Output format (default: from --out's suffix, else table)."),
        ],
        None,
    ),
    _kw("out", OutOpt, None),
)

_CONTEXT_PARAMETER = inspect.Parameter(
    "ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context
)


def _check_list_flags(opts: _ListOptions) -> None:
    if opts.where and opts.filter_ is not None:
        raise ValidationError("pass either --where or --filter, not both", field="filter")
    if opts.order is not None and opts.sort is None:
        raise ValidationError("--order needs --sort (the field to sort by)", field="order_by")


def _run_list(
    ctx: typer.Context,
    *,
    what: str,
    open_listing: Callable[[OneRoster], Any],
    opts: _ListOptions,
    schema: str | None = None,
) -> None:
    settings = _settings(ctx)
    with _guard(settings):
        _check_list_flags(opts)
        condition = parse_where(opts.where or [])
        fields = parse_fields(opts.fields)
        fmt = opts.format_ or format_for_path(str(opts.out) if opts.out else None)
        query: dict[str, Any] = {
            "where": condition,
            "filter": opts.filter_,
            "sort": opts.sort,
            "order_by": opts.order.value if opts.order else None,
            "fields": fields,
            "search": opts.search,
        }
        build_filter(where=condition, filter=opts.filter_)
        with build_client(settings) as client, _output(opts.out) as stream:
            listing = open_listing(client)
            # A CSV header is written before the first record: it lists every field of the model.
            columns = list(SCHEMA_FIELDS.get(schema or "", {})) or None
            writer = make_writer(fmt, stream, fields=fields, title=what, columns=columns)
            if opts.all_:
                with progress_bar(what, console=_stderr_console()) as bar:
                    for record in stream_records(
                        listing,
                        **query,
                        start_offset=opts.offset,
                        max_items=opts.limit,
                        on_page=lambda page: bar.total(page.total),
                    ):
                        writer.write(to_record_dict(record))
                        bar.advance()
            else:
                page = listing.list(**query, limit=opts.limit, offset=opts.offset)
                for record in page.data:
                    writer.write(to_record_dict(record))
            writer.close()
        if opts.out is not None:
            typer.echo(f"wrote {writer.count} records to {opts.out}", err=True)


def _list_command(
    *,
    what: str,
    open_listing: Callable[[OneRoster, tuple[str, ...]], Any],
    ids: Sequence[str],
    doc: str,
    schema: str | None = None,
) -> Callable[..., None]:
    """Build a list command whose arguments are ``ids`` (metavars) followed by the list options."""
    id_names = [f"id_{index}" for index in range(len(ids))]

    def command(ctx: typer.Context, **kwargs: Any) -> None:
        values = tuple(kwargs.pop(name) for name in id_names)
        _run_list(
            ctx,
            what=what,
            open_listing=lambda client: open_listing(client, values),
            opts=_ListOptions(**kwargs),
            schema=schema,
        )

    id_parameters = [
        _kw(
            name, Annotated[str, typer.Argument(metavar=metavar, show_default=False)], inspect.Parameter.empty
        )
        for name, metavar in zip(id_names, ids, strict=True)
    ]
    command.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [_CONTEXT_PARAMETER, *id_parameters, *_LIST_PARAMETERS]
    )
    command.__doc__ = doc
    return command


def _dash(name: str) -> str:
    return name.strip("_").replace("_", "-")


def _read_record(path: str, *, key: str) -> dict[str, Any]:
    try:
        text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"cannot read {path}: {exc.strerror or exc}", field="file") from None
    try:
        data = json.loads(text)
    except ValueError as exc:
        source = "stdin" if path == "-" else path
        raise ValidationError(f"{source} is not valid JSON: {exc}", field="file") from None
    if isinstance(data, dict) and set(data) == {key} and isinstance(data[key], dict):
        data = data[key]  # the API's own envelope ({"user": {...}}) is accepted too
    if not isinstance(data, dict):
        raise ValidationError(f"{path} must hold one JSON object (the record)", field="file")
    return data


def _status_of(record: object) -> str | None:
    status = getattr(record, "status", None)
    value = getattr(status, "value", status)
    return value if isinstance(value, str) else None


def _resource_app(spec: ResourceSpec) -> typer.Typer:
    dash = _dash(spec.name)
    sub = typer.Typer(no_args_is_help=True, help=f"The {dash} collection.")
    sub.command("list")(
        _list_command(
            what=dash,
            open_listing=lambda client, ids: getattr(client, spec.name),
            ids=(),
            doc=f"List {dash}: one page, or every page with --all.",
            schema=spec.schema,
        )
    )

    @sub.command("get")
    def get(
        ctx: typer.Context,
        sourced_id: IdArg,
        fields: FieldsOpt = None,
        format_: Annotated[
            Format | None, typer.Option("--format", "-f", help="Output format (default: json).")
        ] = None,
        out: OutOpt = None,
    ) -> None:
        """Fetch one record by sourcedId."""
        settings = _settings(ctx)
        with _guard(settings):
            names = parse_fields(fields)
            fmt = format_ or format_for_path(str(out) if out else None, default=Format.JSON)
            with build_client(settings) as client:
                record = getattr(client, spec.name).get(sourced_id, fields=names)
            with _output(out) as stream:
                write_single(to_record_dict(record), fmt=fmt, stream=stream, fields=names)

    @sub.command("exists")
    def exists(
        ctx: typer.Context,
        sourced_id: IdArg,
        include_deleted: Annotated[
            bool,
            typer.Option("--include-deleted", help="Count a record marked tobedeleted as existing."),
        ] = False,
    ) -> None:
        """Exit 0 if the record exists, 1 if it does not (or is marked tobedeleted)."""
        settings = _settings(ctx)
        with _guard(settings):
            with build_client(settings) as client:
                try:
                    record = getattr(client, spec.name).get(sourced_id, fields=["sourcedId", "status"])
                except NotFound:
                    record = None
            status = _status_of(record)
            # A OneRoster delete is a soft delete: to a script, a tobedeleted record is gone.
            if record is None or (status == "tobedeleted" and not include_deleted):
                typer.echo("not found" if record is None else "tobedeleted", err=True)
                raise typer.Exit(EXIT_ABSENT)
            typer.echo("exists" + (" (tobedeleted)" if status == "tobedeleted" else ""), err=True)

    if spec.put_ops:

        @sub.command("upsert")
        def upsert(
            ctx: typer.Context,
            sourced_id: IdArg,
            file: Annotated[
                str,
                typer.Option(
                    "--file", "-F", metavar="FILE", help="JSON file with the record, or - for stdin."
                ),
            ],
        ) -> None:
            """Create or replace the record with this sourcedId (PUT)."""
            settings = _settings(ctx)
            with _guard(settings):
                record = _read_record(file, key=spec.single_key)
                with build_client(settings) as client:
                    stored = getattr(client, spec.name).upsert(sourced_id, record)
                if stored is not None:
                    write_single(to_record_dict(stored), fmt=Format.JSON, stream=sys.stdout, fields=None)
                typer.echo(f"upserted {dash} {sourced_id}", err=True)

    if spec.delete_ops:

        @sub.command("delete")
        def delete(ctx: typer.Context, sourced_id: IdArg) -> None:
            """Delete the record (providers mark it tobedeleted)."""
            settings = _settings(ctx)
            with _guard(settings):
                with build_client(settings) as client:
                    getattr(client, spec.name).delete(sourced_id)
                typer.echo(f"deleted {dash} {sourced_id}", err=True)

    for key, route in ROUTES.items():
        prefix, *middle, last = key.split(".")
        if prefix != spec.name:
            continue
        metavars = [param.removesuffix("_sourced_id").upper() + "_ID" for param in route.params]
        name = "-".join(_dash(part) for part in (*middle, last))
        sub.command(name)(
            _list_command(
                what=f"{dash} {name}",
                open_listing=_route_opener(prefix, tuple(middle), last),
                ids=metavars,
                doc=f"List the {_dash(last)} of {' '.join(metavars)} ({key.replace('_.', '.')}).",
                schema=route.model,
            )
        )
    return sub


def _route_opener(
    prefix: str, middle: tuple[str, ...], last: str
) -> Callable[[OneRoster, tuple[str, ...]], Any]:
    def open_listing(client: OneRoster, ids: tuple[str, ...]) -> Any:
        scope = getattr(client, prefix)(ids[0])
        for part, sourced_id in zip(middle, ids[1:], strict=True):
            scope = getattr(scope, part)(sourced_id)
        return getattr(scope, last)

    return open_listing


_MAX_ISSUES = 50


def _print_import_report(report: ImportReport, *, track: Path) -> None:
    """Print the final report on stderr: one line per file, then the rows not written, with file:line."""
    verb = "would be" if report.dry_run else "were"
    if report.resumed:
        typer.echo(f"resumed from {track}: {report.resumed} row(s) were already done", err=True)
    for name, counts in report.files.items():
        parts = [f"{value} {label}" for label, value in vars(counts).items() if value]
        typer.echo(f"{name}.csv: {', '.join(parts) or 'no rows'}", err=True)
    for name, reason in report.unsupported.items():
        typer.echo(f"warning: {name}.csv: {reason}", err=True)
    for change in report.changes:
        file, line, sourced_id, outcome = change
        typer.echo(f"{file}.csv:{line}: {sourced_id}: {verb} {outcome}", err=True)
    for issue in report.issues[:_MAX_ISSUES]:
        typer.echo(str(issue), err=True)
    if len(report.issues) > _MAX_ISSUES:
        typer.echo(f"... and {len(report.issues) - _MAX_ISSUES} more rows not written", err=True)
    if report.issues and not report.dry_run:
        typer.echo(f"the checkpoint {track} remembers the rows done: fix the rest and run again", err=True)


def _load_sandbox_main() -> Callable[[list[str]], int | None]:
    """Import ``oneroster.sandbox.__main__.main`` (lazily: the sandbox needs starlette/uvicorn)."""
    try:
        module = importlib.import_module("oneroster.sandbox.__main__")
    except ImportError as exc:
        raise ValidationError(
            f"the sandbox is not available ({exc}); install oneroster-client[sandbox]", field="sandbox"
        ) from None
    main: Callable[[list[str]], int | None] = module.main
    return main


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"oneroster {oneroster.__version__}")
        raise typer.Exit()


def build_app() -> typer.Typer:
    """Build the ``oneroster`` typer application from ``RESOURCES`` and ``ROUTES``.

    Example:
        ```python
        from typer.testing import CliRunner

        CliRunner().invoke(build_app(), ["--help"])
        ```

    """
    root = typer.Typer(
        name="oneroster",
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        help="Read and write a OneRoster 1.2 provider from the command line.",
    )

    @root.callback()
    def connection(
        ctx: typer.Context,
        base_url: Annotated[
            str | None,
            typer.Option(
                "--base-url", envvar="ONEROSTER_BASE_URL", show_default=False, help="Provider host URL."
            ),
        ] = None,
        client_id: Annotated[
            str | None, typer.Option("--client-id", envvar="ONEROSTER_CLIENT_ID", show_default=False)
        ] = None,
        client_secret: Annotated[
            str | None,
            typer.Option(
                "--client-secret",
                envvar="ONEROSTER_CLIENT_SECRET",
                show_default=False,
                help="Prefer the environment variable: options show up in shell history and ps.",
            ),
        ] = None,
        token_url: Annotated[
            str | None, typer.Option("--token-url", envvar="ONEROSTER_TOKEN_URL", show_default=False)
        ] = None,
        token: Annotated[
            str | None,
            typer.Option(
                "--token", envvar="ONEROSTER_TOKEN", show_default=False, help="A static bearer token."
            ),
        ] = None,
        profile: Annotated[
            str | None,
            typer.Option(
                "--profile",
                envvar="ONEROSTER_PROFILE",
                show_default=False,
                help="ims (default), timeback, timeback-platform, v1p1, or a file saved by 'probe --save'.",
            ),
        ] = None,
        dialect: Annotated[
            str | None,
            typer.Option(
                "--dialect",
                envvar="ONEROSTER_DIALECT",
                show_default=False,
                help="What the provider can express, overriding the profile's: full, baseline, timeback, "
                "timeback-platform or edfi.",
            ),
        ] = None,
        page_size: Annotated[
            int | None, typer.Option("--page-size", min=1, help="Records per request when paging.")
        ] = None,
        version: Annotated[
            bool, typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version.")
        ] = False,
    ) -> None:
        ctx.obj = Settings(
            base_url=base_url,
            client_id=client_id,
            client_secret=client_secret,
            token_url=token_url,
            token=token,
            profile=profile,
            page_size=page_size,
            dialect=dialect,
        )

    for spec in RESOURCES:
        root.add_typer(_resource_app(spec), name=_dash(spec.name), help=f"The {_dash(spec.name)} collection.")

    @root.command("export")
    def export(
        ctx: typer.Context,
        out: Annotated[
            Path,
            typer.Option(
                "--out",
                "-o",
                metavar="DIR",
                file_okay=False,
                help="Directory to create (must be new or empty).",
            ),
        ],
        where: WhereOpt = None,
        filter_: FilterOpt = None,
        since: Annotated[
            str | None,
            typer.Option(
                "--since",
                metavar="DATETIME",
                help="A delta bundle: records changed after DATETIME (ISO 8601), tobedeleted ones included.",
            ),
        ] = None,
        force: Annotated[
            bool, typer.Option("--force", help="Replace DIR if it holds a previous bundle.")
        ] = False,
        with_passwords: Annotated[
            bool, typer.Option("--with-passwords", help="Fill the password columns (blank by default).")
        ] = False,
    ) -> None:
        """Write a OneRoster 1.2 CSV bundle (manifest.csv + one file per collection) to DIR."""
        settings = _settings(ctx)
        with _guard(settings):
            if where and filter_ is not None:
                raise ValidationError("pass either --where or --filter, not both", field="filter")
            condition = parse_where(where or [])
            build_filter(where=condition, filter=filter_)
            with build_client(settings) as client:
                options: dict[str, Any] = {
                    "out_dir": out,
                    "where": condition,
                    "filter": filter_,
                    "since": since,
                    "force": force,
                    "include_passwords": with_passwords,
                }
                console = _stderr_console()
                if console is None:
                    report = export_bundle(client, **options)
                else:
                    with ExportBars(console=console) as bars:
                        report = export_bundle(client, **options, progress=bars)
            for resource, reason in report.skipped.items():
                typer.echo(
                    f"warning: skipped {_dash(resource)}: {_one_line(reason, settings.secrets())}", err=True
                )
            for name, count in report.dropped.items():
                examples = "; ".join(report.dropped_examples.get(name, []))
                typer.echo(
                    f"warning: left out {count} {name}.csv row(s) whose references are not in the bundle "
                    f"(tobedeleted or filtered out), e.g. {examples}",
                    err=True,
                )
            files = (
                ", ".join(f"{name}.csv ({report.rows[name]})" for name in report.written) or "no data files"
            )
            typer.echo(f"wrote {report.mode} bundle {out}: manifest.csv, {files}", err=True)

    csv_app = typer.Typer(no_args_is_help=True, help="OneRoster CSV bundles: check them.")
    root.add_typer(csv_app, name="csv", help="OneRoster CSV bundles: check them.")

    @csv_app.command("validate")
    def csv_validate(
        ctx: typer.Context,
        bundle: Annotated[
            Path, typer.Argument(metavar="DIR|ZIP", help="The bundle: a directory or a zip file.")
        ],
        max_problems: Annotated[
            int, typer.Option("--max-problems", min=1, metavar="N", help="List at most N problems.")
        ] = 1000,
    ) -> None:
        """Check a bundle against the OneRoster 1.2 CSV binding; exit 8 if it has errors."""
        settings = _settings(ctx)
        with _guard(settings):
            result = validate_bundle(bundle, max_problems=max_problems)
            for line in iter_problems(result):
                typer.echo(line)
            rows = sum(result.rows.values())
            summary = f"{len(result.errors)} error(s), {len(result.warnings)} warning(s) in {rows} rows"
            typer.echo(f"{bundle}: {'valid' if result.ok else 'invalid'}: {summary}", err=True)
            if not result.ok:
                raise typer.Exit(EXIT_INCOMPLETE)

    @root.command("import")
    def import_(
        ctx: typer.Context,
        bundle: Annotated[
            Path, typer.Argument(metavar="BUNDLE", help="The bundle: a directory or a zip file.")
        ],
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Compare with the provider and report; send nothing.")
        ] = False,
        concurrency: Annotated[
            int,
            typer.Option("--concurrency", "-j", min=1, max=64, metavar="N", help="Writes in flight at once."),
        ] = 8,
        checkpoint: Annotated[
            Path | None,
            typer.Option(
                "--checkpoint",
                metavar="FILE",
                dir_okay=False,
                help="Records finished rows, to resume after a crash (default: BUNDLE.checkpoint).",
            ),
        ] = None,
    ) -> None:
        """Push a OneRoster CSV bundle into the provider (upserts, in dependency order, resumable)."""
        settings = _settings(ctx)
        with _guard(settings):
            track = checkpoint or bundle.with_name(bundle.name.rstrip("/") + ".checkpoint")
            with build_client(settings) as client:
                options: dict[str, Any] = {
                    "dry_run": dry_run,
                    "concurrency": concurrency,
                    "checkpoint": track,
                }
                console = _stderr_console()
                if console is None:
                    report = import_bundle(client, bundle, **options)
                else:
                    with ExportBars(console=console) as bars:
                        report = import_bundle(client, bundle, **options, progress=bars)
            _print_import_report(report, track=track)
            if not report.ok:
                raise typer.Exit(EXIT_INCOMPLETE)

    @root.command(
        "sandbox",
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
        add_help_option=False,
    )
    def sandbox(ctx: typer.Context) -> None:
        """Run the local sandbox provider (all arguments are passed on; try: oneroster sandbox --help)."""
        settings = _settings(ctx)
        with _guard(settings):
            main = _load_sandbox_main()
            code = main(list(ctx.args))
        raise typer.Exit(code or 0)

    @root.command("probe")
    def probe(
        ctx: typer.Context,
        save: Annotated[
            Path | None,
            typer.Option("--save", metavar="FILE", dir_okay=False, help="Write the profile found as JSON."),
        ] = None,
    ) -> None:
        """Find the provider's roots and query dialect with read-only calls; print the profile found."""
        settings = _settings(ctx)
        with _guard(settings), build_client(settings) as client:
            report = client.probe()
            typer.echo(str(report))
            if save is not None:
                report.profile.save(save)
                typer.echo(
                    f"saved {save}: use it with --profile {save} or ONEROSTER_PROFILE={save}", err=True
                )

    return root


app = build_app()


def run(*, argv: Sequence[str] | None = None) -> None:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); exits the process.

    Example:
        ```python
        run(argv=["users", "list", "--limit", "5"])
        ```

    """
    app(args=list(argv) if argv is not None else None, prog_name="oneroster")
