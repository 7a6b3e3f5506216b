"""The playground: a single web page at `/` that drives the public API from the browser."""
