"""Quotes stage: direct, indirect and mixed quotes with their cue and speaker."""
from __future__ import annotations

from typing import Any

import pytest

from dateline.api import make_document
from dateline.pipeline import run_stages
from dateline.settings import Settings


def record_of(text: str, lang: str) -> dict[str, Any]:
    doc = make_document(text.encode(), "<test>", input="text", lang=lang)
    return run_stages(doc, Settings(), until="quotes").to_json()


def quotes_of(text: str, lang: str) -> list[dict[str, Any]]:
    return record_of(text, lang)["quotes"]


def speaker_name(record: dict[str, Any], quote: dict[str, Any]) -> str | None:
    entity = next((e for e in record["entities"] if e["id"] == quote["speaker"]), None)
    return entity["name"] if entity else None


def only_quote(text: str, lang: str) -> tuple[dict[str, Any], dict[str, Any]]:
    record = record_of(text, lang)
    assert len(record["quotes"]) == 1, record["quotes"]
    return record, record["quotes"][0]


@pytest.mark.parametrize("text, lang", [
    ("« Nous ne céderons pas », a déclaré la ministre Claire Dumont.", "fr"),
    ("«\u00a0Nous ne céderons pas\u00a0», a déclaré la ministre Claire Dumont.", "fr"),
    ("“We will not give in,” said Transport Secretary Claire Dumont.", "en"),
    ('"We will not give in," said Transport Secretary Claire Dumont.', "en"),
    ("„Мы не уступим“, — заявила министр Клэр Дюмон.", "ru"),
    ("«Мы не уступим», — заявила министр Клэр Дюмон.", "ru"),
    ("‹ Nous ne céderons pas ›, a déclaré la ministre Claire Dumont.", "fr"),
])
def test_a_direct_quote_in_any_mark_style_gets_its_cue_and_speaker(text, lang):
    record, quote = only_quote(text, lang)
    assert quote["kind"] == "direct"
    assert record["text"][quote["start"]:quote["end"]] == quote["text"]
    assert not any(mark in quote["text"] for mark in "«»“”„‹›\"")
    assert speaker_name(record, quote) in {"Claire Dumont", "Клэр Дюмон"}


def test_offsets_cover_the_quoted_content_only():
    record, quote = only_quote("Le maire Paul Ferrand a prévenu : « Le pont restera fermé tout l'été. »", "fr")
    assert quote["text"] == "Le pont restera fermé tout l'été."
    assert quote["cue"] == "a prévenu"


def test_a_quote_split_by_its_cue_is_one_quote():
    record, quote = only_quote("« Le pont restera fermé », a déclaré le maire Paul Ferrand, « jusqu'à la fin "
                               "des travaux de consolidation. »", "fr")
    assert quote["text"] == "Le pont restera fermé jusqu'à la fin des travaux de consolidation."
    assert len(quote["parts"]) == 2 and speaker_name(record, quote) == "Paul Ferrand"


def test_an_english_quote_split_by_a_sentence_cue_is_one_quote():
    record, quote = only_quote("“The bridge stays shut,” Mayor Paul Ferrand said on Monday. “It will reopen "
                               "once the repairs are finished.”", "en")
    assert quote["text"].startswith("The bridge stays shut") and quote["text"].endswith("are finished.")


def test_a_quote_running_over_paragraphs_is_one_quote():
    text = ("La directrice du port, Anne Kerbrat, a lu un communiqué : « Les quais seront fermés lundi.\n\n"
            "« Les navires de pêche pourront accoster au bassin nord. »")
    record, quote = only_quote(text, "fr")
    assert "fermés lundi" in quote["text"] and "bassin nord" in quote["text"]
    assert speaker_name(record, quote) == "Anne Kerbrat"


def test_a_cue_set_inside_a_russian_quote_splits_it():
    record, quote = only_quote("«Мы готовы к переговорам, — сказал губернатор Олег Васильев. — Но не на этих "
                               "условиях»", "ru")
    assert quote["text"] == "Мы готовы к переговорам Но не на этих условиях"
    assert speaker_name(record, quote) == "Олег Васильев"


def test_a_line_of_dialogue_is_a_direct_quote():
    record, quote = only_quote("— Nous ne céderons pas, a répondu la maire Sophie Lenoir.", "fr")
    assert quote["text"] == "Nous ne céderons pas" and quote["kind"] == "direct"
    assert speaker_name(record, quote) == "Sophie Lenoir"


@pytest.mark.parametrize("text, lang, content, cue", [
    ("Le procureur Marc Delage a précisé que l'enquête durerait plusieurs mois.", "fr",
     "l'enquête durerait plusieurs mois", "a précisé"),
    ("Prosecutor Mark Dellow told reporters that the inquiry would last several months.", "en",
     "the inquiry would last several months", "told"),
    ("Prosecutor Mark Dellow said the inquiry would last several months.", "en",
     "the inquiry would last several months", "said"),
    ("Прокурор Марк Делов заявил, что расследование продлится несколько месяцев.", "ru",
     "расследование продлится несколько месяцев", "заявил"),
])
def test_an_indirect_clause_is_an_indirect_quote(text, lang, content, cue):
    record, quote = only_quote(text, lang)
    assert (quote["kind"], quote["text"], quote["cue"]) == ("indirect", content, cue)
    assert speaker_name(record, quote) in {"Marc Delage", "Mark Dellow", "Марк Делов"}


@pytest.mark.parametrize("text, lang", [
    ("L'enquête durera plusieurs mois, a indiqué le procureur Marc Delage.", "fr"),
    ("The inquiry will last several months, prosecutor Mark Dellow said.", "en"),
    ("Расследование продлится несколько месяцев, сообщил прокурор Марк Делов.", "ru"),
])
def test_a_cue_after_the_clause_attributes_the_clause_before_it(text, lang):
    record, quote = only_quote(text, lang)
    assert quote["kind"] == "indirect" and quote["text"].split()[0] in {"L'enquête", "The", "Расследование"}
    assert speaker_name(record, quote) in {"Marc Delage", "Mark Dellow", "Марк Делов"}


@pytest.mark.parametrize("text, lang", [
    ("Selon le procureur Marc Delage, l'enquête durera plusieurs mois.", "fr"),
    ("D'après le procureur Marc Delage, l'enquête durera plusieurs mois.", "fr"),
    ("According to prosecutor Mark Dellow, the inquiry will last several months.", "en"),
    ("По словам прокурора Марка Делова, расследование продлится несколько месяцев.", "ru"),
    ("L'enquête durera plusieurs mois, selon le procureur Marc Delage.", "fr"),
])
def test_an_attribution_phrase_attributes_its_clause(text, lang):
    record, quote = only_quote(text, lang)
    assert quote["kind"] == "indirect"
    assert "plusieurs mois" in quote["text"] or "several months" in quote["text"] \
        or "несколько месяцев" in quote["text"]
    assert speaker_name(record, quote) in {"Marc Delage", "Mark Dellow", "Марк Делов"}


def test_an_indirect_clause_with_a_quoted_fragment_is_mixed():
    record, quote = only_quote("La ministre Claire Dumont a estimé que la réforme était « indispensable et "
                               "urgente ».", "fr")
    assert quote["kind"] == "mixed" and "indispensable et urgente" in quote["text"]


def test_a_pronoun_speaker_is_the_person_named_as_subject_before_it():
    text = ("Le président Henri Castel a reçu le syndicaliste Marc Olivier à l'Élysée. "
            "« Le dialogue reprendra dès lundi », a-t-il déclaré.")
    record, quote = only_quote(text, "fr")
    assert quote["speaker_text"] == "il" and speaker_name(record, quote) == "Henri Castel"


def test_a_pronoun_speaker_agrees_in_gender_when_the_text_shows_it():
    text = ("Mme Hélène Dubreuil, directrice de l'usine, a rencontré le délégué Paul Marchal. "
            "« Nous garderons tous les emplois », a-t-elle assuré.")
    record, quote = only_quote(text, "fr")
    assert speaker_name(record, quote) == "Hélène Dubreuil"


def test_a_description_speaker_resolves_to_the_person_named_elsewhere():
    text = ("Le porte-parole du Département d'État, John Kirby, a confirmé l'appel lundi. "
            "La conversation a duré une heure, a précisé le porte-parole du Département d'État.")
    record = record_of(text, "fr")
    quote = next(q for q in record["quotes"] if "une heure" in q["text"])
    assert speaker_name(record, quote) == "John Kirby"


def test_a_floating_quote_paragraph_carries_the_previous_speaker():
    text = ("« Nous avons perdu trois mois de récolte », a déploré l'agriculteur Louis Perrin.\n\n"
            "« Personne ne nous a prévenus avant l'ouverture des vannes. »")
    record = record_of(text, "fr")
    assert len(record["quotes"]) == 2
    first, floating = record["quotes"]
    assert floating["speaker"] == first["speaker"] is not None and floating["cue"] is None


def test_an_unnamed_speaker_keeps_its_words_and_no_entity():
    record, quote = only_quote("The fire started in a storage room, a police spokesman said.", "en")
    assert quote["speaker"] is None and quote["speaker_text"] == "a police spokesman"


def test_a_quote_inside_a_quote_belongs_to_the_outer_speaker():
    text = ("« Le ministre m'a dit : \"nous verrons plus tard\", et rien n'a bougé depuis », a raconté "
            "l'éleveuse Marie Gauthier.")
    record, quote = only_quote(text, "fr")
    assert "nous verrons plus tard" in quote["text"] and speaker_name(record, quote) == "Marie Gauthier"


def test_reported_speech_inside_a_clause_is_not_a_second_quote():
    text = ("Le procureur Marc Delage a indiqué que le suspect a affirmé qu'il était chez lui ce soir-là.")
    record, quote = only_quote(text, "fr")
    assert speaker_name(record, quote) == "Marc Delage"


@pytest.mark.parametrize("text, lang", [
    ("Le gouvernement a présenté une « réforme » que les syndicats jugent vide.", "fr"),
    ("Elle a relu « Les Misérables » pendant l'été, dans la maison familiale.", "fr"),
    ("The former champion, known as “the Iron Man”, retired in 2019 after a long injury.", "en"),
    ("Компания «Северсталь» увеличила выпуск стали на пять процентов.", "ru"),
    ("Le club a vendu son « joyau » au plus offrant, a-t-on appris mardi.", "fr"),
])
def test_scare_quotes_titles_names_and_nicknames_are_not_quotes(text, lang):
    assert quotes_of(text, lang) == []


def test_a_verb_of_thinking_is_not_a_cue():
    assert quotes_of("Le maire Paul Ferrand pense que le pont rouvrira en septembre.", "fr") == []


def test_a_quote_in_a_repeated_paragraph_points_to_the_quote_it_repeats():
    text = ("Le maire Paul Ferrand a annoncé que le pont rouvrira en septembre après des travaux.\n\n"
            "Le maire Paul Ferrand a annoncé que le pont rouvrira en septembre après les travaux.")
    record = record_of(text, "fr")
    assert [q["duplicate_of"] for q in record["quotes"]] == [None, 0]


def test_a_language_without_a_model_still_finds_quoted_speech():
    record = record_of("«Wir geben nicht auf», sagte die Ministerin Clara Weiss am Montag.", "de")
    assert record["quotes"] == [] or record["quotes"][0]["kind"] == "direct"


@pytest.mark.parametrize("text, speaker, cue", [
    ("« Les évacuations continueront », explique-t-il. Le préfet Jean Morel l'avait dit la veille.", None, "explique"),
    ("La ministre Agnès Morin est arrivée à Brest.\n\n« Nous débloquerons dix millions », a-t-elle promis.",
     "Agnès Morin", "a-t-elle promis"),
    ("« Rien n'est décidé », indique-t-on à la préfecture.", None, "indique"),
    ("« On ne lâchera rien », lance un manifestant.", None, "lance"),
    ("« C'est une mesure de prudence », a tenu à préciser le directeur du club, Marc Antoine.", "Marc Antoine",
     "préciser"),
])
def test_french_inverted_and_chained_cues_after_a_quote(text, speaker, cue):
    record = record_of(text, "fr")
    assert len(record["quotes"]) == 1
    quote = record["quotes"][0]
    assert speaker_name(record, quote) == speaker and quote["cue"] == cue


def test_an_appositive_name_with_an_honorific_is_the_speaker():
    record, quote = only_quote("L'avocat de la famille, Me Julien Roux, a indiqué que ses clients allaient porter "
                               "plainte.", "fr")
    assert speaker_name(record, quote) == "Julien Roux"


def test_a_sentence_ends_after_a_closed_quotation_even_when_the_model_runs_on():
    text = ("La secrétaire du syndicat, Nadia Kerouédan, estime que les effectifs « ne suivent plus ». « On nous "
            "demande de faire toujours plus avec moins », résume-t-elle.")
    record = record_of(text, "fr")
    assert [q["kind"] for q in record["quotes"]] == ["mixed", "direct"]
    assert record["quotes"][0]["text"] == "les effectifs « ne suivent plus »"


def test_an_opinion_phrase_opening_the_sentence_attributes_its_quotation():
    record, quote = only_quote("Pour le chef de l'opposition, Yannick Le Bihan, « c'est un tour de passe-passe ».",
                               "fr")
    assert speaker_name(record, quote) == "Yannick Le Bihan" and quote["cue"] == "Pour"


def test_a_generic_noun_for_a_person_named_before_resolves_like_a_pronoun():
    text = ("La maire, Hélène Guivarch, a défendu le budget. « Nous n'augmenterons pas les impôts », a déclaré "
            "l'élue devant l'assemblée.")
    record = record_of(text, "fr")
    quote = next(q for q in record["quotes"] if q["kind"] == "direct")
    assert speaker_name(record, quote) == "Hélène Guivarch"


def test_a_participle_after_a_comma_keeps_the_speaker_of_the_verb_before_it():
    record = record_of("Powell said the labor market remained strong, adding that policymakers would watch "
                       "incoming data closely.", "en")
    assert [q["cue"] for q in record["quotes"]] == ["said", "adding"]
    assert len({q["speaker"] for q in record["quotes"]}) == 1 and record["quotes"][1]["speaker"] is not None


def test_statistics_are_spoken_by_the_organisation_that_issued_them():
    record, quote = only_quote("According to CME Group data, traders now see a 70% chance of a cut in September.",
                               "en")
    assert speaker_name(record, quote) == "CME Group"


def test_a_name_in_quotation_marks_after_the_cue_does_not_continue_the_quote():
    record, quote = only_quote("«Рынок был готов к такому исходу», — сказала аналитик Наталия Орлова «Интерфаксу».",
                               "ru")
    assert quote["text"] == "Рынок был готов к такому исходу"


def test_a_news_agency_credited_in_brackets_is_never_the_speaker():
    record, quote = only_quote("МОСКВА, 12 марта. /ТАСС/. Центральный банк сохранил ставку на уровне 16%, сообщила "
                               "пресс-служба регулятора.", "ru")
    assert speaker_name(record, quote) != "ТАСС"


def test_a_wire_dateline_is_not_part_of_the_reported_clause():
    record, quote = only_quote("ROTTERDAM — Dock workers voted to extend their strike by a week, the union said.",
                               "en")
    assert quote["text"] == "Dock workers voted to extend their strike by a week"


def test_a_second_cue_joined_by_and_starts_a_second_quote():
    record = record_of("The port authority said about 40 ships were waiting and warned that the backlog could "
                       "take weeks to clear.", "en")
    assert [q["cue"] for q in record["quotes"]] == ["said", "warned"]


def test_a_relative_pronoun_speaker_is_the_name_it_follows():
    record, quote = only_quote("La présidente du club, Nathalie Bessière, qui rappelle que l'affluence du jour "
                               "constitue un record, s'est réjouie du résultat.", "fr")
    assert speaker_name(record, quote) == "Nathalie Bessière"


def test_a_bare_definite_description_of_a_person_stands_for_the_person_named_before():
    text = ("L'entraîneur principal, Didier Castaing, a salué ses joueurs.\n\n"
            "Le technicien a reconnu que la conquête avait beaucoup trop reculé en première période.")
    record = record_of(text, "fr")
    quote = next(q for q in record["quotes"] if q["cue"] == "a reconnu")
    assert speaker_name(record, quote) == "Didier Castaing"


def test_a_description_with_its_own_complement_is_someone_else():
    text = ("La préfète Fatima Benslimane s'est rendue sur place.\n\n"
            "Le maire de Saint-Nazaire a annoncé qu'une cellule d'aide psychologique serait ouverte lundi.")
    record = record_of(text, "fr")
    quote = next(q for q in record["quotes"] if q["cue"] == "a annoncé")
    assert quote["speaker"] is None


def test_an_opinion_phrase_attributes_a_plain_clause():
    record, quote = only_quote("Pour le président du département, Jean Arnal, ce résultat illustre une tendance "
                               "plus large.", "fr")
    assert quote["kind"] == "indirect" and speaker_name(record, quote) == "Jean Arnal"


def test_an_opinion_word_before_no_one_attributes_nothing():
    assert quotes_of("Pour la première fois, le club a remporté la coupe régionale.", "fr") == []


def test_a_participle_describing_a_noun_is_not_a_cue():
    assert quotes_of("Le parquet de Bobigny a ouvert une enquête, confiée à la police judiciaire.", "fr") == []


def test_a_name_in_quotation_marks_before_the_cue_does_not_hide_the_speaker():
    record, quote = only_quote("Финансовый директор «Северного алюминия» Ольга Ракитина в ходе конференции заявила: "
                               "«Долговая нагрузка остаётся комфортной»", "ru")
    assert speaker_name(record, quote) == "Ольга Ракитина"


def test_one_of_several_is_an_unnamed_speaker_even_when_someone_holds_that_role():
    text = ("Le médecin-chef, le docteur Pierre Laurent, a décrit une situation difficile.\n\n"
            "L'un des médecins de garde a expliqué que les lits manquaient depuis lundi.")
    record = record_of(text, "fr")
    quote = next(q for q in record["quotes"] if q["cue"] == "a expliqué")
    assert quote["speaker"] is None and quote["speaker_text"].startswith("L'un des médecins")


def test_a_second_cue_joined_by_and_keeps_the_first_speaker():
    record = record_of("The Port of Rotterdam Authority said about 40 ships were waiting at anchor and warned that "
                       "the backlog could take weeks to clear.", "en")
    assert [q["cue"] for q in record["quotes"]] == ["said", "warned"]
    first, second = record["quotes"]
    assert second["speaker_text"] == first["speaker_text"] and "Authority" in first["speaker_text"]


def test_a_headline_is_not_a_quote():
    page = ("« Nous ne céderons pas », promet la maire de Brest\n\n"
            "La maire de Brest, Anne Kerhervé, a présenté mardi le budget de la ville devant le conseil "
            "municipal. Les travaux du port commenceront au printemps, selon le calendrier publié par la mairie.")
    doc = make_document(page.encode(), "<test>", input="page", lang="fr")
    record = run_stages(doc, Settings(), until="quotes").to_json()
    assert "céderons" not in record["text"]  # the headline is kept out of the body (title or chrome)
    assert not any("céderons" in q["text"] for q in record["quotes"])
    assert [q["cue"] for q in record["quotes"]] == ["selon"]
