"""`python -m sixcore`."""

from sixcore.cli import app

app(prog_name="sixcore")
