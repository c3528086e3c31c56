"""Counts read from real sentences (annotated/dev.jsonl, the seed articles, FA-KES), with traps.

Each COUNTS row names the quantity in focus by its surface text and gives the expected
(value, low, high, hedge, counted-or-category, event). Each TRAPS row names a figure that is
not a count (a year, a date, a time, an age, an ordinal, a code ...): no quantity may cover it.
"""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checker.models import Quantity
from checker.quantities import extract_quantities

# fmt: off
COUNTS = [
    # --- the brief's anchors -------------------------------------------------------------
    pytest.param(
        "Elsewhere in his remarks, the Syrian minister said that the so-called White Helmets aid "
        "group had kidnapped 44 children in Idlib to use them in a staged chemical attack.",
        "44 children", (44, 44, 44, "exact", "child", "abducted"), id="exact-kidnapped-44"),
    pytest.param(
        "Foreign-backed Takfiri terrorists have reportedly abducted at least 20 children from Jisr "
        "al-Shoghour city to use them in a false flag chemical attack.",
        "at least 20 children", (20, 20, None, "at_least", "child", "abducted"), id="at-least"),
    pytest.param(
        "At the weekend, Russia repeatedly warned that Syrian-based terrorists were planning the "
        "attack in the militant-held province, which is home to nearly three million people.",
        "nearly three million people", (3e6, 2.55e6, 3e6, "nearly", "people", None),
        id="nearly-three-million-no-event"),
    pytest.param(
        "Two days of such heavy rebel bombardment have killed 38 civilians including 14 children "
        "and wounded another 250.",
        "38 civilians", (38, 38, 38, "exact", "civilian", "killed"),
        id="killed-then-aside-then-a-new-verb"),
    pytest.param(
        "Syrian activists are reporting that at least 65 bodies of civilians have been found in "
        "a central town retaken by government forces from the Islamic State group.",
        "at least 65 bodies of civilians", (65, 65, None, "at_least", "civilian", "killed"),
        id="bodies-found-are-dead"),
    pytest.param(
        "Syrian air raids targeted several civilian sites in an area outside the ceasefire zone "
        "killing nine children and 14 others local activists have reported.",
        "14 others", (14, 14, 14, "exact", "", "killed"), id="the-others-are-a-remainder"),
    pytest.param(
        "More than 350,000 people have been killed and millions displaced since Syria's war "
        "started in 2011 with the brutal repression of anti-government protests.",
        "More than 350,000 people", (350000, 350000, None, "more_than", "people", "killed"),
        id="more-than-comma-digits"),
    pytest.param(
        "More than 350,000 people have been killed and millions displaced since Syria's war "
        "started in 2011 with the brutal repression of anti-government protests.",
        "millions", (None, 2e6, 9999999, "vague", "people", "displaced"), id="vague-millions"),
    pytest.param(
        "More than 520 US airstrikes since 21 May have killed between 229 and 425 civilians "
        "overall",
        "between 229 and 425 civilians", (229, 229, 425, "between", "civilian", "killed"),
        id="between"),
    pytest.param(
        "It is estimated that between 250000 and 300000 people live in areas held by the "
        "opposition in Aleppo according to the Syrian Observatory for Human Rights",
        "between 250000 and 300000 people", (250000, 250000, 300000, "between", "people", None),
        id="between-large"),
    pytest.param(
        "Dozens of civilians have been killed after Russian airstrikes targeted a busy market "
        "place in rebel-held Idlib northern Syria.",
        "Dozens of civilians", (None, 24, 99, "vague", "civilian", "killed"), id="dozens"),
    pytest.param(
        "IS has killed hundreds of people since it declared an Islamic caliphate in June last "
        "year with the city of Raqqa as its de facto capital",
        "hundreds of people", (None, 200, 999, "vague", "people", "killed"), id="hundreds"),
    pytest.param(
        "Meanwhile a Russian warplane targeted north of Idlib city with four airstrikes including "
        "two cluster bombs killing three civilians and severely injuring a dozen people according "
        "to media activist Musafa Abu Mohammad",
        "a dozen people", (12, 10.8, 13.2, "about", "people", "wounded"), id="a-dozen"),
    pytest.param(
        "Syrian state media gave a toll of 44 dead and 140 injured in the bombing which hit a "
        "western district of the city where several local Kurdish ministries are located.",
        "44", (44, 44, 44, "exact", "people", "killed"), id="44-dead"),
    pytest.param(
        "Syrian state media gave a toll of 44 dead and 140 injured in the bombing which hit a "
        "western district of the city where several local Kurdish ministries are located.",
        "140", (140, 140, 140, "exact", "people", "wounded"), id="140-injured"),
    pytest.param(
        "Last updated at Oct 262016 BEIRUT Air strikes in Syria killed up to 22 people mostly "
        "children on Wednesday when warplanes struck a residential area housing a school complex",
        "up to 22 people", (22, 0, 22, "at_most", "people", "killed"), id="up-to"),
    pytest.param(
        "Syrian opposition groups have accused President Bashar al-Assads forces of launching "
        "massive chemical attacks near Damascus on August 21 and killing as many as 1300 people",
        "as many as 1300 people", (1300, 0, 1300, "at_most", "people", "killed"),
        id="as-many-as"),
    pytest.param(
        "Air strikes by Syrian regime war planes in Aleppo on Sunday have killed around 32 "
        "civilians in a rebel-held district a human rights monitor said.",
        "around 32 civilians", (32, 28.8, 35.2, "about", "civilian", "killed"), id="around"),
    pytest.param(
        "Another 11 buses carrying some 500 people including opposition fighters left Madaya and "
        "Zabadani near Damascus heading toward the northern rebel-held Idlib province",
        "some 500 people", (500, 450, 550, "about", "people", None), id="some"),
    pytest.param(
        "Accusing Damascus, the US then launched nearly 60 Tomahawk cruise missiles at a Syrian "
        "air base, taking the lives of about 20 people, including both Syrian soldiers and "
        "civilians.",
        "nearly 60 Tomahawk cruise missiles", (60, 51, 60, "nearly", "missile", "launched"),
        id="tomahawk-missiles"),
    pytest.param(
        "Accusing Damascus, the US then launched nearly 60 Tomahawk cruise missiles at a Syrian "
        "air base, taking the lives of about 20 people, including both Syrian soldiers and "
        "civilians.",
        "about 20 people", (20, 18, 22, "about", "people", "killed"), id="about-lives-of"),
    pytest.param(
        "On April 14, the US, Britain and France carried out a string of airstrikes against "
        "Syria over a suspected chemical weapons attack against the city of Douma, located about "
        "10 kilometers northeast of the capital Damascus.",
        "about 10 kilometers", (10, 9, 11, "about", "distance", None), id="kilometers"),
    pytest.param(
        "Twenty-five children were reportedly killed in airstrikes that hit heavily crowded areas "
        "in a town in eastern Syria UNICEF has said.",
        "Twenty-five children", (25, 25, 25, "exact", "child", "killed"), id="twenty-five"),
    pytest.param(
        "Ten civilians were killed and another 17 injured on Tuesday when Russian warplanes "
        "struck a town in Syrias northern Aleppo province according to local civil defense "
        "sources.",
        "Ten civilians", (10, 10, 10, "exact", "civilian", "killed"), id="capitalised-ten"),
    pytest.param(
        "Ten civilians were killed and another 17 injured on Tuesday when Russian warplanes "
        "struck a town in Syrias northern Aleppo province according to local civil defense "
        "sources.",
        "17", (17, 17, 17, "exact", "civilian", "wounded"), id="another-17-injured"),
    # --- several counts in one sentence ----------------------------------------------------
    pytest.param(
        "Six children were among 19 civilians killed Thursday in regime bombing of "
        "opposition-held neighbourhoods in Syrias second city of Aleppo the civil defence said.",
        "Six children", (6, 6, 6, "exact", "child", "killed"), id="among-subset"),
    pytest.param(
        "Six children were among 19 civilians killed Thursday in regime bombing of "
        "opposition-held neighbourhoods in Syrias second city of Aleppo the civil defence said.",
        "19 civilians", (19, 19, 19, "exact", "civilian", "killed"), id="among-whole"),
    pytest.param(
        "The Local Coordination Committees another anti-government monitoring group says the "
        "airstrikes killed 13 and wounded 29 with most casualties occurring in a vegetable market.",
        "13", (13, 13, 13, "exact", "people", "killed"), id="killed-13"),
    pytest.param(
        "The Local Coordination Committees another anti-government monitoring group says the "
        "airstrikes killed 13 and wounded 29 with most casualties occurring in a vegetable market.",
        "29", (29, 29, 29, "exact", "people", "wounded"), id="wounded-29"),
    pytest.param(
        "Other Syrian opposition websites stated that the death toll has risen to 85 people "
        "including five entire families most of which were women and children after residential "
        "areas were targeted.",
        "85 people", (85, 85, 85, "exact", "people", "killed"), id="toll-risen-to"),
    pytest.param(
        "Other Syrian opposition websites stated that the death toll has risen to 85 people "
        "including five entire families most of which were women and children after residential "
        "areas were targeted.",
        "five entire families", (5, 5, 5, "exact", "family", "killed"), id="families"),
    pytest.param(
        "According to the latest SORH estimates the Syrian military conflict has claimed the lives "
        "of more than 210000 people.",
        "more than 210000 people", (210000, 210000, None, "more_than", "people", "killed"),
        id="lives-of-plain-digits"),
    pytest.param(
        "On August 10 a gas tank filled with striking elements hit a passenger bus several shells "
        "were laid on the local market killing 14 and leaving injured about 50.",
        "14", (14, 14, 14, "exact", "people", "killed"), id="killing-14"),
    pytest.param(
        "On August 10 a gas tank filled with striking elements hit a passenger bus several shells "
        "were laid on the local market killing 14 and leaving injured about 50.",
        "about 50", (50, 45, 55, "about", "people", "wounded"), id="leaving-injured-about-50"),
    pytest.param(
        "A double terrorist attack in the western Syrian city of Homs has claimed the lives of 18 "
        "civilians including 10 children Lebanese TV channel Al-Mayadin reported.",
        "10 children", (10, 10, 10, "exact", "child", "killed"), id="including-children"),
    pytest.param(
        "At least 223 Daesh fighters and 28 SDF troops had been killed as well as 41 civilians in "
        "coalition air raids since the alliance offensive against Manbij began on May 31 according "
        "to the Observatory.",
        "At least 223 Daesh fighters", (223, 223, None, "at_least", "fighter", "killed"),
        id="coordinated-fighters"),
    pytest.param(
        "At least 223 Daesh fighters and 28 SDF troops had been killed as well as 41 civilians in "
        "coalition air raids since the alliance offensive against Manbij began on May 31 according "
        "to the Observatory.",
        "28 SDF troops", (28, 28, 28, "exact", "soldier", "killed"), id="coordinated-troops"),
    pytest.param(
        "At least 223 Daesh fighters and 28 SDF troops had been killed as well as 41 civilians in "
        "coalition air raids since the alliance offensive against Manbij began on May 31 according "
        "to the Observatory.",
        "41 civilians", (41, 41, 41, "exact", "civilian", "killed"), id="as-well-as"),
    pytest.param(
        "Activists said regime forces bombed the town of Saraqib in rural Idlib with "
        "chlorine-filled barrel bombs on Monday causing over 30 cases of asphyxiation among "
        "civilians.",
        "over 30 cases of asphyxiation", (30, 30, None, "more_than", "case", "affected"),
        id="cases-of-asphyxiation"),
    pytest.param(
        "The local White Helmets in the central Hama province said an air raid on one of their "
        "centers in Kfar Zeita killed eight members of the team.",
        "eight members of the team", (8, 8, 8, "exact", "member", "killed"), id="members-of-team"),
    pytest.param(
        "Elsewhere in Eastern Ghouta another child was killed in Harasta he said adding that two "
        "members of the White Helmets rescue organization were also among Fridays victims.",
        "two members of the White Helmets rescue organization",
        (2, 2, 2, "exact", "rescuer", "killed"), id="white-helmets-members"),
    pytest.param(
        "At least eight Syrian civil defence workers were killed when an air strike hit their "
        "office in the town of Kafr Zeita in the northern Hama province the rescue service said on "
        "Saturday.",
        "At least eight Syrian civil defence workers",
        (8, 8, None, "at_least", "rescuer", "killed"), id="civil-defence-workers"),
    pytest.param(
        "The Monday downing brought the toll for Russian soldiers killed in the Syrian conflict to "
        "18.",
        "18", (18, 18, 18, "exact", "soldier", "killed"), id="toll-for-soldiers-to-18"),
    pytest.param(
        "\"There are at least 56 dead including 11 children and dozens more wounded including some "
        "in critical condition\" said Rami Abdel Rahman director of the Britain-based Syrian "
        "Observatory for Human Rights.",
        "at least 56", (56, 56, None, "at_least", "people", "killed"), id="56-dead"),
    pytest.param(
        "\"There are at least 56 dead including 11 children and dozens more wounded including some "
        "in critical condition\" said Rami Abdel Rahman director of the Britain-based Syrian "
        "Observatory for Human Rights.",
        "11 children", (11, 11, 11, "exact", "child", "killed"), id="56-dead-including"),
    pytest.param(
        "\"There are at least 56 dead including 11 children and dozens more wounded including some "
        "in critical condition\" said Rami Abdel Rahman director of the Britain-based Syrian "
        "Observatory for Human Rights.",
        "dozens more", (None, 24, 99, "vague", "people", "wounded"), id="dozens-more-wounded"),
    pytest.param(
        "\"Two women and two soldiers were killed in the attack\" said Observatory director Rami "
        "Abdel Rahman.",
        "Two women", (2, 2, 2, "exact", "woman", "killed"), id="coordinated-women"),
    pytest.param(
        "Two ISIS suicide bombers driving explosive-laden trucks have killed at least 30 Kurdish "
        "militiamen and police in al-Hassakeh in north-eastern Syria a monitoring group says.",
        "at least 30 Kurdish militiamen", (30, 30, None, "at_least", "fighter", "killed"),
        id="militiamen"),
    pytest.param(
        "Two ISIS suicide bombers driving explosive-laden trucks have killed at least 30 Kurdish "
        "militiamen and police in al-Hassakeh in north-eastern Syria a monitoring group says.",
        "Two ISIS suicide bombers", (2, 2, 2, "exact", "fighter", None), id="agents-not-killed"),
    pytest.param(
        "\"At least 30 members of the YPG and asayesh were killed when two Islamic State suicide "
        "bombers detonated their trucks at the northern entrance to Hasakeh\" Syrian Observatory "
        "for Human Rights chief Rami Abdel Rahman told AFP.",
        "At least 30 members of the YPG", (30, 30, None, "at_least", "fighter", "killed"),
        id="members-of-ypg"),
    pytest.param(
        "The Syrian Observatory for Human Rights said 30 jihadists were killed around the town of "
        "Shadadi in northeastern Hasakeh and another five outside the embattled town of Kobane on "
        "the border with Turkey in northern Aleppo province.",
        "five", (5, 5, 5, "exact", "jihadist", "killed"), id="another-five-elliptic"),
    pytest.param(
        "A suicide bomber from the Nusra Front terrorist group blew himself up at an army outpost "
        "in Syrias largest city of Aleppo Monday killing at least 25 Syrian Army soldiers and "
        "fighters loyal to President Bashar Assad and injuring many more the Syrian Observatory "
        "for Human Rights (SOHR) said.",
        "at least 25 Syrian Army soldiers", (25, 25, None, "at_least", "soldier", "killed"),
        id="syrian-army-soldiers"),
    pytest.param(
        "Abdul-Rahman said more than 40 people have been confirmed dead and that the death toll "
        "could reach as many as 200 in the suburbs of Damascus.",
        "more than 40 people", (40, 40, None, "more_than", "people", "killed"),
        id="confirmed-beside-a-projection"),
    pytest.param(
        "Abdul-Rahman said more than 40 people have been confirmed dead and that the death toll "
        "could reach as many as 200 in the suburbs of Damascus.",
        "more than 40 people", (40, 40, None, "more_than", "people", "killed"),
        id="confirmed-dead"),
    pytest.param(
        "Four people one of them a child were killed and six others were injured on Monday due to "
        "attacks by terrorist groups with shells and explosive rounds on al-Hamadaniye and "
        "Salah-Eddin neighborhoods in Aleppo city.",
        "Four people", (4, 4, 4, "exact", "people", "killed"), id="one-of-them-aside"),
    pytest.param(
        "A bus on the road was also hit on Wednesday resulting in seven civilian deaths.",
        "seven civilian deaths", (7, 7, 7, "exact", "civilian", "killed"), id="civilian-deaths"),
    pytest.param(
        "Syrias conflict has killed more than 230000 people and wounded at least a million "
        "according to the UN",
        "at least a million", (1e6, 1e6, None, "at_least", "people", "wounded"), id="a-million"),
    pytest.param(
        "Evacuations from eastern Ghouta, Deraa and other rebel territories captured by the regime "
        "have contributed to the displacement of more than half a million people to or within "
        "Idlib in the past six months, the United Nations said.",
        "more than half a million people", (5e5, 5e5, None, "more_than", "people", "displaced"),
        id="half-a-million"),
    pytest.param(
        "The ongoing war in Syria has left an estimated 220000 dead and displaced approximately 12 "
        "million people",
        "approximately 12 million people", (12e6, 10.8e6, 13.2e6, "about", "people", "displaced"),
        id="digits-million"),
    pytest.param(
        "Twenty people in Kilis have been killed and almost 70 others wounded by rockets that fell "
        "in the city",
        "almost 70 others", (70, 59.5, 70, "nearly", "people", "wounded"), id="almost-others"),
    pytest.param(
        "The violence has forced tens of thousands of residents to flee",
        "tens of thousands of residents", (None, 20000, 99999, "vague", "people", "fled"),
        id="tens-of-thousands"),
    pytest.param(
        "It quoted activists as saying that regime forces fired \"rockets with poisonous gas "
        "heads\" in the attack that killed \"tens of people.\"",
        "tens of people", (None, 20, 99, "vague", "people", "killed"), id="tens-of-people"),
    pytest.param(
        "The UK-based Syrian Observatory for Human Rights said scores were also injured in the "
        "aerial strikes as well as shelling from army posts in the area",
        "scores", (None, 40, 199, "vague", "people", "wounded"), id="scores"),
    pytest.param(
        "Activists in the town said the head of the local medical centre and several colleagues "
        "were killed",
        "several colleagues", (None, 3, 9, "vague", "people", "killed"), id="several"),
    pytest.param(
        "Activists said they recorded no fewer than 30 beaches during the first 24 hours",
        "no fewer than 30 beaches", (30, 30, None, "at_least", "beach", None), id="no-fewer-than"),
    pytest.param(
        "Rebels fired several hundred rockets and projectiles into at least seven districts",
        "several hundred rockets", (None, 300, 900, "vague", "missile", "launched"),
        id="several-hundred"),
    pytest.param(
        "Reporters Without Borders counted 66 journalists killed in 2014 along with 119 were "
        "kidnapped and 178 were imprisoned",
        "178", (178, 178, 178, "exact", "people", "arrested"), id="imprisoned"),
    pytest.param(
        "The sources said the bomb had gone off in Hassia 40 km (25 miles) south of Homs on a bus "
        "transporting workers",
        "40 km", (40, 40, 40, "exact", "distance", None), id="km"),
    pytest.param(
        "About 45 buses carrying 3000 people left the opposition-besieged al-Waer district",
        "3000 people", (3000, 3000, 3000, "exact", "people", None), id="year-shaped-count"),
    pytest.param(
        "6 October 2016 8 persons killed 58 others injured in terrorist rocket attacks on Aleppo",
        "8 persons", (8, 8, 8, "exact", "people", "killed"), id="headline-after-dateline"),
    pytest.param(
        "The heavy fighting claimed the lives of 129 loyalists and 116 rebels including an "
        "Al-Nusra commander according to an Observatory toll",
        "116 rebels", (116, 116, 116, "exact", "fighter", "killed"), id="lives-of-coordinated"),
    pytest.param(
        "The war has claimed more than 191000 lives while more than three million Syrians have "
        "become refugees",
        "more than 191000 lives", (191000, 191000, None, "more_than", "people", "killed"),
        id="lives-head"),
    pytest.param(
        "It is home to some 900000 displaced Syrians according to the United Nations",
        "some 900000 displaced Syrians", (9e5, 8.1e5, 9.9e5, "about", "people", "displaced"),
        id="displaced-modifier"),
    pytest.param(
        "Thousands of refugees had fled to Turkey after the regime assault targeting Aleppo in "
        "2016.",
        "Thousands of refugees", (None, 2000, 9999, "vague", "refugee", "fled"), id="thousands"),
    pytest.param(
        "The notorious ISIL terrorists have brutally massacred 250 Syrian troops taken hostage at "
        "an airbase in the northern province of Raqqa reports indicate",
        "250 Syrian troops", (250, 250, 250, "exact", "soldier", "abducted"), id="taken-hostage"),
    pytest.param(
        "Rebel groups in Jayrud 60 kilometres from Damascus include the Salafist Jaysh al-Islam",
        "60 kilometres", (60, 60, 60, "exact", "kilometer", None), id="kilometres-lemma"),
    pytest.param(
        "In neighboring Iraq meanwhile the two countries agreed on one hundred and twenty "
        "checkpoints",
        "one hundred and twenty checkpoints", (120, 120, 120, "exact", "place", None),
        id="one-hundred-and-twenty"),
    pytest.param(
        "Tuesday 31 May 2016 18:14 Deadly Russian Airstrikes Kill 35 & Destroy Hospital in Idlib",
        "35", (35, 35, 35, "exact", "people", "killed"), id="headline-kill-35"),
    pytest.param(
        "The death toll from Russian and Syrian strikes in the opposition-held city of Al Quriyah "
        "has risen to 82 people including 58 civilians the UK-based Syrian Observatory for Human "
        "Rights said on Sunday.",
        "82 people", (82, 82, 82, "exact", "people", "killed"), id="toll-far-back"),
    pytest.param(
        "The death toll from the terrorist groups rocket attacks on Salah Eddin neighborhood in "
        "Aleppo city rose to 8 civilians in addition to 12 injured a source at Aleppo Police "
        "Command told SANA late on Tuesday.",
        "12", (12, 12, 12, "exact", "people", "wounded"), id="in-addition-to-12-injured"),
    pytest.param(
        "In Maaret Al Numan an area south of the provincial capital unidentified warplanes also "
        "killed at least six civilians including a woman and her four children the observatory "
        "said.",
        "four children", (4, 4, 4, "exact", "child", "killed"), id="including-a-woman-and-her"),
    pytest.param(
        "Attacks on residential areas in Aleppo city on Sunday killed 3 people including two women "
        "and left 29 other people injured.",
        "29 other people", (29, 29, 29, "exact", "people", "wounded"), id="aside-ends-at-and"),
    pytest.param(
        # FA-KES (Al-Alam, 29 Jun 2016): the dead and the hurt in one figure.
        "19 Killed and Injured in Tell Abyad Terroirst Attack in Northern Syria.",
        "19", (19, 19, 19, "exact", "people", "casualties"), id="killed-and-injured-together"),
    pytest.param(
        "The shelling killed or wounded 40 people in the town.",
        "40 people", (40, 40, 40, "exact", "people", "casualties"), id="killed-or-wounded"),
    pytest.param(
        # FA-KES (Al-Araby, 22 Jun 2016): the group comes first.
        "Of those killed six were children.",
        "six were children", (6, 6, 6, "exact", "child", "killed"), id="fronted-part-named"),
    pytest.param(  # FA-KES 1924058083 (TRT): the group's event named before another count
        "According to the British-based Syrian Observatory for Human Rights those killed in the "
        "two attacks in the Idlib province include 14 children.",
        "14 children", (14, 14, 14, "exact", "child", "killed"), id="those-killed-include"),
    pytest.param(
        "Those wounded in the strike include at least 12 children.",
        "at least 12 children", (12, 12, None, "at_least", "child", "wounded"), id="those-wounded-include"),
    pytest.param(
        "The opposition groups include 20 factions.",
        "20 factions", (20, 20, 20, "exact", "faction", None), id="include-without-event"),
    pytest.param(  # FA-KES 1924058083 (TRT): a fraction of a scale word
        "More than a quarter of a million people have been killed and more than 10 million have "
        "been displaced across the war-battered country according to the United Nations.",
        "More than a quarter of a million people",
        (250_000, 250_000, None, "more_than", "people", "killed"), id="quarter-of-a-million"),
    pytest.param(
        "A quarter million refugees returned.",
        "A quarter million refugees", (250_000, 225_000, 275_000, "about", "refugee", "returned"),
        id="quarter-million"),
    pytest.param(
        # FA-KES (Al-Araby, 17 Oct 2016): who the part are follows the copula.
        "The Syrian Observatory for Human Rights reported that five of the dead were children.",
        "five of the dead were children", (5, 5, 5, "exact", "child", "killed"),
        id="part-named-after-copula"),
    pytest.param(
        "Some 20 people died, eight of them children.",
        "eight of them children", (8, 8, 8, "exact", "child", None), id="of-them-children"),
    pytest.param(
        "Syria gave a toll of 36 dead among them 15 children and four teachers.",
        "four teachers", (4, 4, 4, "exact", "people", "killed"), id="among-them-list"),
    pytest.param(
        "About 1.5 million people fled and 2.1 million were displaced.",
        "2.1 million", (2.1e6, 2.1e6, 2.1e6, "exact", "people", "displaced"), id="decimal-million"),
    pytest.param(
        "Between 2 and 3 million people were displaced.",
        "Between 2 and 3 million people", (2e6, 2e6, 3e6, "between", "people", "displaced"),
        id="between-shared-scale"),
    pytest.param(
        "Between 30-40 people were killed.",
        "30-40 people", (30, 30, 40, "between", "people", "killed"), id="dash-range"),
    pytest.param(
        "The toll rose from 22 to 44 people.",
        "44 people", (44, 44, 44, "exact", "people", "killed"), id="from-to-is-not-a-range"),
    pytest.param(
        "A Syrian Army soldier said forty-four people were killed",
        "forty-four people", (44, 44, 44, "exact", "people", "killed"), id="forty-four"),
]

TRAPS = [
    # FA-KES (dev fk-132): a toll it may reach is a projection, no ceiling of the event's toll.
    pytest.param("Abdul-Rahman said more than 40 people have been confirmed dead and that the "
                 "death toll could reach as many as 200 in the suburbs of Damascus.",
                 "as many as 200", id="projection-as-many-as"),
    pytest.param("The death toll could reach dozens of civilians who came to the Mosque for the "
                 "holy Ramadan prayers.", "dozens", id="projection-vague"),
    pytest.param("Kurdish forces seized the town in a lightning 2014 campaign and abducted dozens.",
                 "2014", id="bare-year-before-a-noun"),
    pytest.param("More than 350,000 people have been killed and millions displaced since Syria's "
                 "war started in 2011 with the brutal repression of anti-government protests.",
                 "2011", id="year-since"),
    pytest.param("Syria surrendered its stockpile of chemical weapons in 2014 to a joint mission "
                 "led by the United States", "2014", id="year-in"),
    pytest.param("Russia, a close ally of Syria, became involved in anti-terror operations in the "
                 "militancy-infested country in September 2015", "2015", id="month-year"),
    pytest.param("Sunday 30 Mar 2014 More than 50 rebels and jihadists were killed in fighting",
                 "30", id="date-day-abbrev-month"),
    pytest.param("Sunday 30 Mar 2014 More than 50 rebels and jihadists were killed in fighting",
                 "2014", id="dateline-year"),
    pytest.param("He noted that the Syrian mission to the UN had officially informed the UN "
                 "Security Council Committee 1540 on August 17 about the delivery of several "
                 "containers of chlorine", "1540", id="committee-id"),
    pytest.param("He noted that the Syrian mission to the UN had officially informed the UN "
                 "Security Council Committee 1540 on August 17 about the delivery of several "
                 "containers of chlorine", "17", id="month-day"),
    pytest.param("The observatory said Russian air strikes killed 23 civilians in strikes on "
                 "Idlib city on May 31 but Russia denied carrying out raids there that day.",
                 "31", id="may-31"),
    pytest.param("We have updated our Privacy Policy to comply with a new EU regulation that went "
                 "into effect on May 25, 2018.", "2018", id="comma-year"),
    pytest.param("6 October 2016 8 persons killed 58 others injured in terrorist rocket attacks",
                 "6", id="day-month"),
    pytest.param("The group has carried out such barrages before including on January 25 when it "
                 "fired dozens of rockets after a similar warning killing six.", "25",
                 id="january-25"),
    pytest.param("Thursday 01 September 2016 20:22 Syrian Coalition Urges UN to Relieve Aleppo",
                 "20:22", id="clock-time"),
    pytest.param("Air raids and artillery fire hit rebel-held districts until approximately 200 am "
                 "[2300 GMT Monday] after the Syrian army declared a ceasefire", "200",
                 id="time-am"),
    pytest.param("Air raids and artillery fire hit rebel-held districts until approximately 200 am "
                 "[2300 GMT Monday] after the Syrian army declared a ceasefire", "2300",
                 id="time-gmt"),
    pytest.param("The strike happened at 10 a.m. local time.", "10", id="time-a-m"),
    pytest.param("A Raqqa-based anti-ISIS activist network reported eight civilians were killed "
                 "by the coalition airstrikes including a 10-year-old child", "10",
                 id="age-year-old"),
    pytest.param("The boy, aged 12, was among the wounded.", "12", id="age-aged"),
    pytest.param("The boy was 12 years old.", "12", id="age-years-old"),
    pytest.param("\"The children were aged under 10\" said Observatory chief Rami Abdel Rahman",
                 "10", id="age-aged-under"),
    pytest.param("Syrian activists accused the forces of launching a nerve gas attack in what "
                 "would be the worst use of poison gas in the two-year-old civil war.", "two",
                 id="compound-age"),
    pytest.param("In the past two weeks more than 200 civilians have been killed in Aleppo", "two",
                 id="duration-weeks"),
    pytest.param("Your account has been deleted! You can restore your account within 30 days by "
                 "following the link sent to the e-mail address", "30", id="duration-days"),
    pytest.param("Human Rights Watch collected the names of 69 civilians killed in Manbij during a "
                 "five-day investigation this month.", "five", id="compound-duration"),
    pytest.param("One year later, the US, Britain, and France launched a coordinated missile "
                 "attack", "One", id="one-year-later"),
    pytest.param("Four people one of them a child were killed and six others were injured", "one",
                 id="one-of-them"),
    pytest.param("On October 13th 30 people were killed and 90 others were injured", "13th",
                 id="ordinal-digits"),
    pytest.param("The 2nd brigade was deployed to the town.", "2nd", id="ordinal-2nd"),
    pytest.param("Addressing the council Liu said Resolution 2286 passed in May by members to "
                 "protect civilians has plainly failed", "2286", id="resolution-id"),
    pytest.param("UN Security Council Resolution 2254 calls for a ceasefire", "2254",
                 id="resolution-2254"),
    pytest.param("Story Code: 202066", "202066", id="story-code"),
    pytest.param("The Russian Su-34 bombers and US F-16 jets flew over the S-400 batteries", "34",
                 id="aircraft-code"),
    pytest.param("The Russian Su-34 bombers and US F-16 jets flew over the S-400 batteries", "400",
                 id="missile-system-code"),
    pytest.param("Observatory chief Rami Abdul Rahman said the Syrian Democratic Forces [SDF] now "
                 "held 70 percent of the town", "70", id="percent-word"),
    pytest.param("Turnout was 99.3% in government areas.", "99.3", id="percent-sign"),
    pytest.param("They say they received $400 a month.", "400", id="money-dollar"),
    pytest.param("The $134M aid package was approved.", "134M", id="money-suffix"),
    pytest.param("Call +963 11 2345678 for details.", "2345678", id="phone"),
    pytest.param("20.07.2016(updated 1329 20.07.2016) Get short URL 0 154 The Syrian Arab Air "
                 "Force destroyed", "1329", id="updated-time"),
    pytest.param("20.07.2016(updated 1329 20.07.2016) Get short URL 0 154 The Syrian Arab Air "
                 "Force destroyed", "154", id="share-counter"),
    pytest.param("17-12-2014 ISIL Nusra Clash Fiercely on Qalmoun Barren Lands", "17-12-2014",
                 id="dashed-date"),
    pytest.param("More news: 99.", "99", id="bare-figure"),
    pytest.param("No one was killed and one by one they left.", "one", id="no-one"),
    pytest.param("Palmyra is famous for its 2000-year-old Roman colonnades", "2000",
                 id="compound-2000-year-old"),
    pytest.param("In September 2015 the humanitarian organisation reported that half of all "
                 "attacks on schools worldwide between 2011 and 2015 had occurred in Syria",
                 "2011", id="year-range"),
    pytest.param("The deal worth around $1 billion aims to fund imports of goods", "billion",
                 id="money-billion"),
]
# fmt: on


def _focus(sentence: str, focus: str) -> Quantity:
    quantities = extract_quantities(sentence)
    matches = [q for q in quantities if q.text == focus]
    assert matches, f"no quantity {focus!r}; got {[q.text for q in quantities]}"
    return matches[0]


@pytest.mark.parametrize(("sentence", "focus", "expected"), COUNTS)
def test_count(sentence: str, focus: str, expected: tuple) -> None:
    value, low, high, hedge, counted_or_category, event = expected
    quantity = _focus(sentence, focus)
    assert quantity.value == (None if value is None else pytest.approx(value))
    assert quantity.low == pytest.approx(low)
    assert quantity.high == (None if high is None else pytest.approx(high))
    assert quantity.hedge == hedge
    assert counted_or_category in (quantity.counted, quantity.category)
    assert quantity.event == event


@pytest.mark.parametrize(("sentence", "trap"), TRAPS)
def test_trap_is_not_a_count(sentence: str, trap: str) -> None:
    quantities = extract_quantities(sentence)
    spans = [m.span() for m in re.finditer(rf"(?<!\w){re.escape(trap)}(?!\w)", sentence)]
    assert spans, f"{trap!r} is not in the sentence"
    covering = [q.text for q in quantities for a, b in spans if q.start < b and a < q.end]
    assert covering == []


@pytest.mark.parametrize(
    ("sentence", "focus", "part"),
    [
        ("15 of the wounded were in critical condition.", "15 of the wounded", True),
        ("Two of the victims were found under the rubble.", "Two of the victims", True),
        ("Five of the dead were children.", "Five of the dead were children", False),
        ("At least 23 people were killed in Oweijel.", "At least 23 people", False),
        ("Of the dead, 14 had been shot.", "14", True),
        # FA-KES (dev fk-060): "three more" count the separate strike they tell in full.
        ("Three more civilians were killed in Maarret al-Numan.", "Three more civilians", False),
        ("It killed three and wounded 30 others.", "30 others", False),
    ],
)
def test_part_of_a_group_is_marked(sentence: str, focus: str, part: bool) -> None:
    """A part of a group counted elsewhere is marked unless the words name who the part are."""
    assert _focus(sentence, focus).part is part


def test_counts_in_order_with_offsets() -> None:
    sentence = (
        "At least 10 civilians were killed including five children in air strikes Friday on the "
        "rebel-held town of Atareb in Aleppo province of northern Syria a monitor said."
    )
    quantities = extract_quantities(sentence)
    assert [q.text for q in quantities] == ["At least 10 civilians", "five children"]
    assert [(q.start, q.end) for q in quantities] == [(0, 21), (44, 57)]
    assert [q.event for q in quantities] == ["killed", "killed"]


def test_no_counts_in_plain_text() -> None:
    assert extract_quantities("Russia denied carrying out raids there that day.") == []
    assert extract_quantities("") == []


def _check_invariants(text: str, quantities: list[Quantity]) -> None:
    for quantity in quantities:
        assert text[quantity.start : quantity.end] == quantity.text
        assert quantity.low >= 0
        if quantity.high is not None:
            assert quantity.low <= quantity.high
        if quantity.value is not None:
            assert quantity.low <= quantity.value
            assert quantity.high is None or quantity.value <= quantity.high
    starts = [q.start for q in quantities]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(quantities, quantities[1:], strict=False))


@given(st.text())
def test_arbitrary_text_never_raises_and_offsets_hold(text: str) -> None:
    _check_invariants(text, extract_quantities(text))


_SALAD = (
    "at least more than nearly about some up to between and to killed were wounded dozens "
    "hundreds of thousands a dozen half million forty-four one two Ten civilians children "
    "people km 2014 May 31 , . - 30 350,000 1.5 0 12:01 $ % aged year-old Resolution"
)
_WORDS = st.sampled_from(_SALAD.split(" "))


@given(st.lists(_WORDS | st.integers(0, 10**7).map(str), max_size=25).map(" ".join))
def test_word_salad_keeps_invariants(text: str) -> None:
    _check_invariants(text, extract_quantities(text))


_HEDGES = ["", "at least ", "more than ", "nearly ", "about ", "up to ", "fewer than ", "some "]


@given(
    st.sampled_from(_HEDGES),
    st.integers(1, 10**6),
    st.sampled_from(["civilians", "children", "people", "soldiers", "fighters"]),
    st.sampled_from(["", "In 2014, ", "On May 31 ", "Story Code: 202066. "]),
)
def test_stated_figure_is_read_and_contained(
    hedge: str, figure: int, noun: str, prefix: str
) -> None:
    """The figure is read as written, its interval holds it, and a leading trap changes nothing."""
    sentence = f"{prefix}{hedge}{figure:,} {noun} were killed"
    quantities = extract_quantities(sentence)
    assert len(quantities) == 1
    quantity = quantities[0]
    assert quantity.value == figure
    assert quantity.event == "killed"
    assert quantity.low <= figure <= (math.inf if quantity.high is None else quantity.high)
    assert quantity.text == f"{hedge}{figure:,} {noun}"


@pytest.mark.parametrize(
    ("sentence", "focus", "category"),
    [
        # fb-020 and fb-033: the government's fighters are counted as its soldiers elsewhere.
        (
            "Russia has also called for an emergency UN Security Council meeting after claiming "
            "over 60 regime fighters were killed by the US-led airstrikes on Saturday.",
            "over 60 regime fighters",
            "soldier",
        ),
        (
            "IS said at least 30 pro-regime gunmen were killed.",
            "at least 30 pro-regime gunmen",
            "soldier",
        ),
        ("Air strikes killed 30 Kurdish fighters.", "30 Kurdish fighters", "fighter"),
        ("The strike killed 30 anti-regime fighters.", "30 anti-regime fighters", "fighter"),
    ],
)
def test_fighters_of_the_government_side_are_its_soldiers(sentence, focus, category) -> None:
    assert _focus(sentence, focus).category == category
