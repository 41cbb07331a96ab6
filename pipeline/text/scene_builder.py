"""The scene being built as the adapter reads a chapter paragraph by paragraph: its place, how long its opening
still is, and the weather and hour over it, carried on or left behind as the story moves."""
from __future__ import annotations

import dataclasses
import re
from collections import Counter
from dataclasses import dataclass

from pipeline.model.script import Scene
from pipeline.text import weather
from pipeline.text.sentences import split_sentences

# A scene's place is read from its first few sentences of narration; after that a movement
# ("she ran into the street") or an establishing paragraph ("The lobby of the hotel smelled of
# coal smoke") moves the story to a new scene.
OPENING_SENTENCES = 3
# An establishing paragraph opens a new scene only after the last one has gone on this long (or
# had a line of dialogue): two paragraphs describing one place are one scene, not two.
SCENE_RUN_SENTENCES = 5
# sentences of a scene's narration that speak of the same weather as it is now, for it to be the scene's
# weather wherever they fall ("The wind hit her like a wall", "The rain hit the lantern panes")
WEATHER_THROUGHOUT = 3
OUTDOOR_BEDS = ("street", "countryside", "garden", "forest", "shore", "market", "waterfall", "training_ground")
WEATHER = ("rain", "wind", "thunderstorm")
ROOFED_IN_WEATHER = ("car", "carriage")


@dataclass
class SceneBuilder:
    scenes: list
    lines: list
    place: str = ""
    ambience: str | None = None
    known: bool = False              # the scene's place comes from its own words
    opening_left: int = OPENING_SENTENCES
    layers: list = dataclasses.field(default_factory=list)        # from the scene's own words
    unnamed: set = dataclasses.field(default_factory=set)         # scenes whose words named no place
    dark_if_outdoors: set = dataclasses.field(default_factory=set)  # and of those, the ones it is dark in out of doors
    inherited_layers: list = dataclasses.field(default_factory=list)
    # the story went on from a night scene to this place with no break, and its opening says nothing of day
    night_carried: bool = False
    daytime: bool = False
    day_left: int = OPENING_SENTENCES      # sentences of the scene's start that may still say it is day
    carried: list = dataclasses.field(default_factory=list)      # weather brought along from the last place outdoors
    recent: str = ""        # the last few paragraphs, for what a place word means here ("the saloon" of a ferry)
    weather_told: Counter = dataclasses.field(default_factory=Counter)   # sentences telling of each weather now
    weather_inside: bool = False        # and one of them hears it on the building
    stepped_out: object = None          # the narration line that ended on someone going out, while it is the last
    moved_here: bool = False            # the scene began mid-paragraph, someone going there ("got into the car")
    evening: weather.EveningLights = dataclasses.field(default_factory=weather.EveningLights)
    told_by_i: bool = False             # the story is told by one of its people, who goes where it goes

    def layers_now(self) -> list:
        # (the last scene's night is not carried into an opening that says the sun is up)
        layers = self.layers if self.known else [*(l for l in self.inherited_layers if l != "night" or not self.daytime),
                                                 *self.layers]
        # (or an evening hour by the clock and the dark at the window: "By nine o'clock the window over the sink is
        # black", which the towpath the story goes out to next is still in)
        night = ["night"] if (self.night_carried or self.dark()) and not self.daytime else []
        return list(dict.fromkeys([*layers, *night]))

    def dark(self) -> bool:
        """The evening has come on by the clock and the dark is seen, out of doors, or at the window indoors."""
        return self.evening.dark if self.ambience in (*OUTDOOR_BEDS, *ROOFED_IN_WEATHER) else self.evening.dark_outside

    def start_scene(self, time_shift: bool = False) -> None:
        """A new scene keeps the last place (and its weather, unless time moves on) until its words say otherwise."""
        carried = [] if time_shift else self.layers_now() if not self.known else list(self.layers)
        late = not time_shift and "night" in self.layers_now()
        if self.lines or self.scenes:
            self.flush()
        # (a break with no time moved on is the same night: "* * *" then "It was more than raining")
        self.known, self.opening_left, self.daytime = False, OPENING_SENTENCES, False
        self.night_carried = "night" in carried and not time_shift
        self.evening = weather.EveningLights(late=late and not self.night_carried)
        self.moved_here = False
        self.day_left = OPENING_SENTENCES
        self.layers, self.inherited_layers, self.carried = [], list(dict.fromkeys(carried)), []

    def open_at(self, place: str, ambience: str) -> None:
        """An establishing paragraph sets a new scene in a place of its own; its weather is its own opening's,
        and night is still night unless the opening says it is day."""
        # said in the last scene's own words (or the one before a break): night is not carried on and on
        # (or in the one the story went on to without a break: "When I go back into the kitchen" on the night)
        night = "night" in self.layers or (self.dark() and not self.daytime) \
            or (not self.known and not self.lines and "night" in self.inherited_layers) \
            or (self.moved_here and "night" in self.layers_now())
        late = "night" in self.layers_now()
        going_on = self.weather_going_on(ambience)
        self.start_scene()
        self.place, self.ambience, self.known, self.night_carried = place, ambience, True, night
        self.evening = weather.EveningLights(late=late and not night)
        self.layers, self.carried = going_on, going_on

    def weather_going_on(self, ambience: str) -> list:
        """The rain, wind or storm still falling on the next place, when both are out of doors, or on
        the roof of the car the story gets into (out of the rain, or out of a diner with rain at its windows)."""
        # (and out of a building the rain was heard on: "coming down on the roof of St Brigid's" / "The churchyard")
        heard = ambience in OUTDOOR_BEDS and self.weather_inside
        if ambience not in ROOFED_IN_WEATHER and not heard and (self.ambience not in OUTDOOR_BEDS or ambience not in OUTDOOR_BEDS):
            return []
        return [layer for layer in self.layers_now() if layer in WEATHER]

    def has_gone_on(self) -> bool:
        """The scene so far has a line of dialogue or a few sentences of narration, or began with someone going
        there (a drive that the next paragraph ends: "The rain had given over by the time they reached Derrylea")."""
        if self.moved_here or self.has_dialogue():
            return True
        told = 0
        for line in self.lines:
            if line.kind == "narration":
                told += len(split_sentences(line.text))
                if told >= SCENE_RUN_SENTENCES:
                    return True
        return False

    def has_dialogue(self) -> bool:
        return any(line.kind == "dialogue" for line in self.lines)

    def move_to(self, place: str, ambience: str) -> None:
        """The story moves mid-scene: a new scene there, night still night, and out of doors the
        weather still the weather (from the flooded lane to the garden wall in the same rain)."""
        night = "night" in self.layers_now()
        weather = self.weather_going_on(ambience)
        # (the clock read just before goes on with them: "At ten..." and then, out on the pavement, "The streetlights")
        evening = self.evening
        self.flush()
        self.evening = evening
        self.place, self.ambience, self.known = place, ambience, True
        self.layers, self.inherited_layers, self.opening_left, self.carried = weather, [], 0, weather
        self.night_carried, self.daytime, self.day_left = night, False, OPENING_SENTENCES
        self.moved_here = True

    def flush(self) -> None:
        if not self.lines:
            self.evening = weather.EveningLights()
            return
        number = len(self.scenes) + 1
        throughout = [layer for layer, told in self.weather_told.items() if told >= WEATHER_THROUGHOUT
                      and (self.ambience in OUTDOOR_BEDS or self.weather_inside)]
        self.weather_told, self.weather_inside = Counter(), False
        layers = list(dict.fromkeys([*self.layers_now(), *throughout]))
        dark_outdoors = self.evening.dark and not self.daytime
        self.evening = weather.EveningLights()
        self.scenes.append(Scene(scene_id(number, self.ambience, self.place), place=self.place, ambience=self.ambience, lines=tuple(self.lines),
                                 layers=tuple(l for l in layers if l != self.ambience)))
        if not self.known:
            self.unnamed.add(len(self.scenes) - 1)
            if dark_outdoors:
                self.dark_if_outdoors.add(len(self.scenes) - 1)
        self.lines = []


def scene_id(number: int, ambience: str | None, place: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", (ambience or place or "scene").lower()).strip("-")[:24] or "scene"
    return f"s{number}-{slug}"
