"""The gazetteer: place names as outlets spell them, resolved to GeoNames towns and their
governorates, and what the hierarchy says about two sentences' places."""

from __future__ import annotations

import pytest

from checker.claims import extract_claims
from checker.claims.gazetteer import gazetteer, locate
from checker.judge.places import places_overlap
from checker.models import Sentence


@pytest.mark.parametrize(
    ("name", "place", "level", "governorate"),
    [
        ("Jisr al-Shoghour", "Jisr ash Shughur", "town", "Idlib"),
        ("Jisr ash Shughur", "Jisr ash Shughur", "town", "Idlib"),
        ("Jisr al-Shaghour", "Jisr ash Shughur", "town", "Idlib"),
        ("Khan Sheikhoun", "Khan Shaykhun", "town", "Idlib"),
        ("Khan Sheikhun", "Khan Shaykhun", "town", "Idlib"),
        ("Atareb", "Al Atarib", "town", "Aleppo"),
        ("Mayadeen", "Al Mayadin", "town", "Deir ez-Zor"),
        ("Madaya", "Medaya", "town", "Rif Dimashq"),
        ("Daraya", "Darayya", "town", "Rif Dimashq"),
        ("Douma", "Douma", "town", "Rif Dimashq"),
        ("Kfar Zeita", "Kafr Zayta", "town", "Hama"),
        ("Kfar Batna", "Kafr Batna", "town", "Rif Dimashq"),
        ("Palmyra", "Tadmur", "town", "Homs"),
        ("Deir Ezzor", "Deir ez-Zor", "governorate", "Deir ez-Zor"),
        ("Deir el-Zour", "Deir ez-Zor", "governorate", "Deir ez-Zor"),
        ("Hasakeh", "Al-Hasakah", "governorate", "Al-Hasakah"),
        ("Raqqa province", "Ar-Raqqah", "governorate", "Ar-Raqqah"),
        ("Idleb", "Idlib", "governorate", "Idlib"),
        ("Aleppos", "Aleppo", "governorate", "Aleppo"),
        ("Damascus", "Damascus", "governorate", "Damascus"),
        ("Damascus Countryside", "Rif Dimashq", "governorate", "Rif Dimashq"),
        ("Eastern Ghouta", "Rif Dimashq", "governorate", "Rif Dimashq"),
    ],
)
def test_names_as_outlets_spell_them_resolve_to_one_place(name, place, level, governorate):
    found = gazetteer().resolve(name)
    assert found is not None
    assert (found.name, found.level, found.governorate) == (place, level, governorate)


@pytest.mark.parametrize(
    # Not places, or not the GeoNames town a vowel-blind key would pick ("Midan" is a Damascus
    # district, not Ma`dan in Raqqa; "Iraqi" is not `Ariqah).
    "name",
    ["al-Midan", "Iraqi", "Syria", "Assad", "Daesh", "US", "Meles", "Aleppo Police Command"],
)
def test_other_words_resolve_to_nothing(name):
    assert gazetteer().resolve(name) is None


def claim(text: str):
    (found,) = extract_claims([Sentence(doc_id="d", index=0, start=0, end=len(text), text=text)])
    return found


def test_claims_carry_the_places_the_gazetteer_knows():
    located = claim("Ten civilians were killed in the town of Jisr al-Shoghour in Idlib province.")
    assert [(place.name, place.level) for place in located.locations] == [
        ("Idlib", "governorate"),
        ("Jisr ash Shughur", "town"),
    ]
    assert locate(["Syria", "Assad"]) == []


def test_a_town_and_its_governorate_are_not_different_places():
    town = claim("Ten civilians were killed in an air strike on Jisr al-Shoghour.")
    governorate = claim("Ten civilians were killed in an air strike in Idlib province.")
    assert places_overlap(town, governorate) is True
    # Pairing asks for a place both name, not one inside the other.
    assert places_overlap(town, governorate, hierarchy=False) is False


def test_two_towns_of_one_governorate_are_different_places():
    one = claim("Ten civilians were killed in an air strike on Jisr al-Shoghour in Idlib.")
    other = claim("Ten civilians were killed in an air strike on Khan Sheikhun.")
    assert places_overlap(one, other) is False


def test_a_governorate_named_as_a_city_is_its_capital_town():
    city = claim(
        "Airstrikes hit a market in the northwestern Syrian city of Idlib killing at least 12 people."
    )
    assert [(place.name, place.level) for place in city.locations] == [("Idlib", "town")]
    province = claim("Airstrikes killed at least 12 people in Idlib.")
    assert [(place.name, place.level) for place in province.locations] == [("Idlib", "governorate")]
    other_town = claim("Three people were killed in the city of Maaret al-Numan in Idlib.")
    assert places_overlap(city, other_town) is False
    assert places_overlap(province, other_town) is True


def test_a_capital_acting_as_its_government_is_no_place():
    actor = claim("Damascus lost more than 40 troops and militia in the militant counter-attack.")
    assert actor.locations == [] and "Damascus" not in actor.places
    place = claim("Damascus said a rocket attack on Damascus killed five people.")
    assert [location.name for location in place.locations] == ["Damascus"]


def test_a_broadcaster_named_after_a_town_is_no_place_and_a_city_acting_is_one():
    told = claim(
        "A double terrorist attack in the western Syrian city of Homs has claimed the lives of "
        "18 civilians including 10 children Lebanese TV channel Al-Mayadin reported."
    )
    assert [(place.name, place.level) for place in told.locations] == [("Homs", "town")]


def test_a_bare_damascus_covers_its_countryside_and_damascus_city_does_not():
    # fk-129: outlets name the capital for the Ghouta towns around it.
    near_capital = claim(
        "Syrian activists accused President Bashar al-Assads forces of launching a nerve gas "
        "attack that killed at least 213 people on Wednesday near Damascus."
    )
    ghouta_town = claim("Activists said 150 bodies were found in Kafr Batna after the attack.")
    assert [(p.name, p.level) for p in ghouta_town.locations] == [("Kafr Batna", "town")]
    assert places_overlap(near_capital, ghouta_town) is True
    city = claim("Mortar shells fired by rebels killed four people in Damascus city.")
    assert places_overlap(city, ghouta_town) is False
