"""Recraft requests onto the engine."""

from __future__ import annotations

import base64
import time

from fastapi import Request

from giclee.api.recraft.protocol import (
    Image,
    ImageGenerationRequest,
    ImageGenerationResponse,
    ModelCard,
    ModelList,
)
from giclee.api.shared.delivery import Delivery, Origin, deliver
from giclee.api.shared.translate import build_request
from giclee.api.state import AppState
from giclee.engine.request import ImageFormat

STARTED = int(time.time())


async def generate(
    state: AppState, body: ImageGenerationRequest, http_request: Request
) -> tuple[ImageGenerationResponse, Delivery]:
    request = build_request(
        state.registry,
        body.model,
        prompt=body.prompt,
        size=body.size,
        style=body.style,
        substyle=body.substyle,
        controls=body.controls,
        negative_prompt=body.negative_prompt,
        seed=body.random_seed,
        n=body.n,
        image_format=ImageFormat(body.image_format),
    )
    inline = body.response_format == "b64_json"
    delivery = await deliver(state, request, Origin.of(state, http_request), inline=inline)
    data = [
        Image(
            image_id=image.image_id,
            url=image.url,
            b64_json=base64.b64encode(image.data).decode() if image.data is not None else None,
        )
        for image in delivery.images
    ]
    return ImageGenerationResponse(created=int(time.time()), credits=0, data=data), delivery


def list_models(state: AppState) -> ModelList:
    return ModelList(
        data=[
            ModelCard(
                id=spec.name,
                created=STARTED,
                name=spec.name,
                description=spec.description,
                aliases=spec.aliases,
                output_modalities=["image"],
                license=spec.license,
            )
            for spec in state.registry.specs
        ]
    )
