"""The Celery application and its settings: where the broker and the database are, and the
delivery rules every task of the distributed crawl relies on.

    task_acks_late + task_reject_on_worker_lost   a message is acknowledged only after its task ran;
                                                  a worker killed mid-task gives it back to the queue
    worker_prefetch_multiplier = 1                a worker holds no more messages than it runs
    task_ignore_result                            results live in PostgreSQL, not in a result backend

`Settings.resolve(broker, database)` takes the options, else `PRESSROOM_BROKER` /
`PRESSROOM_DATABASE`; the timing knobs (frontier lease, resend, sweep interval) come from
`PRESSROOM_LEASE_SECONDS`, `PRESSROOM_RESEND_AFTER`, `PRESSROOM_SWEEP_EVERY` and `PRESSROOM_GATE_LEASE`
(tests shorten them);
`PRESSROOM_KEY_PREFIX` puts every Redis key of the crawl under a prefix.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from scraper.errors import ScraperError

BROKER_ENV, DATABASE_ENV = "PRESSROOM_BROKER", "PRESSROOM_DATABASE"
DEFAULT_QUEUE = "pressroom"
DISCOVER_TASK = "pressroom.discover"
HOST_TASK = "pressroom.fetch_host"
GATE_PREFIX = "pressroom:"  # Redis keys of the per-host politeness leases


class SetupError(ScraperError):
    """The distributed crawl cannot start: no broker or database given, or one does not answer."""


@dataclass(frozen=True)
class Settings:
    broker: str  # redis://host:port/db
    database: str  # postgresql://host/db?schema=NAME
    queue: str = DEFAULT_QUEUE
    lease_seconds: float = 120.0  # a URL's frontier lease: a task runs at most this long before others may redo it
    resend_after: float = 600.0  # a queued URL whose task was sent this long ago is sent again (a lost message)
    sweep_every: float = 10.0  # seconds between two sweeps for lost tasks (in each worker's main process)
    visibility_timeout: float = 3600.0  # Redis transport: an unacknowledged message is redelivered after this
    gate_lease: float = 10.0  # a host's politeness lease (renewed while its request runs): a dead holder's ends after this
    key_prefix: str = ""  # before every Redis key (broker and gates): several crawls on one Redis database

    @classmethod
    def resolve(cls, broker: str | None = None, database: str | None = None, queue: str | None = None) -> Settings:
        broker = broker or os.environ.get(BROKER_ENV)
        database = database or os.environ.get(DATABASE_ENV)
        if not broker:
            raise SetupError(f"no broker: give --broker redis://HOST:6379/0 or set {BROKER_ENV}")
        if not broker.startswith(("redis://", "rediss://")):
            raise SetupError(f"broker {broker!r}: a Redis URL (redis://HOST:6379/0) is expected")
        if not database:
            raise SetupError(f"no database: give --database postgresql://HOST/DB or set {DATABASE_ENV}")
        if not database.startswith(("postgresql://", "postgres://")):
            raise SetupError(f"database {database!r}: a PostgreSQL URL (postgresql://HOST/DB) is expected")
        return cls(
            broker,
            database,
            queue or DEFAULT_QUEUE,
            lease_seconds=_env_seconds("PRESSROOM_LEASE_SECONDS", cls.lease_seconds),
            resend_after=_env_seconds("PRESSROOM_RESEND_AFTER", cls.resend_after),
            sweep_every=_env_seconds("PRESSROOM_SWEEP_EVERY", cls.sweep_every),
            visibility_timeout=_env_seconds("PRESSROOM_VISIBILITY_TIMEOUT", cls.visibility_timeout),
            gate_lease=_env_seconds("PRESSROOM_GATE_LEASE", cls.gate_lease),
            key_prefix=os.environ.get("PRESSROOM_KEY_PREFIX", ""),
        )

    @property
    def gate_prefix(self) -> str:
        return self.key_prefix + GATE_PREFIX


def _env_seconds(name: str, default: float) -> float:
    text = os.environ.get(name)
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        raise SetupError(f"{name}={text!r} is not a number of seconds") from None
    if not value > 0:
        raise SetupError(f"{name}={text!r} must be above 0")
    return value


def _transport_options(settings: Settings) -> dict[str, object]:
    options: dict[str, object] = {"visibility_timeout": settings.visibility_timeout}
    if settings.key_prefix:
        options["global_keyprefix"] = settings.key_prefix
    return options


def make_app(settings: Settings):  # -> celery.Celery
    """The Celery app of the distributed crawl, with its tasks (scraper/distributed/tasks.py)."""
    from celery import Celery

    from scraper.distributed.tasks import register_tasks

    app = Celery("pressroom", broker=settings.broker, set_as_current=False)
    app.conf.update(
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        task_default_queue=settings.queue,
        task_serializer="json",
        accept_content=["json"],
        broker_connection_retry_on_startup=True,
        broker_connection_max_retries=None,  # a broker restart is waited out, not a reason to quit
        # On a lost broker connection, the running tasks cannot be acknowledged: cancel them (they
        # are delivered again, and they are idempotent) rather than finish work nobody will ack.
        worker_cancel_long_running_tasks_on_connection_loss=True,
        broker_transport_options=_transport_options(settings),
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        task_send_sent_event=False,
    )
    app.pressroom_settings = settings  # type: ignore[attr-defined]
    register_tasks(app)
    return app
