"""Event lexicon: the per-language data files load whole, and phrases match the parse."""
from __future__ import annotations

import pytest

from dateline import plover
from dateline.stages.events.lexicon import build, lexicon, phrase

# The argument lists every event lexicon must give (dateline/stages/events/actors.py and friends read them).
ARGUMENT_KEYS = ("recipient_prepositions", "agent_prepositions", "partner_prepositions", "between_prepositions",
                 "locative_prepositions", "light_verbs", "reversal_nouns", "complementizers", "occurrence_verbs",
                 "attribution_prepositions", "target_prepositions", "things", "quantity_nouns", "frame_nouns",
                 "weak_threats", "obligation_words", "generic_mode_words", "owner_prepositions",
                 "direction_prepositions")


@pytest.mark.parametrize("language", ["en", "fr", "ru"])
def test_each_event_lexicon_has_every_argument_list_and_only_plover_types(language: str) -> None:
    lex = lexicon(language)
    assert lex is not None
    missing = [key for key in ARGUMENT_KEYS if key not in lex.args]
    assert not missing, missing
    types = set(plover.types())
    assert {e.type for entries in lex.verbs.values() for e in entries} <= types
    assert {r.source for r in lex.retypes} <= types
    assert {r.target for r in lex.retypes} <= types | {""}


def test_a_key_written_under_a_retype_header_is_refused() -> None:
    data = {"triggers": {"ASSAULT": {"verbs": ["attack"]}},
            "retype": [{"from": "ASSAULT", "to": "COERCE", "objects": ["server"], "light_verbs": ["hold"]}]}
    with pytest.raises(ValueError, match="light_verbs"):
        build(data, "xx")


def test_a_phrase_drops_a_leading_reflexive_and_splits_elisions() -> None:
    assert phrase("s'apprêter à") == ("apprêter", "à")
    assert phrase("mandat d'arrêt") == ("mandat", "d'", "arrêt")


def test_a_language_without_a_lexicon_has_none() -> None:
    assert lexicon("de") is None
