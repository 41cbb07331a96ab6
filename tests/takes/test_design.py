"""Voice design, the Kokoro half-blends it is made of, and the casting rules."""
from pathlib import Path

import numpy as np
import pytest

from pipeline.core.errors import PipelineError
from pipeline.model.casting import Cast, CastMember, Voice, check_distinct_voices, load_voice, load_voices
from pipeline.takes import design as design_module
from pipeline.model.ages import infer_age, infer_gender
from pipeline.takes.design import voice_file_name

REPO = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- what the text says

@pytest.mark.parametrize("names, age", [
    (["Colonel Brandon"], "adult"), (["Sister Agnes"], "adult"), (["Professor Lupin"], "adult"),
    (["the old man"], "old"), (["Tom", "the little boy"], "child"), (["the boy"], "child"),
    (["Granny Weatherwax"], "old"), (["Ramen cook"], "adult"), (["Konohamaru", "the genin"], "teen"),
    (["Gran"], "old"), (["Nana Rose"], "old"), (["Granda", "Hector"], "old"), (["Mum"], "adult"), (["Nancy"], "adult"),
])
def test_age_comes_from_titles_and_descriptions(names, age):
    assert infer_age(names) == age


def test_gender_comes_from_attribution_first_then_titles():
    assert infer_gender(["Colonel Brandon"], "F") == "F"
    assert infer_gender(["Sister Agnes"]) == "F"
    assert infer_gender(["the old man"]) == "M"
    assert infer_gender(["Kim"]) == "U"


def test_voice_file_names_are_safe_and_unique():
    assert voice_file_name("Old Man Sarutobi", set()) == "old-man-sarutobi"
    assert voice_file_name("Ino", {"ino"}) == "ino-2"
    assert voice_file_name("Ω", set()) == "voice"


# ---------------------------------------------------------------- Kokoro halves

def test_timbre_and_prosody_are_validated(tmp_path):
    path = tmp_path / "v.yaml"
    path.write_text("engine: kokoro\nmodel: kokoro-82m-ja\ntimbre: {jf_nezumi: 0.7, jf_alpha: 0.3}\n"
                    "prosody: {jm_kumo: 1.0}\n")
    assert load_voice(path).speaker == "jf_nezumi:0.7,jf_alpha:0.3|jm_kumo:1"
    for bad, words in (("engine: piper\ntimbre: {jf_nezumi: 1}\n", "engine: kokoro"),
                       ("engine: kokoro\ntimbre: {jf_nezumi: -0.9, jf_alpha: 1.9}\n", "weight"),
                       ("engine: kokoro\nspeaker: jf_alpha\nprosody: {jm_kumo: 1}\n", "not both")):
        path.write_text(bad)
        with pytest.raises(PipelineError) as caught:
            load_voice(path)
        assert str(caught.value).startswith(f"{path}:") and words in str(caught.value)


def test_timbre_sets_the_first_half_of_the_style_and_prosody_the_second():
    from pipeline.engines.kokoro import KokoroEngine
    engine = KokoroEngine()
    split = engine.style("jf_nezumi:0.5,jf_gongitsune:0.5|jm_kumo:1")
    blend = engine.style("jf_nezumi:0.5,jf_gongitsune:0.5")
    kumo = engine.style("jm_kumo")
    assert np.allclose(split[:, :128], blend[:, :128], atol=1e-6)
    assert np.allclose(split[:, 128:], kumo[:, 128:], atol=1e-6)
    beyond = engine.style("jf_nezumi:1.2,jf_gongitsune:-0.2|jf_nezumi:1")
    assert np.allclose(beyond[:, :128], 1.2 * engine.style("jf_nezumi")[:, :128]
                       - 0.2 * engine.style("jf_gongitsune")[:, :128], atol=1e-5)


# ---------------------------------------------------------------- casting rules

def _cast(**members):
    return Cast("narrator", {name: CastMember(**m) for name, m in members.items()}, {})


def test_two_speakers_of_an_episode_may_not_share_a_voice_unless_told():
    cast = _cast(Ann={"voice": "a"}, Bea={"voice": "a"}, Cid={"voice": "c"})
    check_distinct_voices(cast, ["Ann", "Cid"])
    with pytest.raises(PipelineError, match="Ann and Bea both speak"):
        check_distinct_voices(cast, ["Ann", "Bea", "Cid"])
    shared = _cast(Ann={"voice": "a", "shared": True}, Bea={"voice": "a", "shared": True})
    check_distinct_voices(shared, ["Ann", "Bea"])


def test_the_narrators_voice_is_for_the_narrator_and_a_first_person_narrator():
    with pytest.raises(PipelineError, match="narrator's voice"):
        check_distinct_voices(_cast(Ann={"voice": "narrator"}), ["Ann"])
    check_distinct_voices(_cast(Ann={"voice": "narrator", "narrator": True}), ["Ann"])


def test_the_shipped_cast_follows_the_rules_and_its_women_sound_like_women():
    from pipeline.model.casting import load_cast
    voices = load_voices(REPO / "voices")
    cast = load_cast(REPO / "voices" / "cast.yaml", voices)
    check_distinct_voices(cast, list(cast.characters))
    for name, member in cast.characters.items():
        assert voices[member.voice].gender == member.gender, name


# ---------------------------------------------------------------- designing

# every age of both genders, and two grown men: the shipped eight and these eight are a crowded cast
CAST_OF_EIGHT = [("F", "young"), ("M", "adult"), ("F", "adult"), ("M", "old"), ("F", "old"), ("M", "teen"),
                 ("F", "child"), ("M", "adult")]


@pytest.fixture(scope="module")
def designed_cast(tmp_path_factory, session_cache):
    """Eight voices designed one after the other into the shipped cast, each against all before it.
    One speech each, heard with its four sounds (the product screens as many speeches as 15 s
    allow): design accepts a voice only by its own reference, so the limits must hold however
    short the search."""
    from conftest import make_project, share_cache
    project = share_cache(make_project(tmp_path_factory.mktemp("design") / "proj", script=None), session_cache)
    designs = {}
    for index, (gender, age) in enumerate(CAST_OF_EIGHT):
        name = f"designed-{index:02d}"
        designs[name] = design_module.design_and_write(project, name, gender, age, budget_s=0.0, min_candidates=1)
    return project, designs


def test_eight_designed_voices_keep_to_the_limits(designed_cast):
    """Heard again through the ordinary preview path: WER, pitch for the gender, no near duplicates."""
    from pipeline.model.casting import load_casting
    from pipeline.qa.analysis import median_pitch_hz
    from pipeline.qa.recognizer import transcribe, word_error_rate
    from pipeline.takes.render import preview_voices
    from pipeline.core import audio
    project, designs = designed_cast
    voices, _, lexicon = load_casting(project.voices)
    names = sorted(voices)
    paths = preview_voices(voices, names, design_module.DESIGN_TEXT, lexicon, project.voices, project.take_cache,
                           project.output / "preview", workers=1)
    for name, path in zip(names, paths):
        samples, rate = audio.read_wav(path)
        voice = voices[name]
        # every woman, the shipped ones too (Shizune was a man's 143 Hz once), and every grown man
        pitch = median_pitch_hz(samples[:, 0] if samples.ndim == 2 else samples, rate)
        if voice.gender == "F":
            assert pitch >= 165, (name, pitch)
        elif voice.gender == "M" and voice.age in ("adult", "old", None):
            assert pitch <= 165, (name, pitch)
        if name not in designs:
            continue
        heard = transcribe(samples, rate)
        assert word_error_rate(design_module.DESIGN_TEXT, heard) <= 0.5, (name, heard)
        assert voice.design_seed == 0 and not voice.pinned
    # near duplicates as QA and `voices list` see them: the voices' reference embeddings
    from pipeline.qa.voiceprint import voice_references
    references = voice_references(voices, names, project.voices, project.take_cache, workers=1)
    matrix = np.array([references[n] for n in names])
    similarity = matrix @ matrix.T
    np.fill_diagonal(similarity, 0)
    worst = np.unravel_index(similarity.argmax(), similarity.shape)
    assert similarity.max() <= 0.95, (names[worst[0]], names[worst[1]], similarity.max())


def test_a_pinned_or_hand_written_voice_is_not_redesigned(designed_cast):
    project, _ = designed_cast
    with pytest.raises(PipelineError, match="written by hand"):
        design_module.design_and_write(project, "tsunade", "F", "adult")
    path = project.voices / "designed-00.yaml"
    path.write_text(path.read_text().replace("pinned: false", "pinned: true"))
    with pytest.raises(PipelineError, match="pinned"):
        design_module.design_and_write(project, "designed-00", "F", "young")


def test_a_new_character_gets_a_designed_voice_no_one_else_has(cast_project):
    project = cast_project
    from pipeline.model.casting import load_casting
    from pipeline.model.script import load_script
    from pipeline.run.stages import adapt_chapter
    (project.chapters / "ch04.txt").write_text(
        'The old woman Kiyomi set down her tea.\n\n"You are late again," Kiyomi said. "Sit down, child."\n\n'
        '"Sorry," said Sakura. "The market was busy."\n\n"It always is," Kiyomi said with a sigh.\n', encoding="utf-8")
    adapt_chapter(project, 4)
    voices, cast, _ = load_casting(project.voices)
    speakers = {line.speaker for scene in load_script(project.script(4)).scenes for line in scene.lines
                if line.voiced and line.speaker}
    assert "Kiyomi" in speakers, speakers
    member = cast.characters["Kiyomi"]
    voice = voices[member.voice]
    assert voice.design_seed is not None and voice.gender == "F" and member.age == "old"
    users = [name for name, other in cast.characters.items() if other.voice == member.voice]
    assert users == ["Kiyomi"] and member.voice != cast.narrator


def test_the_prose_around_a_name_tells_the_age():
    from pipeline.model.ages import age_in_text
    text = ("The old woman Kiyomi set down her tea. Little Tom ran past. Agnes, an elderly widow, smiled. "
            "Bob looked at the old house.")
    assert [age_in_text(text, [n]) for n in ("Kiyomi", "Tom", "Agnes", "Bob")] == ["old", "child", "old", None]


def test_a_child_the_text_gives_no_gender_gets_a_childs_voice(tmp_path, session_cache):
    """A child of unknown gender ("the kid") was once no voice at all: the neutral adult range
    could not be reached from a child's candidates, and the episode stopped."""
    from conftest import make_project, share_cache
    from pipeline.core import audio
    from pipeline.model.casting import load_casting
    from pipeline.qa.analysis import median_pitch_hz
    from pipeline.takes.render import preview_voices
    project = share_cache(make_project(tmp_path / "proj", script=None), session_cache)
    design_module.design_and_write(project, "the-kid", "X", "child", budget_s=0.0, min_candidates=1)
    voices, _, lexicon = load_casting(project.voices)
    path, = preview_voices(voices, ["the-kid"], design_module.DESIGN_TEXT, lexicon, project.voices,
                           project.take_cache, project.output / "preview", workers=1)
    samples, rate = audio.read_wav(path)
    pitch = median_pitch_hz(samples[:, 0] if samples.ndim == 2 else samples, rate)
    assert 200 <= pitch <= 330, pitch


# ---------------------------------------------------------------- the search's moves

@pytest.mark.parametrize("gender, family", [("F", "kokoro-women"), ("M", "piper-joe")])
def test_one_speech_is_heard_with_several_sounds_each_the_take_a_render_makes(tmp_path, session_cache, gender, family):
    """Size, pitch and EQ come after speaking, so one synthesis makes several candidates. Each
    must be exactly the take the voice renders (design stores it in the take cache as that take);
    piper speaks its best sound again with the take's own seed."""
    from conftest import make_project, share_cache
    from pipeline.core import audio
    from pipeline.model.casting import load_casting
    from pipeline.qa.analysis import median_pitch_hz
    from pipeline.takes.render import preview_voices
    project = share_cache(make_project(tmp_path / "proj", script=None), session_cache)
    rng = np.random.default_rng(4)
    candidates, speak_s = design_module._screen(rng, gender, "adult", None, family, project.voices,
                                                project.take_cache, np.zeros((0, 256)), np.zeros(0))
    assert speak_s > 0
    if family == "piper-joe":
        assert len(candidates) == 1
    else:
        assert len(candidates) >= 3
        assert len({(c.voice.formant_semitones, c.voice.eq.highpass_hz, c.voice.pitch_semitones) for c in candidates}) \
            == len(candidates)
        assert len({(tuple(c.voice.timbre.items()), c.voice.length_scale) for c in candidates}) == 1
    low, high = design_module.pitch_range(gender, "adult")
    _, _, lexicon = load_casting(project.voices)
    # the last: for Kokoro a sound drawn again, not the speech's first
    for index, candidate in enumerate(candidates[-1:]):
        assert low * 0.95 <= median_pitch_hz(candidate.take, design_module.SAMPLE_RATE) <= high * 1.05
        name = f"candidate-{index}"
        path, = preview_voices({name: candidate.voice}, [name], design_module.DESIGN_TEXT, lexicon, project.voices,
                               project.take_cache, tmp_path / "preview", workers=1)
        rendered, rate = audio.read_wav(path)
        assert rate == design_module.SAMPLE_RATE
        assert np.array_equal(rendered[:, 0], audio.as_stored(candidate.take))


def test_voices_of_other_episodes_count_less_but_never_a_near_duplicate():
    closeness = np.array([0.90, 0.90, 0.94])
    slack = np.array([0.0, design_module.APART_SLACK, design_module.APART_SLACK])
    apart = design_module._apart(closeness, slack)
    assert apart[0] == pytest.approx(0.90)                      # heard in the same episode: as near as it is
    assert apart[1] == pytest.approx(0.90 - design_module.APART_SLACK)
    assert apart[2] == pytest.approx(0.94)                      # beyond the guard, a duplicate anywhere


def test_the_voices_that_tell_the_story_count_closer_than_they_are():
    """The narrator's voice speaks most lines of every episode: a voice 0.93 from it (within ACCEPT)
    once had two of a first-person teller's lines heard nearer it, and the episode was not publishable."""
    from pipeline.model.casting import Cast, CastMember, telling_voices
    closeness = np.array([0.85, 0.93, 0.95])
    slack = np.full(3, -design_module.TELLER_MARGIN)
    apart = design_module._apart(closeness, slack)
    assert apart[0] == pytest.approx(0.85 + design_module.TELLER_MARGIN)
    assert apart[1] > design_module.ACCEPT and apart[2] > design_module.NEAR_DUPLICATE
    cast = Cast(narrator="narrator", pool={}, characters={
        "Jean": CastMember(voice="jean", gender="F", narrator=True), "Hector": CastMember(voice="hector", gender="M")})
    assert telling_voices(cast) == {"narrator", "jean"}


def test_the_voices_of_its_own_episode_must_be_farther_than_the_rest_of_the_cast():
    """Two old men 0.85 apart in one episode had three of the shorter one's lines heard nearer
    the other's voice: a voice of the episode within ACCEPT of the new one less its margin is too near."""
    names = ["gerald", "tsunade", "narrator"]
    slack = design_module._slack(names, heard_with={"gerald", "narrator"}, tellers={"narrator"})
    assert slack[0] < 0 < slack[1] and slack[2] <= slack[0]
    weighed = design_module._apart(np.array([0.88, 0.88, 0.80]), slack)
    assert weighed[0] > design_module.ACCEPT            # the episode's own: refused
    assert weighed[1] < design_module.ACCEPT            # another story's: kept
    # no episode known (a voice designed for the cast at large): every voice as near as it is
    assert not design_module._slack(["gerald", "tsunade"], heard_with=None, tellers=()).any()


def test_new_speakers_are_designed_apart_from_the_voices_of_their_episode(tmp_path, monkeypatch):
    """The voices heard in the chapter (the narrator, known speakers, new ones as they come) are
    the ones a new voice must keep farthest from; another story's cast counts less."""
    from pipeline.model.casting import Cast, CastMember
    from pipeline.model.script import load_script
    from pipeline.takes import design
    from pipeline.text import attribution, casting
    path = tmp_path / "ch05.yaml"
    path.write_text("title: t\nscenes:\n- place: a room\n  lines:\n  - Sakura: Hello.\n  - Edna: Good evening.\n"
                    "  - Tomasz: Evening.\n", encoding="utf-8")
    script = load_script(path)
    cast = Cast(narrator="narrator", characters={"Sakura": CastMember(voice="sakura", gender="F"),
                                                  "Naruto": CastMember(voice="naruto", gender="M")}, pool={})
    seen = []

    def designed(cast_, voices, character, aliases, gender="U", age=None, heard_with=None):
        seen.append((character, set(heard_with)))
        return CastMember(voice=character.lower(), gender=gender, aliases=list(aliases))
    monkeypatch.setattr(design, "voice_for_new_character", designed)
    characters = {"Edna": attribution.Character(name="Edna", aliases=(), gender="F"),
                  "Tomasz": attribution.Character(name="Tomasz", aliases=(), gender="M")}
    assert casting.cast_new_speakers(script, characters, cast, {}) == ["Edna", "Tomasz"]
    assert seen == [("Edna", {"narrator", "sakura"}), ("Tomasz", {"narrator", "sakura", "edna"})]


def test_a_producer_redesigning_a_voice_for_a_chapter_keeps_it_apart_from_that_episode(tmp_path, monkeypatch, capsys):
    """`voices design NAME --chapter N` keeps farthest from the voices heard in chapter N."""
    from conftest import make_project
    from pipeline.cli import main
    project = make_project(tmp_path / "proj")
    seen = {}

    def designed(name, gender, age, cast_voices, voices_dir, cache_dir, **options):
        seen.update(options)
        voice = Voice(engine="piper", model="en_US-joe-medium", gender=gender, age=age, name=name, design_seed=0)
        return design_module.Design(voice, "naruto", 0.8, 120.0, 0.1, 2, 9.0)
    monkeypatch.setattr(design_module, "design_voice", designed)
    assert main(["--project", str(project.root), "voices", "design", "ramen-cook", "--gender", "M", "--chapter", "9"]) == 0
    assert seen["heard_with"] == {"narrator", "tsunade", "naruto"} and seen["tellers"] == {"narrator"}
    assert (project.voices / "ramen-cook.yaml").exists()
    assert main(["--project", str(project.root), "voices", "design", "ramen-cook", "--gender", "M", "--chapter", "7"]) != 0
    error = capsys.readouterr().err
    assert "ch07.yaml" in error and "make adapt CH=7" in error and "Traceback" not in error
