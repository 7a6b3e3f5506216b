"""Map composer: a designed fantasy map, as an illustrator would draw one for a book's endpaper.

The sea (or parchment) inside a ruled frame; coastlines from seeded noise with capes and bays, ringed by
shallows and a dashed contour, edged with beach; meadows and darker woods on the land; a mountain range along
a ridge with rivers running from it to the sea; a lake; landmarks (every thing the scene names) joined by
dotted roads, each with a name plate; a compass rose, a legend, a title ribbon; ships and a serpent at sea.
Names come from the scene's texts first, then from `_scenery_names`.

Each stage lives in its own `_map_*` module and works on one shared `Atlas` (`_map_atlas`).
"""

from __future__ import annotations

from giclee.illustrator.compose import _scenery as sc
from giclee.illustrator.compose._map_atlas import LANDS, Atlas
from giclee.illustrator.compose._map_coastline import draw_lands, draw_sea, find_sites, make_lands
from giclee.illustrator.compose._map_furniture import draw_frame, draw_furniture, furniture_boxes
from giclee.illustrator.compose._map_labels import region_names, write_notes
from giclee.illustrator.compose._map_land import draw_mountains, forests, plan_mountains, regions, small_things
from giclee.illustrator.compose._map_landmarks import landmarks, treasure_trail
from giclee.illustrator.compose._map_waters import lakes, rivers, sea_life
from giclee.illustrator.compose._scenery_names import Namer
from giclee.illustrator.compose.base import Canvas
from giclee.illustrator.geometry import Path
from giclee.illustrator.scene import LAYOUTS, Scene

TITLE_KINDS = {"island": "island", "archipelago": "islands", "continent": "continent", "treasure": "treasure"}
"""What a made-up title names, by layout ("Isle of Aven", "The Storm Isles")."""


def compose(scene: Scene, canvas: Canvas) -> None:
    """Draw the map in the order an illustrator inks one: room for the furniture, the coast, what stands on the
    land back to front, life at sea, then every name on top and the frame round it all."""
    atlas = start_atlas(scene, canvas, choose_layout(scene, canvas))
    treasure = atlas.layout == "treasure"
    canvas.set_backdrop("white" if canvas.look.fill == "none" else "cream" if treasure else "sky")
    title = sheet_title(atlas)
    reserved = furniture_boxes(atlas, title)
    atlas.boxes.extend(reserved.values())
    make_lands(atlas, reserved)
    x0, y0, x1, y1 = atlas.frame
    with canvas.pen.grouped(clip=Path.rect(x0, y0, x1 - x0, y1 - y0)):
        draw_sea(atlas)
        draw_lands(atlas)
    find_sites(atlas)
    if atlas.layout == "continent":
        regions(atlas)
    plan_mountains(atlas)
    lakes(atlas)
    rivers(atlas)
    draw_mountains(atlas)
    forests(atlas)
    small_things(atlas)
    if treasure:
        treasure_trail(atlas)
    landmarks(atlas)
    sea_life(atlas)
    region_names(atlas)
    write_notes(atlas)
    draw_frame(atlas)
    draw_furniture(atlas, reserved, title)


def choose_layout(scene: Scene, canvas: Canvas) -> str:
    """The scene's layout, else an archipelago for several islands, else one by seed."""
    if scene.layout in LAYOUTS["map"]:
        return scene.layout
    island = scene.thing("island")
    if island is not None and (island.count or 1) > 1:
        return "archipelago"
    return canvas.rng.choice(("island", "island", "continent", "archipelago"))


def start_atlas(scene: Scene, canvas: Canvas, layout: str) -> Atlas:
    """An empty atlas: the frame just inside the margin, the scene's landmark names queued, the season's lands."""
    m = canvas.margin() * 0.75
    atlas = Atlas(canvas, scene, layout, sc.Wants(scene), Namer(canvas.rng), (m, m, canvas.width - m,
                                                                             canvas.height - m))
    atlas.texts = list(scene.texts[1:])
    atlas.paints = LANDS["treasure" if layout == "treasure" else scene.season or "summer"]
    return atlas


def sheet_title(atlas: Atlas) -> str | None:
    """The scene's first words, else a made-up name (always drawn from the namer, so later names stay the
    same); None when the title is not shown (no labels and no words given)."""
    scene = atlas.scene
    title = scene.texts[0] if scene.texts else atlas.namer.name(TITLE_KINDS[atlas.layout])
    return title if scene.texts or scene.labels else None
