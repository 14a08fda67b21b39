"""The CLI as the report and programme tests run it: through typer's CliRunner, no colour, 120 columns."""

from __future__ import annotations

from click.testing import Result
from typer.testing import CliRunner

from sixcore.cli import app

runner = CliRunner()


def run(*args: str) -> Result:
    return runner.invoke(app, list(args), env={"NO_COLOR": "1", "COLUMNS": "120"})
