from giclee.cli.main import app

app()
