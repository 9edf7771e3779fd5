"""Fifth held-out set for quote and speaker extraction: 46 invented OSCE release excerpts.

Written for issue 11, after the fourth set (bench/quotes_holdout_d.py) had been used for tuning, to give
an unseen measurement again. Its author did NOT read the extractor (scraper/), its tests, the first
held-out set, the first measurements or the cases of the second, third and fourth sets; only the gold
conventions (../shared/osce/GOLD_CONVENTIONS.md), the data format of the fourth set (reused here by
import) and the scoring code of bench/quotes.py. Every excerpt, name and event is invented; no
sentence is copied from a real page. The voices are the OSCE's: Chairpersonship, Secretary General,
ODIHR (election observation with several heads of delegation), HCNM, RFoM, field operations (Skopje,
Bishkek, Bosnia and Herzegovina, Ukraine, Ashgabat), the Parliamentary Assembly and the Special
Representative for Combating Trafficking. 32 in English, 8 in Russian, 3 in French, 3 in German.

15 cases are marked `hard`: a title back-reference or a surname with an honorific at the quote; an
appositive role of an unusual shape ("newly appointed as the …"); a quotation running over two
paragraphs; consecutive quoted paragraphs whose speaker changes; a joint statement of two officials
(speaker None) beside quotes of one of them; an anonymous person quoted next to a named one; a page
whose every quoted span is a title, a hashtag or a scare quote; straight single marks; honorifics of
four languages (Ambassador, Dr, Mr., г-н, г-жа, посол, M., Mme, Herr, Frau).

The expectations follow the fourth set's rules (see its docstring): `text` exactly between the marks
(without a typesetter's spaces inside guillemets), one entry for a quotation over several paragraphs,
two for one interrupted by an attribution; `speaker` the full name as first introduced without
honorifics, None for an institution, an unnamed official, an anonymous person or words attributed to
two people at once; `role` the fullest role phrase the text gives, leading article and bracketed
acronyms dropped, verbatim otherwise, None if none. No EP capitals and no party brackets occur here,
so `affiliation` and `name_raw` are always None. Self-check: `uv run python -m bench.quotes_holdout_e`.
"""

from __future__ import annotations

from bench.quotes_holdout_b import ExpectedQuote as Q
from bench.quotes_holdout_d import ExpectedSpeakerD as S
from bench.quotes_holdout_d import HeldOutCaseD, problems

__all__ = ["CASES", "problems"]

NB = "\u00a0"  # the no-break space a French typesetter puts inside guillemets

CASES: list[HeldOutCaseD] = [
    # ------------------------------------------------------------ Chairpersonship
    HeldOutCaseD(
        name="cio-role-before-name-then-title-surname",
        paragraphs=(
            "TBILISI, 3 March 2027 – OSCE Chairperson-in-Office and Foreign Minister of Malta Karmen Vella-Borg today concluded a two-day visit to Georgia, where she met the President, the Prime Minister and representatives of civil society.",
            "“Dialogue within the Geneva International Discussions remains the only format where all sides sit at one table, and it must be protected,” said Chairperson-in-Office Vella-Borg. “I have heard today how much the people living near the dividing line depend on it.”",
            "The Chairperson-in-Office also visited a community centre in Gori supported by the OSCE.",
        ),
        quotes=(
            Q("Dialogue within the Geneva International Discussions remains the only format where all sides sit at one table, and it must be protected,", "Karmen Vella-Borg", 1),
            Q("I have heard today how much the people living near the dividing line depend on it.", "Karmen Vella-Borg", 1),
        ),
        speakers=(S("Karmen Vella-Borg", "OSCE Chairperson-in-Office and Foreign Minister of Malta"),),
    ),
    HeldOutCaseD(
        name="cio-joint-statement-with-sg-then-one-of-them",
        paragraphs=(
            "VIENNA, 1 August 2027 – OSCE Chairperson-in-Office, Minister for Foreign Affairs of Austria Lukas Reiterer, and OSCE Secretary General Sofia Amaral issued the following joint statement on the anniversary of the Helsinki Final Act:",
            "“Fifty-two years ago, leaders of a divided continent agreed that security is built on respect for borders, for human rights and for each other. Those principles have been tested as never before, and they remain our compass.”",
            "“We call on all participating States to recommit to them in word and in deed.”",
            "Speaking later to journalists, Reiterer added: “The Chairpersonship will spend the coming months listening to every capital.”",
        ),
        quotes=(
            Q("Fifty-two years ago, leaders of a divided continent agreed that security is built on respect for borders, for human rights and for each other. Those principles have been tested as never before, and they remain our compass.", None, 1),
            Q("We call on all participating States to recommit to them in word and in deed.", None, 2),
            Q("The Chairpersonship will spend the coming months listening to every capital.", "Lukas Reiterer", 3),
        ),
        speakers=(S("Lukas Reiterer", "OSCE Chairperson-in-Office, Minister for Foreign Affairs of Austria"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="cio-quote-first-said-name-role-after-comma",
        paragraphs=(
            "SKOPJE, 5 July 2027 – “North Macedonia has shown that it is possible to build a shared home for people who speak different languages,” said Andreas Krogh, Norway’s Minister of Foreign Affairs and OSCE Chairman-in-Office, during his visit to Skopje today.",
            "He met the President and the Prime Minister and visited the OSCE Mission to Skopje, where he was briefed on its work on decentralization.",
        ),
        quotes=(
            Q("North Macedonia has shown that it is possible to build a shared home for people who speak different languages,", "Andreas Krogh", 0),
        ),
        speakers=(S("Andreas Krogh", "Norway’s Minister of Foreign Affairs and OSCE Chairman-in-Office"),),
    ),
    HeldOutCaseD(
        name="cio-joint-communique-two-ministers-then-one",
        paragraphs=(
            "BELGRADE, 9 September 2027 – Foreign Minister of Finland and OSCE Chairperson-in-Office Aino Salminen and Serbia’s Foreign Minister Dragan Ilić held a joint press conference after their talks in Belgrade.",
            "In a joint communiqué, the two ministers said: “We agree that the OSCE Mission to Serbia has a continued role to play in supporting reforms of the judiciary and the media.”",
            "“Serbia has been a reliable partner in this work,” Salminen added.",
            "Ilić said the Mission’s mandate should be reviewed next year, but he did not question its presence.",
        ),
        quotes=(
            Q("We agree that the OSCE Mission to Serbia has a continued role to play in supporting reforms of the judiciary and the media.", None, 1),
            Q("Serbia has been a reliable partner in this work,", "Aino Salminen", 2),
        ),
        speakers=(S("Aino Salminen", "Foreign Minister of Finland and OSCE Chairperson-in-Office"),),
        hard=True,
    ),
    # ------------------------------------------------------------ Secretary General
    HeldOutCaseD(
        name="sg-said-name-the-role",
        paragraphs=(
            "VIENNA, 14 April 2027 – Experts from more than 50 participating States met at the OSCE Secretariat to review how the Organization’s cyber confidence-building measures are being used.",
            "“States that talk to each other about incidents in cyberspace are less likely to misread them,” said Tomas Lindqvist, the OSCE Secretary General. “Our confidence-building measures are modest tools, but they work when they are used.”",
            "The national points of contact tested their communication channels in a simulated incident on the second day.",
        ),
        quotes=(
            Q("States that talk to each other about incidents in cyberspace are less likely to misread them,", "Tomas Lindqvist", 1),
            Q("Our confidence-building measures are modest tools, but they work when they are used.", "Tomas Lindqvist", 1),
        ),
        speakers=(S("Tomas Lindqvist", "OSCE Secretary General"),),
    ),
    HeldOutCaseD(
        name="sg-statement-colon-then-stand-alone-paragraphs",
        paragraphs=(
            "VIENNA, 8 March 2027 – On International Women’s Day, OSCE Secretary General Sofia Amaral issued the following statement:",
            "“Women are still absent from too many negotiating tables. Where they are present, agreements last longer.”",
            "“The OSCE will keep working to ensure that women’s voices are heard in every phase of the conflict cycle, from early warning to reconciliation.”",
        ),
        quotes=(
            Q("Women are still absent from too many negotiating tables. Where they are present, agreements last longer.", "Sofia Amaral", 1),
            Q("The OSCE will keep working to ensure that women’s voices are heard in every phase of the conflict cycle, from early warning to reconciliation.", "Sofia Amaral", 2),
        ),
        speakers=(S("Sofia Amaral", "OSCE Secretary General"),),
    ),
    HeldOutCaseD(
        name="sg-and-minister-alternating-title-back-reference",
        paragraphs=(
            "ULAANBAATAR, 19 June 2027 – The OSCE Secretary General, Sofia Amaral, and Mongolia’s Minister of Foreign Affairs, Batbayar Enkhtuya, today signed a memorandum on co-operation in border management.",
            "“Mongolia brings to the OSCE the experience of a country that has kept good relations with very large neighbours,” Amaral said.",
            "“We see the OSCE as a partner that understands our region and respects our choices,” said Enkhtuya.",
            "“Border guards from both sides will now be able to train together,” the Minister added.",
        ),
        quotes=(
            Q("Mongolia brings to the OSCE the experience of a country that has kept good relations with very large neighbours,", "Sofia Amaral", 1),
            Q("We see the OSCE as a partner that understands our region and respects our choices,", "Batbayar Enkhtuya", 2),
            Q("Border guards from both sides will now be able to train together,", "Batbayar Enkhtuya", 3),
        ),
        speakers=(
            S("Sofia Amaral", "OSCE Secretary General"),
            S("Batbayar Enkhtuya", "Mongolia’s Minister of Foreign Affairs"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="secretariat-unnamed-spokesperson",
        paragraphs=(
            "VIENNA, 16 August 2027 – An OSCE spokesperson today confirmed that two staff members of the OSCE Mission to Moldova were slightly injured in a road accident near Comrat.",
            "“Both colleagues received medical care immediately and are in stable condition. We thank the local emergency services for their quick response,” the spokesperson said.",
            "The Mission has suspended travel on the route pending a review of the incident.",
        ),
        quotes=(
            Q("Both colleagues received medical care immediately and are in stable condition. We thank the local emergency services for their quick response,", None, 1),
        ),
        speakers=(),
    ),
    # ------------------------------------------------------------ ODIHR
    HeldOutCaseD(
        name="odihr-preliminary-statement-four-heads",
        paragraphs=(
            "VILNIUS, 9 October 2027 – Sunday’s parliamentary elections in Lithuania were competitive and well run, and fundamental freedoms were respected, although the campaign was marred by the misuse of administrative resources at the local level, international observers said in a statement issued today.",
            "“Voters had a genuine choice between distinct political alternatives, and they went to the polls in large numbers,” said Marta Ferreira-Lopes, Special Co-ordinator and leader of the short-term OSCE observer mission. “Now the authorities should look closely at the complaints about pressure on public employees and act on them.”",
            "“The election administration earned the trust of contestants through its openness and its careful work,” said Henrik Dahlgren, Head of the OSCE PA delegation. “It is a trust that was built over many years and deserves to be protected.”",
            "“Women were well represented among candidates but remain few in the outgoing parliament, and party lists could do more to change that,” said Ana Kovačić, Head of the PACE delegation.",
            "“Our long-term observers will remain in the country to follow the counting of postal votes and the handling of appeals,” said Ambassador Pieter van Loon, Head of the ODIHR election observation mission.",
            "The international election observation mission totalled 312 observers from 38 countries.",
        ),
        quotes=(
            Q("Voters had a genuine choice between distinct political alternatives, and they went to the polls in large numbers,", "Marta Ferreira-Lopes", 1),
            Q("Now the authorities should look closely at the complaints about pressure on public employees and act on them.", "Marta Ferreira-Lopes", 1),
            Q("The election administration earned the trust of contestants through its openness and its careful work,", "Henrik Dahlgren", 2),
            Q("It is a trust that was built over many years and deserves to be protected.", "Henrik Dahlgren", 2),
            Q("Women were well represented among candidates but remain few in the outgoing parliament, and party lists could do more to change that,", "Ana Kovačić", 3),
            Q("Our long-term observers will remain in the country to follow the counting of postal votes and the handling of appeals,", "Pieter van Loon", 4),
        ),
        speakers=(
            S("Marta Ferreira-Lopes", "Special Co-ordinator and leader of the short-term OSCE observer mission"),
            S("Henrik Dahlgren", "Head of the OSCE PA delegation"),
            S("Ana Kovačić", "Head of the PACE delegation"),
            S("Pieter van Loon", "Head of the ODIHR election observation mission"),
        ),
    ),
    HeldOutCaseD(
        name="odihr-presidential-colon-after-role-and-he-added",
        paragraphs=(
            "PODGORICA, 27 April 2027 – Montenegro’s presidential election offered voters a real choice, but the blurred line between the state and the ruling party gave the incumbent an advantage, international observers concluded today.",
            "“The candidates campaigned freely, yet the resources of the state were too often at the service of one of them,” said Lone Kjærsgaard, Special Co-ordinator and leader of the OSCE short-term observers.",
            "Her colleague from the European Parliament, Head of Delegation Paolo Santarelli, pointed to the media coverage: “Public television gave the incumbent three times as much airtime as all the other candidates combined.”",
            "“Our final report will contain recommendations, and we are ready to discuss them with the authorities,” said Ambassador Jan Brezina, Head of the ODIHR Election Observation Mission.",
            "“We hope they will be followed this time,” he added.",
        ),
        quotes=(
            Q("The candidates campaigned freely, yet the resources of the state were too often at the service of one of them,", "Lone Kjærsgaard", 1),
            Q("Public television gave the incumbent three times as much airtime as all the other candidates combined.", "Paolo Santarelli", 2),
            Q("Our final report will contain recommendations, and we are ready to discuss them with the authorities,", "Jan Brezina", 3),
            Q("We hope they will be followed this time,", "Jan Brezina", 4),
        ),
        speakers=(
            S("Lone Kjærsgaard", "Special Co-ordinator and leader of the OSCE short-term observers"),
            S("Paolo Santarelli", "Head of Delegation"),
            S("Jan Brezina", "Head of the ODIHR Election Observation Mission"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="odihr-director-appositive-surname-told",
        paragraphs=(
            "WARSAW, 2 June 2027 – Ivana Petrović, the Director of the OSCE Office for Democratic Institutions and Human Rights (ODIHR), opened a two-day meeting on hate crime data collection with police officers from 19 countries.",
            "Participants discussed how to record a possible bias motivation at the first contact between a victim and the police.",
            "“A crime that is not recorded as a hate crime is a crime that the state does not see,” Petrović told the participants. “We want to help you see it.”",
        ),
        quotes=(
            Q("A crime that is not recorded as a hate crime is a crime that the state does not see,", "Ivana Petrović", 2),
            Q("We want to help you see it.", "Ivana Petrović", 2),
        ),
        speakers=(S("Ivana Petrović", "Director of the OSCE Office for Democratic Institutions and Human Rights"),),
    ),
    HeldOutCaseD(
        name="odihr-straight-single-marks",
        paragraphs=(
            "WARSAW, 11 March 2027 – ODIHR Director Ivana Petrović today welcomed the adoption of a new electoral code in Armenia.",
            "'The code addresses most of our long-standing recommendations, including on campaign finance,' said Petrović. 'Its implementation will now be the real test.'",
            "ODIHR has observed every national election in the country since 1995.",
        ),
        quotes=(
            Q("The code addresses most of our long-standing recommendations, including on campaign finance,", "Ivana Petrović", 1),
            Q("Its implementation will now be the real test.", "Ivana Petrović", 1),
        ),
        speakers=(S("Ivana Petrović", "ODIHR Director"),),
        hard=True,
    ),
    # ------------------------------------------------------------ HCNM
    HeldOutCaseD(
        name="hcnm-title-back-reference-colon-and-report-title",
        paragraphs=(
            "THE HAGUE, 21 May 2027 – The OSCE High Commissioner on National Minorities, Lars Holmqvist-Berg, today published recommendations on the use of minority languages in broadcast media.",
            "Presenting the document, the High Commissioner said: “Language policy in the media should be about adding voices, not removing them. Quotas that punish small broadcasters for airing programmes in minority languages achieve the opposite of integration.”",
            "The recommendations, titled “Many Voices, One Airwave”, were drafted with a group of independent experts.",
        ),
        quotes=(
            Q("Language policy in the media should be about adding voices, not removing them. Quotas that punish small broadcasters for airing programmes in minority languages achieve the opposite of integration.", "Lars Holmqvist-Berg", 1),
        ),
        speakers=(S("Lars Holmqvist-Berg", "OSCE High Commissioner on National Minorities"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="hcnm-and-minister-reported-speech-then-she",
        paragraphs=(
            "TALLINN, 3 November 2027 – The OSCE High Commissioner on National Minorities, Lars Holmqvist-Berg, met Estonia’s Minister of Education, Kadri Lepik, to discuss the transition to Estonian-language instruction in schools.",
            "“The transition is legitimate, but its pace should allow teachers and pupils to keep up,” the High Commissioner said after the meeting.",
            "Lepik told journalists that additional training for teachers would begin in January.",
            "“No child will be left behind,” she said.",
        ),
        quotes=(
            Q("The transition is legitimate, but its pace should allow teachers and pupils to keep up,", "Lars Holmqvist-Berg", 1),
            Q("No child will be left behind,", "Kadri Lepik", 3),
        ),
        speakers=(
            S("Lars Holmqvist-Berg", "OSCE High Commissioner on National Minorities"),
            S("Kadri Lepik", "Estonia’s Minister of Education"),
        ),
        hard=True,
    ),
    # ------------------------------------------------------------ RFoM
    HeldOutCaseD(
        name="rfom-appositive-she-said-scare-quote",
        paragraphs=(
            "VIENNA, 7 September 2027 – The OSCE Representative on Freedom of the Media, Nadia Oussama, today expressed concern about the detention of journalist Kerem Aydın, who was arrested on Tuesday after reporting on a protest in his home town.",
            "“Covering a protest is not taking part in it, and a journalist should never be detained for doing his job,” she said. “I call on the authorities to release Mr Aydın without delay.”",
            "Oussama noted that charges of “spreading false information” brought against journalists have multiplied over the past year.",
        ),
        quotes=(
            Q("Covering a protest is not taking part in it, and a journalist should never be detained for doing his job,", "Nadia Oussama", 1),
            Q("I call on the authorities to release Mr Aydın without delay.", "Nadia Oussama", 1),
        ),
        speakers=(S("Nadia Oussama", "OSCE Representative on Freedom of the Media"),),
    ),
    HeldOutCaseD(
        name="rfom-only-titles-hashtags-and-scare-quotes",
        paragraphs=(
            "VIENNA, 10 October 2027 – The OSCE Representative on Freedom of the Media, Nadia Oussama, today presented her regular report to the Permanent Council, titled “Safety First: Journalists in Times of Crisis”.",
            "The report describes the use of labels such as “enemies of the people” and “paid agents” to discredit reporters, and documents a sharp rise in so-called “SLAPP” lawsuits against newsrooms.",
            "The Representative also announced the campaign “#SafeToReport” and a new online course, “Covering Protests Safely”.",
        ),
        quotes=(),
        speakers=(),
        hard=True,
    ),
    # ------------------------------------------------------------ Field operations
    HeldOutCaseD(
        name="skopje-ambassador-head-then-court-president-she",
        paragraphs=(
            "SKOPJE, 18 November 2027 – The OSCE Mission to Skopje today handed over new case management software to the Basic Court in Bitola.",
            "“Courts that can find their own files quickly deliver judgments quickly, and citizens notice the difference,” said Ambassador Clemens Auer-Rainer, Head of the OSCE Mission to Skopje.",
            "Court President Biljana Stojanovska said the system would cut waiting times. “We used to spend hours searching the archive; now it takes a few seconds,” she said.",
        ),
        quotes=(
            Q("Courts that can find their own files quickly deliver judgments quickly, and citizens notice the difference,", "Clemens Auer-Rainer", 1),
            Q("We used to spend hours searching the archive; now it takes a few seconds,", "Biljana Stojanovska", 2),
        ),
        speakers=(
            S("Clemens Auer-Rainer", "Head of the OSCE Mission to Skopje"),
            S("Biljana Stojanovska", "Court President"),
        ),
    ),
    HeldOutCaseD(
        name="skopje-deputy-head-role-before-and-anonymous-participant",
        paragraphs=(
            "OHRID, 14 June 2027 – Young people from across North Macedonia gathered in Ohrid for the annual summer school on inter-ethnic dialogue, supported by the OSCE Mission to Skopje.",
            "“The summer school is where many of our alumni made their first friend from another community,” said Deputy Head of the OSCE Mission to Skopje Mariana Costache.",
            "One participant from Tetovo said: “Here I learned that we all worry about the same things.”",
        ),
        quotes=(
            Q("The summer school is where many of our alumni made their first friend from another community,", "Mariana Costache", 1),
            Q("Here I learned that we all worry about the same things.", None, 2),
        ),
        speakers=(S("Mariana Costache", "Deputy Head of the OSCE Mission to Skopje"),),
    ),
    HeldOutCaseD(
        name="bishkek-acting-head-then-deputy-minister-he",
        paragraphs=(
            "BISHKEK, 25 April 2027 – Forty young women from the Chui, Naryn and Talas regions completed a three-month leadership course run by the OSCE Programme Office in Bishkek and the Ministry of Culture.",
            "“Many of the participants will stand in the local council elections next year, and some of them already have their campaign plans,” said Helena Sørbø, Acting Head of the OSCE Programme Office in Bishkek.",
            "Deputy Minister of Culture, Information, Sports and Youth Policy Aibek Sadyrbekov thanked the Office for its support. “This course gave them skills, but above all confidence,” he said.",
        ),
        quotes=(
            Q("Many of the participants will stand in the local council elections next year, and some of them already have their campaign plans,", "Helena Sørbø", 1),
            Q("This course gave them skills, but above all confidence,", "Aibek Sadyrbekov", 2),
        ),
        speakers=(
            S("Helena Sørbø", "Acting Head of the OSCE Programme Office in Bishkek"),
            S("Aibek Sadyrbekov", "Deputy Minister of Culture, Information, Sports and Youth Policy"),
        ),
    ),
    HeldOutCaseD(
        name="bih-quote-over-two-paragraphs-and-scare-term",
        paragraphs=(
            "SARAJEVO, 10 December 2027 – On Human Rights Day, the Head of the OSCE Mission to Bosnia and Herzegovina, Ambassador Robert Kinsale, called on authorities at all levels to end the practice of “two schools under one roof”.",
            "“Twenty years after the first promises, children in dozens of towns still enter the same building through different doors and learn different versions of the same history.",
            "“This is not what parents tell us they want. It is what politicians have found convenient. The Mission stands ready to help every canton that decides to change it,” Kinsale said.",
        ),
        quotes=(
            Q("Twenty years after the first promises, children in dozens of towns still enter the same building through different doors and learn different versions of the same history. This is not what parents tell us they want. It is what politicians have found convenient. The Mission stands ready to help every canton that decides to change it,", "Robert Kinsale", 1),
        ),
        speakers=(S("Robert Kinsale", "Head of the OSCE Mission to Bosnia and Herzegovina"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="bih-unnamed-mission-official-and-mayor",
        paragraphs=(
            "MOSTAR, 7 April 2027 – The OSCE Mission to Bosnia and Herzegovina welcomed the agreement on the joint administration of the Old Town’s cultural heritage.",
            "“This is a small step for the city, but an important one for the people who have waited for it,” a Mission official said.",
            "Mayor Damir Kovač said the agreement would be signed next week. “We owe it to our children,” he said.",
        ),
        quotes=(
            Q("This is a small step for the city, but an important one for the people who have waited for it,", None, 1),
            Q("We owe it to our children,", "Damir Kovač", 2),
        ),
        speakers=(S("Damir Kovač", "Mayor"),),
    ),
    HeldOutCaseD(
        name="ukraine-project-co-ordinator-and-project-title",
        paragraphs=(
            "KYIV, 15 March 2019 – Prosecutors from twelve regions completed a course on investigating illegal logging, organized by the OSCE Project Co-ordinator in Ukraine with the Prosecutor General’s Office.",
            "“Forests that disappear illegally are a loss for every community that depends on them,” said Yannick Duroc, the OSCE Project Co-ordinator in Ukraine. “Good investigations are the first step to stopping it.”",
            "The course was part of the project “Environmental Justice for All”, funded by Norway.",
        ),
        quotes=(
            Q("Forests that disappear illegally are a loss for every community that depends on them,", "Yannick Duroc", 1),
            Q("Good investigations are the first step to stopping it.", "Yannick Duroc", 1),
        ),
        speakers=(S("Yannick Duroc", "OSCE Project Co-ordinator in Ukraine"),),
    ),
    HeldOutCaseD(
        name="ukraine-officer-role-before-relative-clause-handbook-title",
        paragraphs=(
            "KHARKIV, 20 September 2020 – The OSCE Project Co-ordinator in Ukraine presented the handbook “Mediation in Schools: A Practical Guide” to teachers from the Kharkiv region.",
            "National Project Officer Olena Hrytsenko, who led the project, said: “Conflicts in schools are a chance to learn, if teachers have the tools to handle them.”",
            "The handbook builds on a pilot carried out in ten schools.",
        ),
        quotes=(
            Q("Conflicts in schools are a chance to learn, if teachers have the tools to handle them.", "Olena Hrytsenko", 1),
        ),
        speakers=(S("Olena Hrytsenko", "National Project Officer"),),
    ),
    HeldOutCaseD(
        name="ashgabat-head-role-before-ambassador-colon",
        paragraphs=(
            "ASHGABAT, 30 September 2027 – The OSCE Centre in Ashgabat organized a round table on the employment of persons with disabilities.",
            "Head of the OSCE Centre in Ashgabat Ambassador Ilona Sztáray said: “Employers who open their doors to persons with disabilities gain committed colleagues. The law already gives them incentives; now they need information.”",
        ),
        quotes=(
            Q("Employers who open their doors to persons with disabilities gain committed colleagues. The law already gives them incentives; now they need information.", "Ilona Sztáray", 1),
        ),
        speakers=(S("Ilona Sztáray", "Head of the OSCE Centre in Ashgabat"),),
    ),
    HeldOutCaseD(
        name="ashgabat-dr-the-centres-officer",
        paragraphs=(
            "ASHGABAT, 22 January 2027 – Customs officers of Turkmenistan completed a course on detecting counterfeit goods organized by the OSCE Centre in Ashgabat.",
            "“Counterfeit medicines are not only an economic problem; they kill,” said Dr Anahit Sarkisyan, the Centre’s Economic and Environmental Officer. “Customs officers are the first line of defence.”",
        ),
        quotes=(
            Q("Counterfeit medicines are not only an economic problem; they kill,", "Anahit Sarkisyan", 1),
            Q("Customs officers are the first line of defence.", "Anahit Sarkisyan", 1),
        ),
        speakers=(S("Anahit Sarkisyan", "Centre’s Economic and Environmental Officer"),),
    ),
    # ------------------------------------------------------------ Parliamentary Assembly
    HeldOutCaseD(
        name="pa-president-role-before-surname-quote",
        paragraphs=(
            "COPENHAGEN, 6 February 2027 – OSCE Parliamentary Assembly President Giedrė Balčiūnaitė today urged parliaments across the OSCE area to ratify the Council of Europe convention on preventing violence against women.",
            "“Parliamentarians hold the keys to ratification, and they should stop waiting for the perfect moment,” Balčiūnaitė said. “There is no perfect moment for protecting women from violence.”",
        ),
        quotes=(
            Q("Parliamentarians hold the keys to ratification, and they should stop waiting for the perfect moment,", "Giedrė Balčiūnaitė", 1),
            Q("There is no perfect moment for protecting women from violence.", "Giedrė Balčiūnaitė", 1),
        ),
        speakers=(S("Giedrė Balčiūnaitė", "OSCE Parliamentary Assembly President"),),
    ),
    HeldOutCaseD(
        name="pa-newly-appointed-as-special-representative-he-said",
        paragraphs=(
            "LAMPEDUSA, 20 January 2027 – Oskar Vainio, newly appointed as the OSCE PA’s Special Representative on Migration, today visited a reception centre on the island.",
            "“What I saw here is a system stretched to its limit by people who have survived a terrible journey,” he said. “Europe cannot leave its islands to cope alone.”",
        ),
        quotes=(
            Q("What I saw here is a system stretched to its limit by people who have survived a terrible journey,", "Oskar Vainio", 1),
            Q("Europe cannot leave its islands to cope alone.", "Oskar Vainio", 1),
        ),
        speakers=(S("Oskar Vainio", "OSCE PA’s Special Representative on Migration"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="pa-two-officials-introduced-together-then-surnames",
        paragraphs=(
            "COPENHAGEN, 25 November 2027 – Marking the International Day for the Elimination of Violence against Women, the OSCE PA’s Special Representative on Gender Issues, Ingrid Fossum, and the Chair of the Assembly’s human rights committee, Kaspars Liepiņš, called for stronger protection of women in politics.",
            "“Threats against women politicians are threats against democracy itself,” said Fossum.",
            "“Parliaments must lead by example, starting with their own codes of conduct,” said Liepiņš, who has joined the Assembly’s campaign “Not in My Parliament”.",
        ),
        quotes=(
            Q("Threats against women politicians are threats against democracy itself,", "Ingrid Fossum", 1),
            Q("Parliaments must lead by example, starting with their own codes of conduct,", "Kaspars Liepiņš", 2),
        ),
        speakers=(
            S("Ingrid Fossum", "OSCE PA’s Special Representative on Gender Issues"),
            S("Kaspars Liepiņš", "Chair of the Assembly’s human rights committee"),
        ),
    ),
    HeldOutCaseD(
        name="pa-head-of-delegation-mr-said-name-the-role",
        paragraphs=(
            "ASTANA, 16 September 2027 – “Kazakhstan’s new law on peaceful assemblies is a step forward, but permits are still too easy to refuse,” said Mr. Fredrik Ahlström, the Head of the OSCE PA delegation to Central Asia, after meetings in Astana on Thursday.",
            "Ahlström also met representatives of civil society and the national human rights institution.",
        ),
        quotes=(
            Q("Kazakhstan’s new law on peaceful assemblies is a step forward, but permits are still too easy to refuse,", "Fredrik Ahlström", 0),
        ),
        speakers=(S("Fredrik Ahlström", "Head of the OSCE PA delegation to Central Asia"),),
    ),
    # ------------------------------------------------------------ Combating trafficking
    HeldOutCaseD(
        name="cthb-dr-surname-campaign-and-hashtag",
        paragraphs=(
            "VIENNA, 30 July 2027 – On the World Day against Trafficking in Persons, the OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings, Dr Miriam Achterberg, launched the campaign “Not For Sale, Not For Rent”.",
            "“Traffickers recruit online, advertise online and get paid online. Our response has to be just as present where they are,” said Dr Achterberg.",
            "The campaign will run on social media under the hashtag “#NotForSale” until the end of August.",
        ),
        quotes=(
            Q("Traffickers recruit online, advertise online and get paid online. Our response has to be just as present where they are,", "Miriam Achterberg", 1),
        ),
        speakers=(S("Miriam Achterberg", "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"),),
    ),
    HeldOutCaseD(
        name="cthb-and-minister-alternating-she-said-replied",
        paragraphs=(
            "ROME, 12 May 2027 – The OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings, Miriam Achterberg, and Italy’s Minister of Labour, Giulia Fontanesi, opened a conference on labour exploitation in agriculture.",
            "“Every tomato and every orange has a supply chain, and somewhere in that chain there may be a worker who cannot leave,” Achterberg said.",
            "Fontanesi described the inspections Italy has carried out since last year. “We have tripled the number of labour inspectors in the southern regions, and we will not stop there,” she said.",
            "“Inspections work best when the workers trust the inspectors,” Achterberg replied. “That trust has to be earned.”",
        ),
        quotes=(
            Q("Every tomato and every orange has a supply chain, and somewhere in that chain there may be a worker who cannot leave,", "Miriam Achterberg", 1),
            Q("We have tripled the number of labour inspectors in the southern regions, and we will not stop there,", "Giulia Fontanesi", 2),
            Q("Inspections work best when the workers trust the inspectors,", "Miriam Achterberg", 3),
            Q("That trust has to be earned.", "Miriam Achterberg", 3),
        ),
        speakers=(
            S("Miriam Achterberg", "OSCE Special Representative and Co-ordinator for Combating Trafficking in Human Beings"),
            S("Giulia Fontanesi", "Italy’s Minister of Labour"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="cthb-anonymous-survivor-then-chief-surname",
        paragraphs=(
            "CHIȘINĂU, 29 May 2027 – The OSCE’s anti-trafficking chief, Tomasz Wierzbicki, visited a shelter for survivors of trafficking run by a local non-governmental organization.",
            "A woman who spent two years in forced labour abroad told him: “Nobody believed me at first, not even my family.”",
            "“Her story is why we insist that survivors must be heard and believed first, and questioned later,” Wierzbicki said.",
        ),
        quotes=(
            Q("Nobody believed me at first, not even my family.", None, 1),
            Q("Her story is why we insist that survivors must be heard and believed first, and questioned later,", "Tomasz Wierzbicki", 2),
        ),
        speakers=(S("Tomasz Wierzbicki", "OSCE’s anti-trafficking chief"),),
    ),
    # ------------------------------------------------------------ Russian
    HeldOutCaseD(
        name="ru-odihr-head-of-mission-interrupted-quote",
        paragraphs=(
            "ВАРШАВА, 14 мая 2027 г. – Бюро ОБСЕ по демократическим институтам и правам человека (БДИПЧ) открыло миссию по наблюдению за президентскими выборами, назначенными на 22 июня.",
            "«Наша миссия будет оценивать весь избирательный процесс, а не только день голосования», – заявила руководитель миссии Ингрид Сёдерлунд. – «Мы встретимся с представителями всех кандидатов, органов власти и гражданского общества».",
            "В состав миссии входят 13 экспертов в столице и 30 долгосрочных наблюдателей, которые будут работать в регионах.",
        ),
        quotes=(
            Q("Наша миссия будет оценивать весь избирательный процесс, а не только день голосования", "Ингрид Сёдерлунд", 1),
            Q("Мы встретимся с представителями всех кандидатов, органов власти и гражданского общества", "Ингрид Сёдерлунд", 1),
        ),
        speakers=(S("Ингрид Сёдерлунд", "руководитель миссии"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-bishkek-posol-and-g-n-otmetil-on",
        paragraphs=(
            "БИШКЕК, 3 октября 2027 г. – Программный офис ОБСЕ в Бишкеке передал Государственной пограничной службе оборудование для проверки документов.",
            "«Это оборудование поможет пограничникам быстрее и надёжнее проверять документы на высокогорных заставах», – сказал глава Программного офиса ОБСЕ в Бишкеке посол Маттиас Кёлер.",
            "Заместитель председателя службы г-н Нурлан Абдыкеримов поблагодарил ОБСЕ за поддержку. «Мы ценим многолетнее партнёрство», – отметил он.",
        ),
        quotes=(
            Q("Это оборудование поможет пограничникам быстрее и надёжнее проверять документы на высокогорных заставах", "Маттиас Кёлер", 1),
            Q("Мы ценим многолетнее партнёрство", "Нурлан Абдыкеримов", 2),
        ),
        speakers=(
            S("Маттиас Кёлер", "глава Программного офиса ОБСЕ в Бишкеке"),
            S("Нурлан Абдыкеримов", "Заместитель председателя службы"),
        ),
        hard=True,
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-rfom-law-title-in-guillemets-surname",
        paragraphs=(
            "ВЕНА, 22 февраля 2027 г. – Представитель ОБСЕ по вопросам свободы СМИ Тереза Линдхольм выразила обеспокоенность законопроектом «О защите информационного пространства», внесённым в парламент на прошлой неделе.",
            "«Законопроект в нынешнем виде позволит блокировать сайты без решения суда. Это противоречит обязательствам, взятым на себя государствами ОБСЕ», – заявила Линдхольм.",
            "Она призвала депутатов учесть мнение журналистского сообщества.",
        ),
        quotes=(
            Q("Законопроект в нынешнем виде позволит блокировать сайты без решения суда. Это противоречит обязательствам, взятым на себя государствами ОБСЕ", "Тереза Линдхольм", 1),
        ),
        speakers=(S("Тереза Линдхольм", "Представитель ОБСЕ по вопросам свободы СМИ"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-cio-appositive-pronoun-colon",
        paragraphs=(
            "АСТАНА, 11 июня 2027 г. – Действующий председатель ОБСЕ, министр иностранных дел Словении Матей Кос, провёл переговоры с президентом и министром иностранных дел Казахстана.",
            "По итогам встречи он заявил журналистам: «Центральная Азия – не периферия ОБСЕ, а один из её центров. Мы намерены подтвердить это делами».",
        ),
        quotes=(
            Q("Центральная Азия – не периферия ОБСЕ, а один из её центров. Мы намерены подтвердить это делами", "Матей Кос", 1),
        ),
        speakers=(S("Матей Кос", "Действующий председатель ОБСЕ, министр иностранных дел Словении"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-ashgabat-joint-statement-null-then-head-colon",
        paragraphs=(
            "АШХАБАД, 5 декабря 2027 г. – Центр ОБСЕ в Ашхабаде и Министерство юстиции Туркменистана провели семинар о бесплатной юридической помощи.",
            "«Семинар показал, что у наших ведомств общие цели», – говорится в совместном заявлении организаторов.",
            "Руководитель Центра ОБСЕ в Ашхабаде Ивета Новакова отметила: «Доступ к бесплатной юридической помощи – основа доверия к правосудию».",
        ),
        quotes=(
            Q("Семинар показал, что у наших ведомств общие цели", None, 1),
            Q("Доступ к бесплатной юридической помощи – основа доверия к правосудию", "Ивета Новакова", 2),
        ),
        speakers=(S("Ивета Новакова", "Руководитель Центра ОБСЕ в Ашхабаде"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-pa-president-quote-opens-dateline-then-dobavil-on",
        paragraphs=(
            "КОПЕНГАГЕН, 8 июля 2027 г. – «Парламентская дипломатия нужна именно тогда, когда другие каналы закрыты», – сказал Председатель Парламентской ассамблеи ОБСЕ Ханс Эрик Лундгрен на открытии ежегодной сессии.",
            "Лундгрен напомнил, что в этом году в работе ассамблеи участвуют депутаты из 55 государств.",
            "«Мы не можем позволить себе молчать», – добавил он.",
        ),
        quotes=(
            Q("Парламентская дипломатия нужна именно тогда, когда другие каналы закрыты", "Ханс Эрик Лундгрен", 0),
            Q("Мы не можем позволить себе молчать", "Ханс Эрик Лундгрен", 2),
        ),
        speakers=(S("Ханс Эрик Лундгрен", "Председатель Парламентской ассамблеи ОБСЕ"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-cthb-scare-quote-and-g-zha-surname",
        paragraphs=(
            "ВЕНА, 18 октября 2027 г. – Специальный представитель и координатор ОБСЕ по борьбе с торговлей людьми Ева Маркович-Хольт призвала государства усилить контроль за онлайн-вербовкой.",
            "По её словам, объявления о «лёгкой работе за границей» остаются главным инструментом вербовщиков.",
            "«Государства должны требовать от онлайн-платформ ответственности за такие объявления», – подчеркнула г-жа Маркович-Хольт.",
        ),
        quotes=(
            Q("Государства должны требовать от онлайн-платформ ответственности за такие объявления", "Ева Маркович-Хольт", 2),
        ),
        speakers=(S("Ева Маркович-Хольт", "Специальный представитель и координатор ОБСЕ по борьбе с торговлей людьми"),),
        hard=True,
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-sg-role-before-name-skazala-ona",
        paragraphs=(
            "ДУШАНБЕ, 2 апреля 2027 г. – Генеральный секретарь ОБСЕ София Амарал посетила пограничную заставу на таджикско-афганской границе.",
            "«Охрана этой границы – общее дело всего региона. ОБСЕ будет и дальше помогать в подготовке пограничников», – сказала она.",
            "Генеральный секретарь также встретилась с министром иностранных дел.",
        ),
        quotes=(
            Q("Охрана этой границы – общее дело всего региона. ОБСЕ будет и дальше помогать в подготовке пограничников", "София Амарал", 1),
        ),
        speakers=(S("София Амарал", "Генеральный секретарь ОБСЕ"),),
        language="ru",
    ),
    # ------------------------------------------------------------ French
    HeldOutCaseD(
        name="fr-cio-mme-appositive-elle-a-declare-colon",
        paragraphs=(
            "PARIS, 12 mars 2027 – La ministre de l’Europe et des Affaires étrangères et Présidente en exercice de l’OSCE, Mme Hélène Marchetti, a réuni à Paris les chefs des missions de terrain de l’OSCE.",
            f"Elle a déclaré{NB}: «{NB}Nos missions de terrain sont les yeux et les mains de l’Organisation. Sans elles, nos décisions resteraient lettre morte.{NB}»",
        ),
        quotes=(
            Q("Nos missions de terrain sont les yeux et les mains de l’Organisation. Sans elles, nos décisions resteraient lettre morte.", "Hélène Marchetti", 1),
        ),
        speakers=(S("Hélène Marchetti", "ministre de l’Europe et des Affaires étrangères et Présidente en exercice de l’OSCE"),),
        hard=True,
        language="fr",
    ),
    HeldOutCaseD(
        name="fr-hcnm-m-quote-first-and-a-t-il-ajoute",
        paragraphs=(
            f"LA HAYE, 4 juin 2027 – «{NB}L’intégration ne signifie pas l’assimilation{NB}», a rappelé M. Jean-Baptiste Oudin, Haut Commissaire de l’OSCE pour les minorités nationales, lors d’une conférence consacrée à l’éducation.",
            f"M. Oudin a présenté les «{NB}Lignes directrices de Tallinn{NB}» sur les langues dans l’enseignement.",
            f"«{NB}Chaque État doit trouver son propre équilibre, mais aucun ne peut ignorer ses minorités{NB}», a-t-il ajouté.",
        ),
        quotes=(
            Q("L’intégration ne signifie pas l’assimilation", "Jean-Baptiste Oudin", 0),
            Q("Chaque État doit trouver son propre équilibre, mais aucun ne peut ignorer ses minorités", "Jean-Baptiste Oudin", 2),
        ),
        speakers=(S("Jean-Baptiste Oudin", "Haut Commissaire de l’OSCE pour les minorités nationales"),),
        language="fr",
    ),
    HeldOutCaseD(
        name="fr-odihr-two-heads-mme-and-m",
        paragraphs=(
            "CHIȘINĂU, 21 octobre 2027 – Les élections législatives de dimanche ont offert aux électeurs un choix réel, mais la campagne a été entachée d’allégations d’achat de votes, ont déclaré aujourd’hui les observateurs internationaux.",
            f"«{NB}Les électeurs ont pu s’exprimer librement le jour du scrutin{NB}», a déclaré Mme Claire Dufresne-Aubry, cheffe de la délégation de l’Assemblée parlementaire de l’OSCE. «{NB}Il appartient maintenant aux autorités d’enquêter sérieusement sur chaque allégation.{NB}»",
            f"«{NB}Nous resterons dans le pays jusqu’à la proclamation des résultats définitifs{NB}», a précisé M. Tobias Renner, chef de la mission d’observation électorale du BIDDH.",
        ),
        quotes=(
            Q("Les électeurs ont pu s’exprimer librement le jour du scrutin", "Claire Dufresne-Aubry", 1),
            Q("Il appartient maintenant aux autorités d’enquêter sérieusement sur chaque allégation.", "Claire Dufresne-Aubry", 1),
            Q("Nous resterons dans le pays jusqu’à la proclamation des résultats définitifs", "Tobias Renner", 2),
        ),
        speakers=(
            S("Claire Dufresne-Aubry", "cheffe de la délégation de l’Assemblée parlementaire de l’OSCE"),
            S("Tobias Renner", "chef de la mission d’observation électorale du BIDDH"),
        ),
        language="fr",
    ),
    # ------------------------------------------------------------ German
    HeldOutCaseD(
        name="de-pa-herr-and-frau-dr-colon",
        paragraphs=(
            "WIEN, 24. Februar 2027 – Die Wintertagung der Parlamentarischen Versammlung der OSZE ist heute in Wien zu Ende gegangen.",
            "„Wir haben in diesen zwei Tagen mehr miteinander als übereinander gesprochen“, sagte der Leiter der deutschen Delegation, Herr Matthias Overbeck. „Das ist in diesen Zeiten keine Selbstverständlichkeit.“",
            "Frau Dr. Ulrike Brandauer, Sonderbeauftragte der Versammlung für Gleichstellungsfragen, ergänzte: „Frauen sind in den Delegationen noch immer unterrepräsentiert.“",
        ),
        quotes=(
            Q("Wir haben in diesen zwei Tagen mehr miteinander als übereinander gesprochen", "Matthias Overbeck", 1),
            Q("Das ist in diesen Zeiten keine Selbstverständlichkeit.", "Matthias Overbeck", 1),
            Q("Frauen sind in den Delegationen noch immer unterrepräsentiert.", "Ulrike Brandauer", 2),
        ),
        speakers=(
            S("Matthias Overbeck", "Leiter der deutschen Delegation"),
            S("Ulrike Brandauer", "Sonderbeauftragte der Versammlung für Gleichstellungsfragen"),
        ),
        hard=True,
        language="de",
    ),
    HeldOutCaseD(
        name="de-sg-exhibition-title-surname",
        paragraphs=(
            "BERLIN, 9. November 2027 – OSZE-Generalsekretärin Sofia Amaral hat am Montag in Berlin die Ausstellung „Grenzen im Kopf“ eröffnet.",
            "„Mauern fallen nicht von selbst, sie werden von Menschen zu Fall gebracht“, sagte Amaral bei der Eröffnung.",
        ),
        quotes=(
            Q("Mauern fallen nicht von selbst, sie werden von Menschen zu Fall gebracht", "Sofia Amaral", 1),
        ),
        speakers=(S("Sofia Amaral", "OSZE-Generalsekretärin"),),
        language="de",
    ),
    HeldOutCaseD(
        name="de-bih-botschafterin-appositive-erklaerte-sie",
        paragraphs=(
            "SARAJEVO, 2. Mai 2027 – Die Leiterin der OSZE-Mission in Bosnien und Herzegowina, Botschafterin Karin Lechner, hat am Welttag der Pressefreiheit Angriffe auf Journalistinnen und Journalisten verurteilt.",
            "„Wer Reporter bedroht, bedroht das Recht aller Bürgerinnen und Bürger auf Information“, erklärte sie.",
        ),
        quotes=(
            Q("Wer Reporter bedroht, bedroht das Recht aller Bürgerinnen und Bürger auf Information", "Karin Lechner", 1),
        ),
        speakers=(S("Karin Lechner", "Leiterin der OSZE-Mission in Bosnien und Herzegowina"),),
        language="de",
    ),
]


if __name__ == "__main__":
    # Self-check: `uv run python -m bench.quotes_holdout_e` lists typos in the expectations, exits 1 if any.
    import sys

    all_problems = [problem for case in CASES for problem in problems(case)]
    print("\n".join(all_problems) or f"{len(CASES)} cases, {sum(c.hard for c in CASES)} hard: expectations consistent")
    sys.exit(1 if all_problems else 0)
