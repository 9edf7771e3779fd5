"""The distributed crawl: many workers on many machines, on Celery, Redis and PostgreSQL.

    pressroom enqueue ──► jobs, frontier (PostgreSQL) ──► tasks (Redis, the Celery broker)
                                   ▲                              │
                                   │ leases, records,             ▼
                                   │ outcomes            pressroom worker × N (any machine)
                                   └──────────────────── discover: listing/feed/sitemap -> frontier
                                                         fetch_host: one host's releases, one by one:
                                                           fetch -> parse -> record
                                                         politeness: a Redis lease per host

    app.py         the Celery app, its delivery rules and the settings (broker, database, timings)
    tasks.py       the tasks, what a worker process keeps between them, the sweeper of lost tasks
    work.py        one unit of work: discover or fetch a release, idempotent
    politeness.py  per host one request at a time across workers, and the delay (Redis leases)
    jobs.py        jobs, outcomes, dispatch times, claims; per job and host status
    records.py     the records table and `iter_records` (the same dicts as the JSON Lines)
    commands.py    `pressroom worker | enqueue | status`

Nothing here is imported by `pressroom parse` or `pressroom crawl`; the single-process crawl with a
SQLite state stays the default.
"""
