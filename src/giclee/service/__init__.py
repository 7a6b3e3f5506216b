"""The service layer, between the HTTP adapters (giclee.api) and the engine (the `GenerationBackend` contract).

- `requests`: client fields to a `GenerationRequest`, with the checks only the model can judge (sizes, styles);
- `admission`: the rate limit (`ratelimit`) and a place in the engine's queue, refused at once (429);
- `delivery`: await the generation, encode, store, sign the links;
- `jobs`: background generations, admitted at once and polled later;
- `images_in`: the routes that take an image in: its bytes read (never fetched), decoded in a worker process under
  admission, then the engine or the worker, and delivery;
- `service.Service`: the five, built once per app from the settings.

Nothing here imports FastAPI, Starlette or an ML library: the CLI and the Ray ingress use it as the HTTP routes do,
and every refusal is a `ServiceError` (`errors`) that each caller renders its own way.
"""
