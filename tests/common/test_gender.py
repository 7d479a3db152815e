"""Gender: what the text says of a person's gender, and pronoun agreement."""
from __future__ import annotations

from dateline.common.gender import agrees, ending_vote, phrase_gender, pronoun_gender


def test_pronouns_carry_their_gender_and_french_inversion_is_read():
    assert pronoun_gender("-t-elle", "fr") == "f" and pronoun_gender("he", "en") == "m"
    assert pronoun_gender("она", "ru") == "f" and pronoun_gender("they", "en") is None


def test_a_description_shows_its_gender_by_its_words():
    assert phrase_gender("la maire", "fr") == "f" and phrase_gender("son avocat", "fr") == "m"
    assert phrase_gender("the agency spokeswoman", "en") == "f" and phrase_gender("the mayor", "en") is None


def test_russian_endings_vote_by_the_longest_match():
    female, male = ["ова", "ая"], ["ов", "ий"]
    assert ending_vote("Сизова", female, male) == 1 and ending_vote("Сизов", female, male) == -1
    assert ending_vote("Зарецкий", female, male) == -1 and ending_vote("Пак", female, male) == 0


def test_unknown_gender_agrees_with_anything():
    assert agrees("f", None) and agrees(None, "m") and not agrees("f", "m")
