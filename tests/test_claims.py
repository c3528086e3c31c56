"""Claim extraction on real sentences from the seeds and FA-KES."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.claims import (
    extract_claims,
    find_perpetrators,
    find_times,
    held_sides,
    named_quarters,
)
from checker.models import Sentence


def claim_of(text: str, published: dt.date | None = None):
    (claim,) = extract_claims(
        [Sentence(doc_id="d", index=0, start=0, end=len(text), text=text)], published=published
    )
    return claim


def test_quantities_places_and_speaker_of_the_seed_sentence():
    claim = claim_of(
        "Elsewhere in his remarks, the Syrian minister said that the so-called White Helmets aid "
        "group had kidnapped 44 children in Idlib to use them in a staged chemical attack."
    )
    assert [(q.value, q.category, q.event) for q in claim.quantities] == [(44, "child", "abducted")]
    assert "Idlib" in claim.places
    assert not claim.denial and not claim.perpetrators


def test_attributed_speaker_is_found_for_sentences_that_count_an_event():
    claim = claim_of(
        "Rami Abdel Rahman said at least 56 civilians were killed in the strikes near Manbij."
    )
    assert claim.speaker == "Rami Abdel Rahman"


def test_weekday_resolves_to_the_latest_such_day_before_publication():
    # 5 June 2016 was a Sunday; the article is dated Monday 6 June.
    times = find_times("Air strikes killed around 32 civilians on Sunday.", dt.date(2016, 6, 6))
    assert [(t.text, t.date) for t in times] == [("Sunday", dt.date(2016, 6, 5))]


def test_calendar_date_takes_the_publication_year():
    times = find_times(
        "Russian air strikes killed 23 civilians in Idlib city on May 31.", dt.date(2016, 6, 22)
    )
    assert [t.date for t in times] == [dt.date(2016, 5, 31)]


@pytest.mark.parametrize(
    ("text", "window"),
    [
        (
            "More than 300 civilians have been killed in Aleppo since April as rebels have pounded the city.",
            "since april",
        ),
        (
            "In the past two weeks more than 200 civilians have been killed in Aleppo.",
            "in the past two weeks",
        ),
        (
            "At least 280000 people have been killed since Syrias war started in 2011.",
            "since syrias war started",
        ),
        (
            # FA-KES, Daily Sabah 13 Nov 2017.
            "Syrias civil war now in its seventh year has killed at least 400000 people.",
            "syrias civil war now in its seventh year has killed",
        ),
        (
            # FA-KES 1924058169 (Daily Sabah, 12 Jun 2016), background to a market strike.
            "The Syrian Center for Policy Research however put the death toll from the six-year "
            "conflict at more than 470000 people.",
            "toll from the six-year conflict",
        ),
        (
            # FA-KES 1924058083 (TRT, 13 Jun 2016).
            "More than a quarter of a million people have been killed and more than 10 million "
            "have been displaced across the war-battered country according to the United Nations.",
            "have been killed and more than 10 million have been displaced across the "
            "war-battered country",
        ),
        ("Air strikes across the country killed 50 people on Monday.", None),
        ("At least 16 civilians were killed on Sunday a monitor said.", None),
        ("Five people were killed in the war-torn town on Tuesday.", None),
    ],
)
def test_cumulative_windows(text, window):
    assert claim_of(text).window == window


def test_revised_toll_wording():
    assert claim_of(
        "Opposition websites stated that the death toll has risen to 85 people."
    ).toll_update
    assert not claim_of("At least 56 people were killed in the strikes.").toll_update
    # FA-KES, Daily Sabah 8 Apr 2017: the 15 is superseded.
    assert claim_of(
        "The monitoring group updated its earlier death toll of 15 for the strike on Urum al-Joz "
        "saying three more people had died of serious injuries."
    ).toll_update


def test_denial_and_negation():
    claim = claim_of(
        "Reports on the use of chemical weapons in Ghouta are totally false state news agency SANA said."
    )
    assert claim.denial and claim.attributed


def test_perpetrators_name_who_attacked():
    assert find_perpetrators("A Syrian regime warplane struck a marketplace in the province.") == [
        "syrian government"
    ]
    assert find_perpetrators(
        "Dozens of civilians have been killed after Russian airstrikes targeted a market."
    ) == ["russia"]


def test_claims_carry_perpetrators_and_attribution_for_verdicts():
    claim = claim_of(
        "Syrian government warplanes struck the town of Atareb on Friday, killing 10 civilians, "
        "the Observatory said."
    )
    assert claim.perpetrators == ["syrian government"]
    assert claim.attributed
    plain = claim_of("Ten civilians were killed in the town of Atareb on Friday.")
    assert plain.perpetrators == [] and not plain.attributed


def test_each_article_resolves_days_against_its_own_publication_date():
    text = "Ten people were killed on Friday."
    sentences = [
        Sentence(doc_id=doc_id, index=0, start=0, end=len(text), text=text) for doc_id in "ab"
    ]
    published = {"a": dt.date(2016, 7, 29), "b": dt.date(2016, 8, 1)}
    first, second = extract_claims(sentences, published=published)
    assert first.times[0].date == dt.date(2016, 7, 29)
    assert second.times[0].date == dt.date(2016, 7, 29)


@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("The ministry denied the reports of a chemical attack.", True),
        ("These claims are lies, the ministry said.", True),
        # FA-KES: the coalition source neither confirmed nor denied; "lies" as in "is located".
        ("An international coalition source did not deny that airstrikes had been carried out in Manbij.", False),
        ("Al-Tukhar lies 14 kilometres north of the town of Manbij.", False),
    ],
)  # fmt: skip
def test_denial_is_an_explicit_unnegated_denial(text, denial):
    assert claim_of(text).denial is denial


@pytest.mark.parametrize(
    ("text", "perpetrators"),
    [
        ("A Syrian regime warplane struck a marketplace in the province.", ["syrian government"]),
        # Words inside other words name no party: "hts" in "Rights", "isis" in "crisis".
        ("The Syrian Observatory for Human Rights said the raids hit the town.", []),
        ("The crisis deepened as air strikes hit the city.", []),
        # A party that holds, backs or besieges something describes it; fighters are not attacks.
        ("Shelling hit the rebel-held town of Douma.", []),
        ("U.S.-backed Kurdish forces shelled the town.", ["kurdish forces"]),
        ("Hundreds of pro-government fighters left the two rebel-besieged villages.", []),
    ],
)
def test_perpetrators_are_parties_said_to_attack(text, perpetrators):
    assert find_perpetrators(text) == perpetrators


def test_a_month_or_a_year_is_a_range_of_days():
    published = dt.date(2017, 4, 4)
    (august,) = find_times("Hundreds died in Ghouta in August 2013.", published)
    assert (august.date, august.until) == (dt.date(2013, 8, 1), dt.date(2013, 8, 31))
    (last_year,) = find_times("It was the most dangerous place last year.", published)
    assert (last_year.date, last_year.until) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    (december,) = find_times("Aleppo fell last December.", published)
    assert december.date == dt.date(2016, 12, 1)
    (day,) = find_times("The strike came on 3 March 2016.", published)
    assert (day.date, day.until) == (dt.date(2016, 3, 3), None)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        # FA-KES: Ahram, 29 Oct 2014, of the Shaer gas field attack of 17 July.
        (
            "An earlier attack by IS fighters on Shaer in July left 270 people dead.",
            (2014, 7, 1),
            (2014, 7, 31),
        ),
        ("The SDF began an assault on Manbij in late May.", (2014, 5, 1), (2014, 5, 31)),
        ("The town fell in December.", (2013, 12, 1), (2013, 12, 31)),  # the latest December
        ("Last month two persons were injured in shelling.", (2014, 9, 1), (2014, 9, 30)),
    ],
)
def test_a_month_without_a_year_is_the_latest_such_month(text, first, last):
    (month,) = find_times(text, dt.date(2014, 10, 29))
    assert (month.date, month.until) == (dt.date(*first), dt.date(*last))


@pytest.mark.parametrize(
    ("text", "published", "first", "last"),
    [
        # FA-KES: Daily Sabah, Saturday 8 Apr 2017, of Tuesday's Khan Sheikhun attack.
        (
            "Earlier this week a chemical attack hit the town of Khan Sheikhun in Idlib.",
            (2017, 4, 8),
            (2017, 4, 3),
            (2017, 4, 7),
        ),
        ("Earlier this week 20 people were killed.", (2017, 4, 10), (2017, 4, 4), (2017, 4, 9)),
        ("Rebels shelled the city this week.", (2017, 4, 8), (2017, 4, 3), (2017, 4, 8)),
        ("Last week 20 people were killed in Homs.", (2017, 4, 8), (2017, 3, 27), (2017, 4, 2)),
        ("Earlier this month the town fell.", (2017, 4, 8), (2017, 4, 1), (2017, 4, 7)),
    ],
)
def test_a_recent_week_or_month_is_a_range_before_publication(text, published, first, last):
    (period,) = find_times(text, dt.date(*published))
    assert (period.date, period.until) == (dt.date(*first), dt.date(*last))


def test_may_the_verb_is_no_month():
    assert find_times("Officials said the toll in may rise.", dt.date(2014, 10, 29)) == []


def test_places_the_gazetteer_knows_are_found_in_running_text():
    claim = claim_of(
        "Air strikes on the de facto capital Raqa and on Syrias Aleppo city killed 25."
    )
    assert {location.name for location in claim.locations} == {"Ar-Raqqah", "Aleppo"}


def test_a_party_said_not_to_have_attacked_or_a_capital_is_no_perpetrator():
    assert find_perpetrators("Russian planes had not carried out air strikes on Idlib.") == []
    assert find_perpetrators("Turkey condemned the chemical attack on the town.") == []
    assert find_perpetrators("Death in Damascus - rocket attack shakes the capital.") == []
    # FA-KES (Ahram, 8 Apr 2017): background told as a habit blames no one for the attack.
    assert (
        find_perpetrators(
            "Idlib province is largely held by rebels and is regularly targeted in Syrian and "
            "Russian air strikes."
        )
        == []
    )
    assert find_perpetrators("Syrian and Russian air strikes battered Idlib.") == [
        "russia",
        "syrian government",
    ]


def test_means_of_attack():
    assert claim_of("Barrel bombs dropped from helicopters killed 11.").means == ["air"]
    assert claim_of("Twin car bomb explosions killed 18 in Homs.").means == ["bombing"]
    assert claim_of("Rebel shelling killed nine civilians.").means == ["shelling"]
    assert claim_of("A sarin gas attack killed 58 in Khan Sheikhun.").means == ["chemical"]
    # FA-KES (Al-Alam, 9 Jul 2015): the gunmen are who was killed, not how.
    assert claim_of("US-led Air Strikes Kill 7 Al-Nusra Gunmen in Syria.").means == ["air"]
    # FA-KES, Ahram: the fuel is no weapon, and the gunmen killed are not how.
    gas_field = claim_of(
        "Islamic State group jihadists have attacked an oil and gas field in Syria killing at "
        "least 30 pro-regime gunmen."
    )
    assert gas_field.means == []


def test_a_place_in_a_clause_about_an_earlier_event_is_not_where_the_count_happened():
    # FA-KES, Al-Araby 4 Apr 2017: the 19 died near Damascus, not in Khan Sheikhun.
    ghouta = claim_of(
        "At least 19 people were killed near the Syrian capital on Tuesday including six "
        "children just hours after a suspected chemical gas attack left dozens dead in Khan "
        "Sheikhun."
    )
    assert [location.name for location in ghouta.locations] == ["Damascus"]
    # FA-KES (fa-019): the count sits in the clause, and so does its place.
    manbij = claim_of(
        "Tuesdays casualties come on the heels of similar airstrikes on the Daesh-held town of "
        "Manbij on Monday when at least 15 civilians were reportedly killed."
    )
    assert [location.name for location in manbij.locations] == ["Manbij"]


def test_deir_ez_zor_is_found_with_its_article():
    claim = claim_of(
        "On September 17 US-led coalition aircraft carried out four strikes against the Syrian "
        "army near the Deir ez-Zor airport leaving 62 soldiers killed."
    )
    assert [location.name for location in claim.locations] == ["Deir ez-Zor"]


def test_a_person_quoted_by_name_is_the_speaker_without_ner():
    ryabkov = claim_of(
        "Deputy Foreign Minister Sergei Ryabkov has already said a provocation is near."
    )
    lavrov = claim_of(
        "According to the Russian Foreign Minister Sergei Lavrov, a provocation is planned."
    )
    assert (ryabkov.speaker, lavrov.speaker) == ("Sergei Ryabkov", "Sergei Lavrov")
    assert claim_of("The Anadolu Agency said the road was closed.").speaker is None


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Rebel fire hit the government-held west of the city.", {"government"}),
        ("3000 people left the opposition-besieged al-Foua.", {"government"}),
        ("Aleppo is split into rebel- and regime-held districts.", {"government", "opposition"}),
        ("Syria state-run TV said 13 were killed.", set()),  # a medium, not an area
        ("Syria Civil Defence, a rescue service operating in rebel-held territory, said.", set()),
    ],
)
def test_who_holds_the_areas_a_sentence_names(text, sides):
    assert held_sides(text) == sides


def test_neighbourhoods_and_villages_are_named_as_such():
    assert named_quarters(
        "Rocket shells hit al-Hamadaniye neighborhood and the village of Oweijel in Aleppo."
    ) == {"al-hamadaniye", "oweijel"}


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        # FA-KES: the party that denies, the party a denial names after its verb, a party said
        # not to have carried out strikes, strikes under a moratorium.
        ("However Russia has categorically denied any involvement.", ["russia"]),
        ("But the Russian Defence Ministry has denied its warplanes carried out air strikes on the market place.", ["russia"]),
        ("A senior Kurdish commander however denied Syrian government bombings of the Turkey-backed fighters.", ["syrian government"]),
        ("Syria and its ally Russia deny Damascus carried out any such chemical attack.", ["syrian government"]),
        ("The Russian Defence Ministry said on Tuesday that Russian planes had not carried out air strikes on Idlib.", ["russia"]),
        ("The Kremlin said on Wednesday that a moratorium on Russian air strikes against targets in Aleppo remained in place for the time being.", ["russia"]),
        # Negated, told as a habit, not yet said, a purpose, or naming nothing it denies.
        ("An international coalition source did not deny that airstrikes had been carried out in Manbij recently.", []),
        ("The Syrian government has consistently denied using chemical weapons and chlorine gas.", []),
        ('"Once again the Syrian regime will deny the evidence of its responsibility for this massacre" Hollande said.', []),
        ('"The significant air strikes tonight were executed to deny Daesh (IS) the ability to move military capabilities" spokesman Thomas Gilleran said.', []),
        ("A Syrian military source strongly denied the army had used any such weapons.", []),
    ],
)  # fmt: skip
def test_cleared_parties_are_those_said_not_to_have_attacked(text, cleared):
    assert claim_of(text).cleared == cleared


@pytest.mark.parametrize(
    ("text", "denial"),
    [
        ("Reports on the use of chemical weapons in (the suburbs of) Ghouta are totally false state news agency SANA said.", True),
        ("Assad has denied previous accusations of using chemical weapons.", False),
        ('"The significant air strikes tonight were executed to deny Daesh (IS) the ability to move" he said.', False),
    ],
)  # fmt: skip
def test_a_denial_told_as_a_habit_or_a_purpose_is_no_denial(text, denial):
    assert claim_of(text).denial is denial


@pytest.mark.parametrize(
    ("text", "hedged"),
    [
        ("The attack was most likely carried out by Russian warplanes according to local sources.", True),
        ("At least six air raids by suspected Russian jets hit Haas village in Idlib province.", True),
        ("They claimed the attack was caused by an airstrike carried out either by the regime or Russian warplanes.", True),
        ("A Syrian regime warplane struck a marketplace in the opposition-held province.", False),
    ],
)  # fmt: skip
def test_hedged_blame(text, hedged):
    claim = claim_of(text)
    assert claim.perpetrators and claim.hedged is hedged


def test_victims_and_background_name_no_attacker():
    # FA-KES: the fighters are who was killed; the inquiry's accusation is a past one.
    victims = claim_of(
        "DAESH said that it killed at least 50 opposition fighters in a suicide bombing on a bus."
    )
    assert "rebels" not in victims.perpetrators
    background = claim_of(
        "A joint inquiry for the United Nations has previously accused government forces of "
        "toxic gas attacks."
    )
    assert background.perpetrators == []


def test_what_an_attack_hit():
    claim = claim_of(
        "The attack on the hospital comes two days after Russian jets hit a UN-Syrian Red "
        "Crescent aid convoy near the town of Urum Alkobra near Aleppo."
    )
    assert claim.targets == ["convoy", "hospital"]
    # fb-010: outlets capitalise the noun too.
    assert named_quarters("An ammunitions depot blew up in Wadi al-Zahab District.") == {
        "wadi al-zahab"
    }


@pytest.mark.parametrize(
    "text",
    [
        # FA-KES, Al-Alam 1 Jun 2016: the statement's day, not the shelling's.
        "The Turkish General Staff said in a statement on Wednesday that at least 14 members of "
        "the terrorist group were killed during the shelling on the city of Aleppo.",
        "At least 20 people were killed in air strikes on the town a monitoring group said Wednesday.",
    ],
)
def test_a_weekday_a_statement_is_made_on_is_the_statement_s_day(text):
    (wednesday,) = find_times(text, dt.date(2016, 6, 1))
    assert (wednesday.date, wednesday.said) == (dt.date(2016, 6, 1), True)
    (tuesday,) = find_times("Shelling killed 14 fighters on Tuesday.", dt.date(2016, 6, 1))
    assert (tuesday.date, tuesday.said) == (dt.date(2016, 5, 31), False)
