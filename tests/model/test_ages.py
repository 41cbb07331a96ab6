"""Ages the prose gives in years ("is seventy-four years old", "aged nine", "a ten-year-old")."""
import pytest

from pipeline.model.ages import age_in_text


@pytest.mark.parametrize("text, age", [
    ("My aunt came down the shore. Beatrice Marsh is seventy-four years old and walks like a sailor.", "old"),
    ("Beatrice Marsh, aged nine, was the youngest in the school.", "child"),
    ("A ten-year-old Beatrice Marsh stood in the door.", "child"),
    ("Beatrice Marsh was fifteen years old that summer.", "teen"),
    ("Beatrice Marsh was 35 years old and tired of it.", None),
    ("Beatrice Marsh was one of them. Beatrice Marsh was twenty minutes late.", None),
])
def test_an_age_in_years_next_to_the_name(text, age):
    assert age_in_text(text, ["Beatrice Marsh"]) == age
