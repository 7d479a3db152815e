"""Dates stage: date expressions as spans of the text, resolved against the publication date."""
from __future__ import annotations

import pytest

from dateline.record import Document
from dateline.settings import Settings
from dateline.stages import dates
from dateline.stages.dates import find_dates

WEDNESDAY = "2016-09-28"  # the publication date of most examples: a Wednesday
MONDAY = "2016-09-26"


def values(text: str, language: str | None, published: str | None) -> dict[str, str | None]:
    """Each found span's text and its value."""
    return {d["text"]: d["value"] for d in find_dates(text, language, published)}


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("Ce mercredi, la mairie a rouvert la piscine municipale.", "Ce mercredi", "2016-09-28"),
    ("Le chantier s'est arrêté vendredi dernier faute de béton.", "vendredi dernier", "2016-09-23"),
    ("Le conseil municipal a voté hier le budget du port.", "hier", "2016-09-27"),
    ("Les pompiers sont intervenus il y a deux jours sur la rocade.", "il y a deux jours", "2016-09-26"),
    ("La collecte reprendra mercredi prochain dans tout le quartier.", "mercredi prochain", "2016-10-05"),
    ("La grève a commencé il y a 3 jours à la gare routière.", "il y a 3 jours", "2016-09-25"),
    ("Le marché a fermé ses portes avant-hier.", "avant-hier", "2016-09-26"),
    ("Aujourd’hui, les écoles restent fermées.", "Aujourd’hui", "2016-09-28"),
])
def test_french_relative_expressions_resolve_against_the_publication_date(sentence, span, value):
    assert values(sentence, "fr", WEDNESDAY) == {span: value}


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("The ferry resumed service last Friday after the storm.", "last Friday", "2016-09-23"),
    ("Officials met on Monday to review the budget.", "on Monday", "2016-09-26"),
    ("The mayor spoke this Wednesday at the harbour.", "this Wednesday", "2016-09-28"),
    ("The council will vote next Friday on the plan.", "next Friday", "2016-09-30"),
    ("Rescuers reached the village two days ago.", "two days ago", "2016-09-26"),
    ("The bridge reopened yesterday to light traffic.", "yesterday", "2016-09-27"),
    ("Schools stay closed today across the region.", "today", "2016-09-28"),
    ("The results are expected tomorrow morning.", "tomorrow", "2016-09-29"),
])
def test_english_relative_expressions_resolve_against_the_publication_date(sentence, span, value):
    assert values(sentence, "en", WEDNESDAY) == {span: value}


@pytest.mark.parametrize(("sentence", "span", "value"), [
    ("В прошлую пятницу рабочие закрыли мост на ремонт.", "В прошлую пятницу", "2016-09-23"),
    ("В эту среду в городе открылась новая библиотека.", "В эту среду", "2016-09-28"),
    ("Депутаты обсудили проект в среду вечером.", "в среду", "2016-09-28"),
    ("Голосование пройдёт в следующий вторник.", "в следующий вторник", "2016-10-04"),
    ("Во вторник паром не вышел в море.", "Во вторник", "2016-09-27"),
    ("Выставка закрылась в понедельник.", "в понедельник", "2016-09-26"),
    ("Снег выпал вчера на севере области.", "вчера", "2016-09-27"),
    ("Спасатели нашли туристов два дня назад.", "два дня назад", "2016-09-26"),
    ("Позавчера в порту разгрузили три судна.", "Позавчера", "2016-09-26"),
])
def test_russian_relative_expressions_resolve_in_every_case_form(sentence, span, value):
    assert values(sentence, "ru", WEDNESDAY) == {span: value}


def test_last_weekday_is_strictly_before_the_publication_date():
    assert values("The ferry resumed service last Friday.", "en", MONDAY) == {"last Friday": "2016-09-23"}
    assert values("Le chantier a repris lundi dernier.", "fr", MONDAY) == {"lundi dernier": "2016-09-19"}


def test_this_weekday_is_the_publication_day_when_it_falls_on_it():
    assert values("Ce lundi, la gare a rouvert.", "fr", MONDAY) == {"Ce lundi": MONDAY}


def test_next_weekday_is_strictly_after_the_publication_date():
    assert values("В следующий понедельник начнётся ремонт.", "ru", MONDAY) == {
        "В следующий понедельник": "2016-10-03"}


@pytest.mark.parametrize(("sentence", "language", "span", "value"), [
    ("Le port a accueilli le navire le 28 septembre 2016 au matin.", "fr", "28 septembre 2016", "2016-09-28"),
    ("The ship docked on September 28, 2016 at dawn.", "en", "September 28, 2016", "2016-09-28"),
    ("The ship docked on 5 May 2015 at dawn.", "en", "5 May 2015", "2015-05-05"),
    ("Судно прибыло 28 сентября 2016 года в порт.", "ru", "28 сентября 2016 года", "2016-09-28"),
    ("La réunion du 28/09/2016 a été reportée.", "fr", "28/09/2016", "2016-09-28"),
    ("Совещание 28.09.2016 перенесли.", "ru", "28.09.2016", "2016-09-28"),
    ("The report dated 2016-09-28 was released.", "en", "2016-09-28", "2016-09-28"),
    ("The report dated 09/28/2016 was released.", "en", "09/28/2016", "2016-09-28"),
    ("Le 1er octobre 2016, la ligne a ouvert.", "fr", "1er octobre 2016", "2016-10-01"),
    ("The line opened on Sept. 3, 2016.", "en", "Sept. 3, 2016", "2016-09-03"),
])
def test_absolute_dates_with_a_year_resolve_without_a_publication_date(sentence, language, span, value):
    assert values(sentence, language, None) == {span: value}


def test_an_unknown_publication_date_leaves_relative_dates_null_and_absolute_dates_set():
    text = "Hier, le maire a rappelé l'incendie du 3 mars 2015 ; il y a deux jours, il a visité le site jeudi."
    assert values(text, "fr", None) == {"Hier": None, "3 mars 2015": "2015-03-03",
                                        "il y a deux jours": None, "jeudi": None}


def test_a_day_and_month_without_a_year_take_the_year_of_the_publication():
    assert values("Le festival ouvrira le 14 juillet sur les quais.", "fr", WEDNESDAY) == {"14 juillet": "2016-07-14"}
    assert values("Le festival ouvrira le 14 juillet sur les quais.", "fr", None) == {"14 juillet": None}


def test_a_timestamp_publication_date_is_read_as_its_day():
    assert values("Вчера в городе прошёл митинг.", "ru", "2016-09-28T14:05:00+03:00") == {"Вчера": "2016-09-27"}


def test_a_weekday_before_a_full_date_is_one_span_with_it():
    assert values("Le mercredi 28 septembre 2016, le port a fermé.", "fr", None) == {
        "mercredi 28 septembre 2016": "2016-09-28"}


@pytest.mark.parametrize(("sentence", "language"), [
    ("En 2016, la ville comptait 12 000 habitants.", "fr"),
    ("In 2023 the plant employed 450 people.", "en"),
    ("В 2019 году завод выпустил 300 машин.", "ru"),
    ("© AFP 2021 JEAN MARTIN", "fr"),
    ("Le train part à 10h30 et arrive à 14:45.", "fr"),
    ("The meeting starts at 10:30 in room 28.", "en"),
    ("Le score final est de 3-1, avec 28 tirs.", "fr"),
])
def test_bare_years_times_and_stray_numbers_are_not_dates(sentence, language):
    assert find_dates(sentence, language, WEDNESDAY) == []


def test_may_and_march_are_english_months_only_next_to_a_day_number():
    assert find_dates("Ministers may resign if the vote fails.", "en", WEDNESDAY) == []
    assert find_dates("The troops march 10 miles a day.", "en", WEDNESDAY) == []
    assert find_dates("The election was held in May 2016.", "en", WEDNESDAY) == []
    assert values("The vote is set for May 5.", "en", WEDNESDAY) == {"May 5": "2016-05-05"}


def test_the_russian_word_for_environment_is_not_wednesday():
    assert find_dates("Окружающая среда страдает от выбросов завода.", "ru", WEDNESDAY) == []


def test_an_impossible_date_is_not_a_date():
    assert find_dates("Le 31 février 2016, rien ne s'est passé.", "fr", WEDNESDAY) == []


@pytest.mark.parametrize(("sentence", "language", "span"), [
    ("Ces derniers jours, les prix ont augmenté.", "fr", "Ces derniers jours"),
    ("Prices have risen in recent days.", "en", "in recent days"),
    ("В последние дни цены выросли.", "ru", "В последние дни"),
])
def test_vague_spans_are_dates_with_a_null_value(sentence, language, span):
    assert values(sentence, language, WEDNESDAY) == {span: None}


@pytest.mark.parametrize(("sentence", "language", "expected"), [
    ("El lunes pasado llovió; ayer y hoy también.", "es",
     {"El lunes pasado": "2016-09-26", "ayer": "2016-09-27", "hoy": "2016-09-28"}),
    ("Am Freitag regnete es, gestern auch; morgen nicht.", "de",
     {"Am Freitag": "2016-09-23", "gestern": "2016-09-27", "morgen": "2016-09-29"}),
    ("Venerdì scorso pioveva, ieri e oggi no, domani forse.", "it",
     {"Venerdì scorso": "2016-09-23", "ieri": "2016-09-27", "oggi": "2016-09-28", "domani": "2016-09-29"}),
    ("Na sexta-feira choveu; ontem e hoje não, amanhã talvez.", "pt",
     {"Na sexta-feira": "2016-09-23", "ontem": "2016-09-27", "hoje": "2016-09-28", "amanhã": "2016-09-29"}),
])
def test_spanish_german_italian_and_portuguese_weekdays_and_relative_days_resolve(sentence, language, expected):
    assert values(sentence, language, WEDNESDAY) == expected


def test_the_morning_is_not_tomorrow_in_spanish_and_german():
    assert values("Ayer por la mañana cerró el puerto.", "es", WEDNESDAY) == {"Ayer": "2016-09-27"}
    assert find_dates("Am Morgen war der Hafen geschlossen.", "de", WEDNESDAY) == []


def test_without_a_language_only_digit_dates_are_found():
    assert values("Hier, 28/09/2016, mercredi.", None, WEDNESDAY) == {"28/09/2016": "2016-09-28"}


def test_spans_are_sorted_do_not_overlap_and_their_offsets_give_their_text():
    text = ("Mercredi dernier, le 21 septembre, la digue a cédé. Hier, les secours ont évacué 200 familles ; "
            "ce mercredi 28 septembre 2016, le préfet a visité le site. Il y a deux jours, il avait plu.")
    found = find_dates(text, "fr", WEDNESDAY)
    assert [d["text"] for d in found] == ["Mercredi dernier", "21 septembre", "Hier", "mercredi 28 septembre 2016",
                                          "Il y a deux jours"]
    assert all(text[d["start"]:d["end"]] == d["text"] for d in found)
    assert all(a["end"] <= b["start"] for a, b in zip(found, found[1:]))


def test_the_stage_sets_the_dates_of_the_document():
    doc = Document(text="Le pont a rouvert hier.", language="fr", published=WEDNESDAY)
    doc = dates.run(doc, Settings())
    assert doc.dates == [{"text": "hier", "start": 18, "end": 22, "value": "2016-09-27"}]


@pytest.mark.parametrize(("sentence", "language", "value"), [
    ("The vote of 03/04/2016 was annulled.", "en", "2016-03-04"),
    ("Le vote du 03/04/2016 a été annulé.", "fr", "2016-04-03"),
    ("The vote of 28/09/2016 was annulled.", "en", "2016-09-28"),
])
def test_an_ambiguous_digit_date_is_month_first_in_english_and_day_first_elsewhere(sentence, language, value):
    assert [d["value"] for d in find_dates(sentence, language, None)] == [value]
