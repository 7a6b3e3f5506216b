"""HTTP routes of the Recraft surface, under `/v1` (OpenAI clients use `base_url=.../v1`)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request, Response

from giclee.api.auth import require_token
from giclee.api.recraft import serving
from giclee.api.recraft.protocol import ImageGenerationRequest, ImageGenerationResponse, ModelList
from giclee.api.state import StateDep

router = APIRouter(prefix="/v1", tags=["Recraft"], dependencies=[Depends(require_token)])


@router.post(
    "/images/generations",
    response_model=ImageGenerationResponse,
    response_model_exclude_none=True,
    summary="Generate images (Recraft / OpenAI style)",
)
async def generate_images(
    body: ImageGenerationRequest, request: Request, response: Response, state: StateDep
) -> ImageGenerationResponse:
    result, delivery = await serving.generate(state, body, request)
    response.headers.update(delivery.headers())
    return result


@router.get("/models", response_model=ModelList, summary="List the served models")
async def list_models(state: StateDep) -> ModelList:
    return serving.list_models(state)
