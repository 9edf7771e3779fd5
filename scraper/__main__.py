"""`python -m scraper` is `pressroom`."""

from scraper.cli import run

run()
