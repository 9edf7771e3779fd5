"""Third held-out set for quote and speaker extraction: 30 release excerpts with their expected quotes.

Written from the gold conventions (../shared/osce/GOLD_CONVENTIONS.md) and the style of real OSCE
releases, WITHOUT reading the extractor (scraper/quotes/), its tests, the first held-out set or the
cases of the second, so that no case is shaped by what the code does. Every excerpt, name and event
is invented; no text is copied from a real page. The shape (quote, speaker and case records) and the
consistency check `problems()` are the second set's, reused as they are.

How the expectations are written (the gold conventions):
- `text` is exactly the characters between the opening and the closing mark; a quotation running
  over several paragraphs is one entry (paragraphs joined with one space, the intermediate opening
  marks dropped); a quotation interrupted by an attribution is two entries; `paragraph` is the
  0-based index of the paragraph where the quotation opens.
- `speaker` is the full name as first introduced, without honorifics (Ambassador); `None` when only
  an institution speaks. A stand-alone quoted paragraph continuing the previous speaker is theirs.
- `role` is the fullest role phrase the text gives (leading article dropped, verbatim otherwise).
- NOT quotes: titles of reports, guides, conferences and campaigns; scare quotes of a word or two.
- No partial quotation inside a sentence occurs here: how to treat those is undecided.
"""

from __future__ import annotations

from bench.quotes_holdout_b import ExpectedQuote as Q
from bench.quotes_holdout_b import ExpectedSpeaker as S
from bench.quotes_holdout_b import HeldOutCaseB as HeldOutCaseC
from bench.quotes_holdout_b import problems

__all__ = ["CASES", "HeldOutCaseC", "problems"]

CASES: list[HeldOutCaseC] = [
    HeldOutCaseC(
        name="skopje-forensics-role-after-said",
        paragraphs=(
            "SKOPJE, 14 March 2025 – The OSCE Mission to Skopje today handed over forensic equipment to the national police academy, completing a two-year project on crime-scene investigation.",
            "“Evidence that is collected properly is evidence that holds up in court,” said the Head of the OSCE Mission to Skopje, Ambassador Marta Kovačević.",
            "The equipment includes mobile laboratories and training kits for 120 investigators.",
        ),
        quotes=(Q("Evidence that is collected properly is evidence that holds up in court,", "Marta Kovačević", 1),),
        speakers=(S("Marta Kovačević", "Head of the OSCE Mission to Skopje"),),
    ),
    HeldOutCaseC(
        name="vienna-cyber-surname-colon",
        paragraphs=(
            "VIENNA, 3 February 2025 – OSCE Secretary General Tomas Lindqvist opened a two-day conference on cyber confidence-building measures in the Hofburg.",
            "Lindqvist said: “Cyber incidents do not respect borders. Confidence between States is built one channel of communication at a time.”",
        ),
        quotes=(
            Q(
                "Cyber incidents do not respect borders. Confidence between States is built one channel of communication at a time.",
                "Tomas Lindqvist",
                1,
            ),
        ),
        speakers=(S("Tomas Lindqvist", "OSCE Secretary General"),),
    ),
    HeldOutCaseC(
        name="belgrade-media-appositive-the-head",
        paragraphs=(
            "BELGRADE, 22 May 2024 – Dragana Petrović, the Head of the Media Department of the OSCE Mission to Serbia, opened a workshop for local journalists on the safety of reporters covering elections.",
            "“Journalists who feel threatened stop asking questions, and citizens stop getting answers,” Petrović said.",
            "The workshop brought together 25 reporters from 14 towns.",
        ),
        quotes=(
            Q("Journalists who feel threatened stop asking questions, and citizens stop getting answers,", "Dragana Petrović", 1),
        ),
        speakers=(S("Dragana Petrović", "Head of the Media Department of the OSCE Mission to Serbia"),),
    ),
    HeldOutCaseC(
        name="bishkek-border-said-name-role-split-quote",
        paragraphs=(
            "BISHKEK, 9 October 2024 – Forty border guards completed a course on detecting forged travel documents organized by the OSCE Programme Office in Bishkek.",
            "“A forged passport is often the first link in a chain that ends in trafficking or terrorism,” said Elena Marchetti, Deputy Head of the OSCE Programme Office in Bishkek. “Every officer trained here closes a gap.”",
        ),
        quotes=(
            Q("A forged passport is often the first link in a chain that ends in trafficking or terrorism,", "Elena Marchetti", 1),
            Q("Every officer trained here closes a gap.", "Elena Marchetti", 1),
        ),
        speakers=(S("Elena Marchetti", "Deputy Head of the OSCE Programme Office in Bishkek"),),
    ),
    HeldOutCaseC(
        name="tashkent-water-he-added",
        paragraphs=(
            "TASHKENT, 17 April 2025 – The OSCE Project Co-ordinator in Uzbekistan, Ambassador Hans-Peter Vogt, presented a handbook on water management to officials of the Ministry of Water Resources.",
            "“Water shared wisely between farms and cities is a matter of security, not only of economics,” Vogt said.",
            "“We hope this handbook becomes a working tool on every district official’s desk,” he added.",
        ),
        quotes=(
            Q("Water shared wisely between farms and cities is a matter of security, not only of economics,", "Hans-Peter Vogt", 1),
            Q("We hope this handbook becomes a working tool on every district official’s desk,", "Hans-Peter Vogt", 2),
        ),
        speakers=(S("Hans-Peter Vogt", "OSCE Project Co-ordinator in Uzbekistan"),),
    ),
    HeldOutCaseC(
        name="warsaw-hate-crime-guide-titles",
        paragraphs=(
            "WARSAW, 12 June 2024 – The OSCE Office for Democratic Institutions and Human Rights (ODIHR) today published “Hate Crime Data Collection: A Practical Guide for Police”, a handbook for law enforcement agencies across the OSCE region.",
            "“Reliable data are the starting point of any serious response to hate crime,” said ODIHR Director Matteo Rinaldi.",
            "The guide will be presented at the conference “Countering Hate Together” in Vilnius in September.",
        ),
        quotes=(Q("Reliable data are the starting point of any serious response to hate crime,", "Matteo Rinaldi", 1),),
        speakers=(S("Matteo Rinaldi", "ODIHR Director"),),
    ),
    HeldOutCaseC(
        name="vienna-chairpersonship-institution-only",
        paragraphs=(
            "VIENNA, 5 November 2024 – The Finnish OSCE Chairpersonship welcomed the release of two detained staff members of the Organization.",
            "“This is a day of relief for their families and for the entire OSCE community,” the Chairpersonship said in a statement.",
        ),
        quotes=(Q("This is a day of relief for their families and for the entire OSCE community,", None, 1),),
        speakers=(),
    ),
    HeldOutCaseC(
        name="kyiv-rfom-scare-quote-split",
        paragraphs=(
            "KYIV, 28 August 2024 – The OSCE Representative on Freedom of the Media, Lucia Ferreira, expressed concern about the labelling of independent outlets as “undesirable” in several jurisdictions.",
            "“No journalist should be branded an enemy for doing the job of informing the public,” Ferreira said. “Labels like these are designed to silence, and they often succeed.”",
        ),
        quotes=(
            Q("No journalist should be branded an enemy for doing the job of informing the public,", "Lucia Ferreira", 1),
            Q("Labels like these are designed to silence, and they often succeed.", "Lucia Ferreira", 1),
        ),
        speakers=(S("Lucia Ferreira", "OSCE Representative on Freedom of the Media"),),
    ),
    HeldOutCaseC(
        name="tirana-anticorruption-three-paragraph-quote",
        paragraphs=(
            "TIRANA, 2 December 2024 – Ambassador Karin Holmberg, Head of the OSCE Presence in Albania, addressed the closing session of the national forum on anti-corruption.",
            "“Over the past year, prosecutors and judges have shown that no office is above the law.",
            "“Yet institutions alone cannot carry this work. Citizens who report abuse, journalists who investigate and teachers who explain why integrity matters are all part of it.",
            "“The OSCE Presence will stand beside each of them,” Holmberg said.",
        ),
        quotes=(
            Q(
                "Over the past year, prosecutors and judges have shown that no office is above the law. Yet institutions alone cannot carry this work. Citizens who report abuse, journalists who investigate and teachers who explain why integrity matters are all part of it. The OSCE Presence will stand beside each of them,",
                "Karin Holmberg",
                1,
            ),
        ),
        speakers=(S("Karin Holmberg", "Head of the OSCE Presence in Albania"),),
        hard=True,
    ),
    HeldOutCaseC(
        name="pristina-interpreters-two-speakers",
        paragraphs=(
            "PRISTINA, 19 September 2024 – The OSCE Mission in Kosovo and the Kosovo Judicial Council signed a memorandum on the training of court interpreters for minority languages.",
            "“Access to justice begins with understanding what is said in the courtroom,” said Jan Novak, Head of the OSCE Mission in Kosovo.",
            "Chair of the Kosovo Judicial Council Arben Krasniqi said: “Every citizen has the right to follow their own case in their own language. This agreement helps us honour that right.”",
        ),
        quotes=(
            Q("Access to justice begins with understanding what is said in the courtroom,", "Jan Novak", 1),
            Q(
                "Every citizen has the right to follow their own case in their own language. This agreement helps us honour that right.",
                "Arben Krasniqi",
                2,
            ),
        ),
        speakers=(
            S("Jan Novak", "Head of the OSCE Mission in Kosovo"),
            S("Arben Krasniqi", "Chair of the Kosovo Judicial Council"),
        ),
    ),
    HeldOutCaseC(
        name="dushanbe-youth-nested-single-quotes",
        paragraphs=(
            "DUSHANBE, 11 July 2024 – The OSCE Programme Office in Dushanbe held a round table on youth participation in local decision-making.",
            "“Too often young people hear ‘wait your turn’ when they ask for a seat at the table,” said Programme Officer Nilufar Rahimova. “Today we heard them say ‘our turn is now’, and local officials listened.”",
        ),
        quotes=(
            Q("Too often young people hear ‘wait your turn’ when they ask for a seat at the table,", "Nilufar Rahimova", 1),
            Q("Today we heard them say ‘our turn is now’, and local officials listened.", "Nilufar Rahimova", 1),
        ),
        speakers=(S("Nilufar Rahimova", "Programme Officer"),),
    ),
    HeldOutCaseC(
        name="chisinau-women-according-to",
        paragraphs=(
            "CHISINAU, 4 March 2025 – More than 300 women from rural districts took part in leadership training supported by the OSCE Mission to Moldova over the past year.",
            "“Women who lead at the village level change how whole communities see public service,” according to Victoria Lungu, National Gender Officer at the OSCE Mission to Moldova.",
        ),
        quotes=(Q("Women who lead at the village level change how whole communities see public service,", "Victoria Lungu", 1),),
        speakers=(S("Victoria Lungu", "National Gender Officer at the OSCE Mission to Moldova"),),
    ),
    HeldOutCaseC(
        name="vienna-supply-chains-stressed-who-is",
        paragraphs=(
            "VIENNA, 25 January 2025 – Representatives of 40 participating States met in Vienna to review progress in the fight against trafficking in human beings along supply chains.",
            "“Forced labour hides in the goods we buy every day,” stressed Aurelia Constantin, who is the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings.",
            "Constantin noted that public procurement rules could require suppliers to prove that no forced labour was used.",
        ),
        quotes=(Q("Forced labour hides in the goods we buy every day,", "Aurelia Constantin", 1),),
        speakers=(
            S("Aurelia Constantin", "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"),
        ),
        hard=True,
    ),
    HeldOutCaseC(
        name="ashgabat-energy-pronoun-around",
        paragraphs=(
            "ASHGABAT, 30 May 2024 – The OSCE Centre in Ashgabat organized a seminar on energy efficiency in public buildings for municipal engineers.",
            "Ambassador Richard Lawson, Head of the OSCE Centre in Ashgabat, opened the seminar.",
            "“Every kilowatt saved in a school or a hospital is money that can go to teachers and doctors,” he said. “Energy efficiency is the cheapest energy of all.”",
        ),
        quotes=(
            Q("Every kilowatt saved in a school or a hospital is money that can go to teachers and doctors,", "Richard Lawson", 2),
            Q("Energy efficiency is the cheapest energy of all.", "Richard Lawson", 2),
        ),
        speakers=(S("Richard Lawson", "Head of the OSCE Centre in Ashgabat"),),
    ),
    HeldOutCaseC(
        name="sarajevo-schools-standalone-continuation",
        paragraphs=(
            "SARAJEVO, 8 October 2024 – Ambassador Brian Whitfield, Head of the OSCE Mission to Bosnia and Herzegovina, visited a secondary school in Mostar where students of different backgrounds share classrooms.",
            "“What I saw today is what this country can be,” Whitfield said after meeting the students.",
            "“Shared schools are not a threat to anyone’s identity. They are a promise of a common future.”",
        ),
        quotes=(
            Q("What I saw today is what this country can be,", "Brian Whitfield", 1),
            Q("Shared schools are not a threat to anyone’s identity. They are a promise of a common future.", "Brian Whitfield", 2),
        ),
        speakers=(S("Brian Whitfield", "Head of the OSCE Mission to Bosnia and Herzegovina"),),
        hard=True,
    ),
    HeldOutCaseC(
        name="astana-radioactive-she-added-colon",
        paragraphs=(
            "ASTANA, 15 November 2024 – The OSCE Programme Office in Astana and the Ministry of Ecology held a regional meeting on the safe storage of radioactive waste.",
            "“Legacy sites from the past century are a shared regional concern,” said Gulnara Seitkali, Environmental Affairs Officer at the OSCE Programme Office in Astana.",
            "She added: “We need common standards for monitoring, and we need them shared across borders.”",
        ),
        quotes=(
            Q("Legacy sites from the past century are a shared regional concern,", "Gulnara Seitkali", 1),
            Q("We need common standards for monitoring, and we need them shared across borders.", "Gulnara Seitkali", 2),
        ),
        speakers=(S("Gulnara Seitkali", "Environmental Affairs Officer at the OSCE Programme Office in Astana"),),
    ),
    HeldOutCaseC(
        name="podgorica-policing-conference-title",
        paragraphs=(
            "PODGORICA, 6 June 2024 – The conference “Safe Cities, Safe Citizens” brought together police chiefs from the Western Balkans to discuss community policing.",
            "Deputy Minister of Interior of Montenegro Milan Vuković said: “Trust between police and citizens is built on the street, in daily contact, not in press releases.”",
            "The conference was organized by the OSCE Mission to Montenegro.",
        ),
        quotes=(
            Q(
                "Trust between police and citizens is built on the street, in daily contact, not in press releases.",
                "Milan Vuković",
                1,
            ),
        ),
        speakers=(S("Milan Vuković", "Deputy Minister of Interior of Montenegro"),),
    ),
    HeldOutCaseC(
        name="yerevan-campaign-no-speech",
        paragraphs=(
            "YEREVAN, 20 February 2025 – The OSCE launched the campaign “Speak Up, Stay Safe” to inform young people about online grooming.",
            "Posters and short videos explain, in plain language, how so-called “friends” online may hide their real intentions.",
            "The campaign will run in schools across five regions until June.",
        ),
        quotes=(),
        speakers=(),
    ),
    HeldOutCaseC(
        name="ulaanbaatar-pa-noted-colon",
        paragraphs=(
            "ULAANBAATAR, 13 September 2024 – Members of the OSCE Parliamentary Assembly concluded a three-day visit to Mongolia focused on election legislation.",
            "Sofia Lindgren, Vice-President of the OSCE Parliamentary Assembly, noted: “Mongolia has made real progress in making its elections more transparent. The next step is to ensure equal access to the media for all candidates.”",
        ),
        quotes=(
            Q(
                "Mongolia has made real progress in making its elections more transparent. The next step is to ensure equal access to the media for all candidates.",
                "Sofia Lindgren",
                1,
            ),
        ),
        speakers=(S("Sofia Lindgren", "Vice-President of the OSCE Parliamentary Assembly"),),
    ),
    HeldOutCaseC(
        name="vienna-pc-briefing-two-surnames",
        paragraphs=(
            "VIENNA, 10 April 2025 – OSCE Secretary General Tomas Lindqvist and the Director of the OSCE Conflict Prevention Centre, Ambassador Irene Haas, briefed the Permanent Council on the situation in the South Caucasus.",
            "“Dialogue has not failed; it has simply not yet been given enough time,” said Lindqvist.",
            "Haas said that the Centre had deployed additional experts to the region. “Our early-warning work depends on being present, on the ground, every day,” she said.",
        ),
        quotes=(
            Q("Dialogue has not failed; it has simply not yet been given enough time,", "Tomas Lindqvist", 1),
            Q("Our early-warning work depends on being present, on the ground, every day,", "Irene Haas", 2),
        ),
        speakers=(
            S("Tomas Lindqvist", "OSCE Secretary General"),
            S("Irene Haas", "Director of the OSCE Conflict Prevention Centre"),
        ),
        hard=True,
    ),
    HeldOutCaseC(
        name="baku-demining-quote-in-dateline",
        paragraphs=(
            "BAKU, 21 June 2024 – “Mine action saves lives long after the fighting stops,” said Rashad Aliyev, National Programme Manager of the OSCE project on humanitarian demining, at a ceremony marking the clearance of 200 hectares of farmland.",
            "The cleared land will be returned to 60 families for cultivation.",
        ),
        quotes=(Q("Mine action saves lives long after the fighting stops,", "Rashad Aliyev", 0),),
        speakers=(S("Rashad Aliyev", "National Programme Manager of the OSCE project on humanitarian demining"),),
    ),
    HeldOutCaseC(
        name="skopje-election-threats-mission-statement",
        paragraphs=(
            "SKOPJE, 27 January 2025 – The OSCE Mission to Skopje expressed concern over threats made against a member of the State Election Commission.",
            "In a statement, the Mission said: “Attacks on election officials are attacks on the integrity of the electoral process itself. We call on the authorities to investigate promptly.”",
        ),
        quotes=(
            Q(
                "Attacks on election officials are attacks on the integrity of the electoral process itself. We call on the authorities to investigate promptly.",
                None,
                1,
            ),
        ),
        speakers=(),
    ),
    HeldOutCaseC(
        name="vienna-hcnm-report-title-explained",
        paragraphs=(
            "VIENNA, 2 October 2024 – The OSCE High Commissioner on National Minorities, Kristian Aalto, presented the report “Language Policy in Diverse Societies” to the Permanent Council.",
            "“Language can unite a society or divide it, depending on the choices governments make,” Aalto explained.",
            "The report draws on consultations in 12 participating States.",
        ),
        quotes=(Q("Language can unite a society or divide it, depending on the choices governments make,", "Kristian Aalto", 1),),
        speakers=(S("Kristian Aalto", "OSCE High Commissioner on National Minorities"),),
    ),
    HeldOutCaseC(
        name="dushanbe-fire-trucks-the-ambassador-added",
        paragraphs=(
            "DUSHANBE, 3 April 2025 – Ambassador Lars Eriksen, Head of the OSCE Programme Office in Dushanbe, handed over two fire trucks to the Committee of Emergency Situations in Khatlon province.",
            "“Fast response in the first hour decides how much a community loses to a flood or a fire,” Eriksen said.",
            "“These vehicles will serve villages that until now waited hours for help,” the Ambassador added.",
        ),
        quotes=(
            Q("Fast response in the first hour decides how much a community loses to a flood or a fire,", "Lars Eriksen", 1),
            Q("These vehicles will serve villages that until now waited hours for help,", "Lars Eriksen", 2),
        ),
        speakers=(S("Lars Eriksen", "Head of the OSCE Programme Office in Dushanbe"),),
        hard=True,
    ),
    HeldOutCaseC(
        name="odesa-psychologists-straight-marks-lowercase-role",
        paragraphs=(
            "ODESA, 16 May 2024 – The OSCE Project Co-ordinator in Ukraine supported a training for 30 emergency psychologists working with families of missing persons.",
            "\"The families we work with live in a state of uncertainty that can last years,\" said trainer Oksana Melnyk. \"Our task is to help them carry it.\"",
        ),
        quotes=(
            Q("The families we work with live in a state of uncertainty that can last years,", "Oksana Melnyk", 1),
            Q("Our task is to help them carry it.", "Oksana Melnyk", 1),
        ),
        speakers=(S("Oksana Melnyk", "trainer"),),
    ),
    HeldOutCaseC(
        name="vienna-youth-question-asked",
        paragraphs=(
            "VIENNA, 30 November 2024 – Youth delegates from 25 participating States presented their recommendations on climate security to OSCE ambassadors.",
            "\"If not our generation, then whose future are we negotiating?\" asked Lena Hoffmann, a youth delegate from Austria.",
            "The recommendations will be forwarded to the Ministerial Council in Malta.",
        ),
        quotes=(Q("If not our generation, then whose future are we negotiating?", "Lena Hoffmann", 1),),
        speakers=(S("Lena Hoffmann", "youth delegate from Austria"),),
    ),
    HeldOutCaseC(
        name="almaty-water-school-two-speakers-study-title",
        paragraphs=(
            "ALMATY, 7 August 2024 – The OSCE Academy in Bishkek and the Central Asian Water Forum held a summer school on transboundary river management.",
            "Director of the OSCE Academy in Bishkek Aigul Temirova said: “Our graduates will negotiate the water agreements of the next twenty years.”",
            "“Rivers connect our countries whether we like it or not, so we had better manage them together,” said Bakhyt Nurlanov, Chairman of the Central Asian Water Forum.",
            "Participants also discussed the study “Glaciers and Growth” published in May.",
        ),
        quotes=(
            Q("Our graduates will negotiate the water agreements of the next twenty years.", "Aigul Temirova", 1),
            Q("Rivers connect our countries whether we like it or not, so we had better manage them together,", "Bakhyt Nurlanov", 2),
        ),
        speakers=(
            S("Aigul Temirova", "Director of the OSCE Academy in Bishkek"),
            S("Bakhyt Nurlanov", "Chairman of the Central Asian Water Forum"),
        ),
    ),
    HeldOutCaseC(
        name="tbilisi-torture-told-participants-continued",
        paragraphs=(
            "TBILISI, 12 March 2025 – A regional seminar on the prevention of torture in places of detention took place in Tbilisi with support from ODIHR.",
            "Piotr Zieliński, Deputy Director of ODIHR, told participants: “Independent monitoring of detention is not a favour to prisoners; it is an obligation of the State.”",
            "“Where monitors have access, ill-treatment becomes rarer,” Zieliński continued.",
        ),
        quotes=(
            Q("Independent monitoring of detention is not a favour to prisoners; it is an obligation of the State.", "Piotr Zieliński", 1),
            Q("Where monitors have access, ill-treatment becomes rarer,", "Piotr Zieliński", 2),
        ),
        speakers=(S("Piotr Zieliński", "Deputy Director of ODIHR"),),
    ),
    HeldOutCaseC(
        name="vienna-pc-chair-colon-then-two-paragraph-quote",
        paragraphs=(
            "VIENNA, 18 December 2024 – Closing the year’s last session of the Permanent Council, the Chair of the Permanent Council, Ambassador Maria Oliveira, said:",
            "“This year tested the Organization as few before it. We met without certainty and sometimes without agreement.",
            "“But we met. And as long as we keep meeting, the OSCE keeps its promise to the people of our region.”",
        ),
        quotes=(
            Q(
                "This year tested the Organization as few before it. We met without certainty and sometimes without agreement. But we met. And as long as we keep meeting, the OSCE keeps its promise to the people of our region.",
                "Maria Oliveira",
                1,
            ),
        ),
        speakers=(S("Maria Oliveira", "Chair of the Permanent Council"),),
        hard=True,
    ),
    HeldOutCaseC(
        name="prague-forum-scare-quote-ministry-null",
        paragraphs=(
            "PRAGUE, 23 May 2025 – The Economic and Environmental Forum of the OSCE opened in Prague with a session on the “green transition” in industrial regions.",
            "“Regions that once lived from coal must not be left behind by the change,” said Co-ordinator of OSCE Economic and Environmental Activities Sven Torvaldsen.",
            "The Czech Ministry of Industry said in a message to the Forum: “The Czech Republic is ready to share its experience of retraining miners for new jobs.”",
            "Torvaldsen added that the Forum’s conclusions would be presented in Vienna in September.",
        ),
        quotes=(
            Q("Regions that once lived from coal must not be left behind by the change,", "Sven Torvaldsen", 1),
            Q("The Czech Republic is ready to share its experience of retraining miners for new jobs.", None, 2),
        ),
        speakers=(S("Sven Torvaldsen", "Co-ordinator of OSCE Economic and Environmental Activities"),),
        hard=True,
    ),
]
