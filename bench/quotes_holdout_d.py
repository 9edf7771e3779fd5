"""Fourth held-out set for quote and speaker extraction: 56 release excerpts of several organizations.

Written for issue 11 from the gold conventions (../shared/osce/GOLD_CONVENTIONS.md) and the styles of
real releases (UN agencies, national ministries, NGOs, parliaments, the OSCE), WITHOUT reading the
extractor (scraper/), its tests, the first held-out set or the cases of the second and third sets,
so that no case is shaped by what the code does. Every excerpt, name and event is invented; no text
is copied from a real page. Mostly English, some French, German and Russian. 16 of the 56 cases are
marked `hard`: they carry the patterns issue 11 lists (an opening appositive such as
"recently appointed the …" then "she said"; a surname or a title alone at the quote while the full
name and role stand elsewhere; consecutive quoted paragraphs whose speaker changes; honorifics of
several languages; a French colon introduction after an appositive; straight single quotation
marks; European Parliament names in the site's capitals).

How the expectations are written (the gold conventions, plus the second set's ruling on roles):
- `text` is exactly the characters between the opening and the closing mark, without the spaces a
  French or Russian typesetter puts inside guillemets; a quotation running over several paragraphs
  is one entry (paragraphs joined with one space, the intermediate opening marks dropped); a
  quotation interrupted by an attribution is two entries; `paragraph` is the 0-based index of the
  paragraph where the quotation opens. Straight single marks ('…') and curly single marks (‘…’) are
  quotation marks like the double ones; an apostrophe inside them is not.
- `speaker` is the person's full name as first introduced, without honorifics (Mr., Ms., Mrs., Dr,
  Dr., Sir, Ambassador, a military rank, M., Mme, Herr, Frau, г-н, г-жа, посол) and written as a
  person reads it: a European Parliament name printed in capitals (`Jonas BRANDT-NIELSEN`) is
  `Jonas Brandt-Nielsen`, lower-case particles staying lower-case (`Margriet de VRIES` -> `Margriet
  de Vries`).
  `None` when the words cannot be given to a named person: an institution, an unnamed spokesperson,
  an anonymous witness. A stand-alone quoted paragraph continuing the previous speaker is theirs.
- `role` is the fullest role phrase the text gives anywhere for that person (leading article
  dropped, verbatim otherwise; an appositive ends before a relative clause describing an action);
  `None` if none is stated. A party group and country in brackets is NOT the role.
- NOT quotes: titles of reports, laws, projects, conferences and campaigns; hashtags and slogans;
  chants; scare quotes and quoted terms (even of three or four words); Russian «names».
- No partial quotation of a clause inside a sentence occurs here (their treatment is undecided).

Two speaker fields that bench/quotes.py does NOT score (it reads only `name` and `role`); they are
written for the speaker entities issue 11 asks for, and the consistency check below verifies them:
- `affiliation`: the party group and country (`Greens/EFA, DK`) or the party (`SPD`) the page gives
  in brackets after the name, verbatim; `None` elsewhere (an organization inside a role phrase stays
  in the role and is not repeated here);
- `name_raw`: the name exactly as the page prints it, only where it differs from `name` other than
  by an honorific (the EP capitals).
`speaker_dicts()` emits them under the keys `affiliation` and `name_raw`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bench.quotes_holdout_b import ExpectedQuote as Q

__all__ = ["CASES", "ExpectedSpeakerD", "HeldOutCaseD", "problems"]

# Quotation marks of English, French, German and Russian typography, straight and curly, single and double.
OPENING_MARKS = "“\"”«„‘'»‚"
CLOSING_MARKS = "”\"»“’'«‘"
# A typesetter's space between a guillemet and the words: plain, no-break, narrow no-break.
MARK_SPACES = " \u00a0\u202f"
# Honorifics that never begin a `name` (compared word by word, case and a final dot ignored).
HONORIFICS = frozenset(
    "mr mrs ms dr sir lord dame ambassador m mme mlle herr frau г-н г-жа господин госпожа посол".split()
)
# A word of two or more letters all in capitals: what a readable name must no longer contain.
CAPITALS_RE = re.compile(r"\b[^\W\d_]{2,}\b")


@dataclass(frozen=True)
class ExpectedSpeakerD:
    name: str
    role: str | None
    affiliation: str | None = None
    name_raw: str | None = None


S = ExpectedSpeakerD


@dataclass(frozen=True)
class HeldOutCaseD:
    name: str
    paragraphs: tuple[str, ...]
    quotes: tuple[Q, ...]
    speakers: tuple[ExpectedSpeakerD, ...]
    hard: bool = False
    language: str = "en"

    def quote_dicts(self) -> list[dict]:
        return [{"text": q.text, "speaker": q.speaker, "paragraph": q.paragraph} for q in self.quotes]

    def speaker_dicts(self) -> list[dict]:
        return [
            {"name": s.name, "role": s.role, "affiliation": s.affiliation, "name_raw": s.name_raw}
            for s in self.speakers
        ]


CASES: list[HeldOutCaseD] = [
    # ---------------------------------------------------------------- OSCE
    HeldOutCaseD(
        name="osce-recently-appointed-appositive-she-said",
        paragraphs=(
            "VIENNA, 3 February 2025 – Liisa Korhonen, recently appointed the OSCE Special Representative for Regional Water Co-operation, today called on governments in Central Asia to share river-flow data in real time.",
            "“Rivers do not stop at borders, and neither should the information about them,” she said. “A flood warning that arrives a day late is no warning at all.”",
            "Korhonen will travel to Almaty and Dushanbe later this month to meet hydrological services.",
        ),
        quotes=(
            Q("Rivers do not stop at borders, and neither should the information about them,", "Liisa Korhonen", 1),
            Q("A flood warning that arrives a day late is no warning at all.", "Liisa Korhonen", 1),
        ),
        speakers=(S("Liisa Korhonen", "OSCE Special Representative for Regional Water Co-operation"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-secretary-general-said-after-quote",
        paragraphs=(
            "VIENNA, 17 March 2025 – The OSCE today launched a regional network of women mediators from South-Eastern Europe at a meeting in the Hofburg.",
            "“Peace agreements signed without women at the table are more fragile and shorter-lived,” said OSCE Secretary General Ana Vidal Romero.",
            "The network brings together 45 mediators from civil society, local government and the police.",
        ),
        quotes=(Q("Peace agreements signed without women at the table are more fragile and shorter-lived,", "Ana Vidal Romero", 1),),
        speakers=(S("Ana Vidal Romero", "OSCE Secretary General"),),
    ),
    HeldOutCaseD(
        name="osce-odihr-ambassador-honorific-head-of-mission",
        paragraphs=(
            "TBILISI, 28 October 2024 – The ODIHR observation mission presented its preliminary findings on the municipal elections at a press conference today.",
            "“Voters had a genuine choice, but the campaign was marred by pressure on public employees,” said Ambassador Kari Lindholm, Head of the ODIHR Election Observation Mission.",
            "“We received credible reports that staff of schools and hospitals were told to attend rallies,” Lindholm added.",
            "The mission deployed 320 observers from 38 OSCE participating States.",
        ),
        quotes=(
            Q("Voters had a genuine choice, but the campaign was marred by pressure on public employees,", "Kari Lindholm", 1),
            Q("We received credible reports that staff of schools and hospitals were told to attend rallies,", "Kari Lindholm", 2),
        ),
        speakers=(S("Kari Lindholm", "Head of the ODIHR Election Observation Mission"),),
    ),
    HeldOutCaseD(
        name="osce-rfom-scare-quotes-and-law-title",
        paragraphs=(
            "VIENNA, 9 April 2025 – The OSCE Representative on Freedom of the Media, Dragan Petrović, today expressed concern about the draft “Law on Transparency of Foreign Influence” adopted in first reading.",
            "The draft would require media outlets receiving more than 20 per cent of their funding from abroad to register as “agents of foreign interests” and to label every publication accordingly.",
            "“A label like this does not inform the public; it tells the public whom to distrust,” Petrović said. “I urge the parliament to withdraw the draft and to consult journalists before any second reading.”",
            "In recent months, several outlets have been described by officials as “fake news factories”.",
        ),
        quotes=(
            Q("A label like this does not inform the public; it tells the public whom to distrust,", "Dragan Petrović", 2),
            Q("I urge the parliament to withdraw the draft and to consult journalists before any second reading.", "Dragan Petrović", 2),
        ),
        speakers=(S("Dragan Petrović", "OSCE Representative on Freedom of the Media"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-colon-at-paragraph-end-quote-next",
        paragraphs=(
            "SKOPJE, 2 June 2025 – A two-day conference on the integration of Roma children into pre-school education opened in Skopje today.",
            "Opening the event, the Head of the OSCE Mission to Skopje, Ambassador Thomas Greiner, said:",
            "“The first years decide much of what follows. A child who starts school already behind rarely catches up without help.”",
            "Participants will visit two kindergartens in Šuto Orizari on the second day.",
        ),
        quotes=(
            Q("The first years decide much of what follows. A child who starts school already behind rarely catches up without help.", "Thomas Greiner", 2),
        ),
        speakers=(S("Thomas Greiner", "Head of the OSCE Mission to Skopje"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-chairmanship-institution-only",
        paragraphs=(
            "VIENNA, 11 January 2025 – The OSCE Chairpersonship welcomed the release of the three monitors detained near the administrative boundary line since December.",
            "“We are relieved that our colleagues are safe and back with their families,” the Chairpersonship said in a statement. “Monitors must be able to work without fear.”",
        ),
        quotes=(
            Q("We are relieved that our colleagues are safe and back with their families,", None, 1),
            Q("Monitors must be able to work without fear.", None, 1),
        ),
        speakers=(),
    ),
    HeldOutCaseD(
        name="osce-pa-president-and-rapporteur-run",
        paragraphs=(
            "COPENHAGEN, 5 July 2025 – The OSCE Parliamentary Assembly closed its annual session today with the adoption of a declaration on energy security.",
            "“Parliaments are the place where the cost of energy becomes the cost of living,” said OSCE PA President Erik Sandvold.",
            "“Our declaration asks governments to publish their gas contracts, because secrecy is where dependence grows,” said Ioana Mureșan, Rapporteur of the Second Committee.",
            "The declaration was adopted by 181 votes to 12.",
        ),
        quotes=(
            Q("Parliaments are the place where the cost of energy becomes the cost of living,", "Erik Sandvold", 1),
            Q("Our declaration asks governments to publish their gas contracts, because secrecy is where dependence grows,", "Ioana Mureșan", 2),
        ),
        speakers=(
            S("Erik Sandvold", "OSCE PA President"),
            S("Ioana Mureșan", "Rapporteur of the Second Committee"),
        ),
    ),
    HeldOutCaseD(
        name="osce-pronoun-female-after-male-mention",
        paragraphs=(
            "BISHKEK, 21 November 2024 – The Head of the OSCE Programme Office in Bishkek, Ambassador Hedda Marklund, met Deputy Minister of Internal Affairs Nurlan Abdykadyrov to discuss community policing in the south of the country.",
            "“Trust between police and residents is built street by street, and it is lost the same way,” she said after the meeting.",
        ),
        quotes=(Q("Trust between police and residents is built street by street, and it is lost the same way,", "Hedda Marklund", 1),),
        speakers=(S("Hedda Marklund", "Head of the OSCE Programme Office in Bishkek"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="osce-project-title-only-no-quote",
        paragraphs=(
            "PODGORICA, 14 May 2025 – The OSCE Mission to Montenegro and the Ministry of Justice today concluded the project “Courts Closer to Citizens”, which introduced online case tracking in eleven courts.",
            "Under the project, more than 2,000 court staff were trained, and a public guide, “Your Case, Step by Step”, was printed in Montenegrin and Albanian.",
        ),
        quotes=(),
        speakers=(),
    ),
    # ---------------------------------------------------------------- UN agencies
    HeldOutCaseD(
        name="un-geneva-surname-at-quote-full-name-before",
        paragraphs=(
            "GENEVA (12 May 2025) – The United Nations High Commissioner for Refugees, Tomas Reinholt, warned on Monday that funding for people displaced in the Sahel had fallen to its lowest level in a decade.",
            "Only 18 per cent of this year's appeal has been met, leaving more than two million people without regular food assistance.",
            "“Families who fled violence are now being forced to choose between feeding their children and sending them to school,” Reinholt told journalists at the Palais des Nations.",
            "“We cannot ask host communities to carry this weight alone,” he added.",
        ),
        quotes=(
            Q("Families who fled violence are now being forced to choose between feeding their children and sending them to school,", "Tomas Reinholt", 2),
            Q("We cannot ask host communities to carry this weight alone,", "Tomas Reinholt", 3),
        ),
        speakers=(S("Tomas Reinholt", "United Nations High Commissioner for Refugees"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="un-new-york-executive-director-dr-honorific",
        paragraphs=(
            "NEW YORK, 3 March 2025 – One in four children under five in conflict zones is acutely malnourished, according to new figures released today.",
            "“These are not statistics, they are children whose growth is being stolen,” said Dr. Amina Yusuf, Executive Director of the United Nations Children's Fund.",
            "The agency is seeking US$1.2 billion to scale up nutrition services in 14 countries.",
        ),
        quotes=(Q("These are not statistics, they are children whose growth is being stolen,", "Amina Yusuf", 1),),
        speakers=(S("Amina Yusuf", "Executive Director of the United Nations Children's Fund"),),
    ),
    HeldOutCaseD(
        name="un-nairobi-dateline-dr-without-dot",
        paragraphs=(
            "NAIROBI, Kenya (February 12, 2025) — Heavy rains have displaced more than 80,000 people in northern Kenya, and the risk of cholera is rising, the World Health Organization said today.",
            "“Clean water is now the most urgent medicine,” said Dr Mariam Kebede, WHO Representative in Kenya. “We are pre-positioning treatment kits in Garissa and Wajir, but access by road is cut in many places.”",
        ),
        quotes=(
            Q("Clean water is now the most urgent medicine,", "Mariam Kebede", 1),
            Q("We are pre-positioning treatment kits in Garissa and Wajir, but access by road is cut in many places.", "Mariam Kebede", 1),
        ),
        speakers=(S("Mariam Kebede", "WHO Representative in Kenya"),),
    ),
    HeldOutCaseD(
        name="un-report-title-and-campaign-hashtag-plus-one-quote",
        paragraphs=(
            "GENEVA (3 March 2025) – The International Labour Organization today published “Counting the Uncounted: Informal Work in a Digital Age”, its first global report on platform workers.",
            "The report is part of the “Decent Work Everywhere” campaign, which will run on social media under the hashtag “#WorkCounts” until December.",
            "“Millions of people now find their work through an app, and most of them have no contract, no insurance and no pension,” said Joaquim Sarmento, Director of the ILO Research Department.",
        ),
        quotes=(
            Q("Millions of people now find their work through an app, and most of them have no contract, no insurance and no pension,", "Joaquim Sarmento", 2),
        ),
        speakers=(S("Joaquim Sarmento", "Director of the ILO Research Department"),),
    ),
    HeldOutCaseD(
        name="un-resident-coordinator-role-after-name",
        paragraphs=(
            "PEMBA, Mozambique, 20 August 2025 – The United Nations and the Government of Mozambique launched a joint plan today to help 300,000 people return to their homes in Cabo Delgado.",
            "“People want to go home, but home must have a school, a clinic and a market,” said Jorge Almeida, the UN Resident Coordinator in Mozambique, after visiting Mocímboa da Praia.",
        ),
        quotes=(Q("People want to go home, but home must have a school, a clinic and a market,", "Jorge Almeida", 1),),
        speakers=(S("Jorge Almeida", "UN Resident Coordinator in Mozambique"),),
    ),
    HeldOutCaseD(
        name="un-anonymous-witness-speaker-null",
        paragraphs=(
            "GENEVA (7 April 2025) – UN human rights monitors have documented the destruction of at least 40 villages in the border region since January, the Office of the High Commissioner for Human Rights said today.",
            "“They came at night and burned everything, even the seeds we kept for planting,” a 34-year-old mother of three told monitors in a camp near the border. She asked not to be named.",
            "“The international community cannot claim it did not know,” said UN High Commissioner for Human Rights Nadia Farouk.",
        ),
        quotes=(
            Q("They came at night and burned everything, even the seeds we kept for planting,", None, 1),
            Q("The international community cannot claim it did not know,", "Nadia Farouk", 2),
        ),
        speakers=(S("Nadia Farouk", "UN High Commissioner for Human Rights"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="un-wfp-multi-paragraph-single-quotation",
        paragraphs=(
            "ROME, 15 September 2025 – The World Food Programme warned today that it will have to cut rations for refugees in three countries from November unless new funds arrive.",
            "Speaking in Rome, WFP Deputy Executive Director Carla Benedetti said: “We have already halved rations once this year. Halving them again means that families will eat one meal a day.",
            "“We are not asking for new money for new programmes. We are asking for enough to keep people alive until the harvest.”",
            "WFP needs US$430 million to maintain full rations until March.",
        ),
        quotes=(
            Q("We have already halved rations once this year. Halving them again means that families will eat one meal a day. We are not asking for new money for new programmes. We are asking for enough to keep people alive until the harvest.", "Carla Benedetti", 1),
        ),
        speakers=(S("Carla Benedetti", "WFP Deputy Executive Director"),),
    ),
    HeldOutCaseD(
        name="un-interrupted-quote-mid-sentence",
        paragraphs=(
            "NEW YORK, 22 October 2025 – The Secretary-General's Envoy on Youth, Priya Raman, opened the Global Youth Climate Forum at United Nations Headquarters today.",
            "“Young people did not create this crisis,” Raman said, “but they are the ones who will live longest with its consequences.”",
        ),
        quotes=(
            Q("Young people did not create this crisis,", "Priya Raman", 1),
            Q("but they are the ones who will live longest with its consequences.", "Priya Raman", 1),
        ),
        speakers=(S("Priya Raman", "Secretary-General's Envoy on Youth"),),
    ),
    HeldOutCaseD(
        name="un-spokesperson-unnamed-null",
        paragraphs=(
            "NEW YORK, 2 December 2025 – The United Nations is deeply concerned by reports of shelling near a hospital in the city of Al-Rashid, a spokesperson for the Secretary-General said today.",
            "“Hospitals and medical staff are protected under international humanitarian law. Attacks on them must stop,” the spokesperson said.",
        ),
        quotes=(
            Q("Hospitals and medical staff are protected under international humanitarian law. Attacks on them must stop,", None, 1),
        ),
        speakers=(),
    ),
    HeldOutCaseD(
        name="un-question-mark-asked",
        paragraphs=(
            "GENEVA (30 June 2025) – The UN Special Rapporteur on the right to education, Beatriz Okonjo, presented her annual report to the Human Rights Council today.",
            "“How can we speak of equal opportunity when one child in five has never seen a textbook?” asked Okonjo.",
        ),
        quotes=(
            Q("How can we speak of equal opportunity when one child in five has never seen a textbook?", "Beatriz Okonjo", 1),
        ),
        speakers=(S("Beatriz Okonjo", "UN Special Rapporteur on the right to education"),),
    ),
    HeldOutCaseD(
        name="un-colon-role-name-two-speakers-one-paragraph",
        paragraphs=(
            "AMMAN, 9 February 2025 – UNICEF and the European Union today opened the 100th learning centre for refugee children in Jordan.",
            "UNICEF Regional Director Paolo Ferri said: “Each of these centres is a place where a child can be a child again.” EU Ambassador to Jordan Maren Holtz added: “Education is the best investment in the region's stability.”",
        ),
        quotes=(
            Q("Each of these centres is a place where a child can be a child again.", "Paolo Ferri", 1),
            Q("Education is the best investment in the region's stability.", "Maren Holtz", 1),
        ),
        speakers=(
            S("Paolo Ferri", "UNICEF Regional Director"),
            S("Maren Holtz", "EU Ambassador to Jordan"),
        ),
    ),
    # ---------------------------------------------------------------- ministries
    HeldOutCaseD(
        name="ministry-foreign-minister-surname-only-at-quote",
        paragraphs=(
            "WARSAW, 4 March 2025 – Foreign Minister Zbigniew Łukaszewicz met his counterparts from Estonia, Latvia and Lithuania on Tuesday to discuss the protection of undersea cables in the Baltic Sea.",
            "The ministers agreed to set up a joint monitoring centre in Gdynia.",
            "“Critical infrastructure on the seabed is now a front line, and we will defend it together,” said Łukaszewicz after the meeting.",
        ),
        quotes=(
            Q("Critical infrastructure on the seabed is now a front line, and we will defend it together,", "Zbigniew Łukaszewicz", 2),
        ),
        speakers=(S("Zbigniew Łukaszewicz", "Foreign Minister"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="ministry-title-back-reference-the-minister-said",
        paragraphs=(
            "BERLIN, 6 May 2025 – Federal Minister of the Interior Dr. Helga Brandauer opened the new civil-protection situation centre in Bonn on Tuesday. The centre brings federal and state authorities together under one roof.",
            "The Minister said: “In a crisis, nobody has time to look for the right phone number. From today, everyone sits in the same room.”",
            "The centre will be staffed around the clock by 140 officials.",
        ),
        quotes=(
            Q("In a crisis, nobody has time to look for the right phone number. From today, everyone sits in the same room.", "Helga Brandauer", 1),
        ),
        speakers=(S("Helga Brandauer", "Federal Minister of the Interior"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="ministry-straight-single-quotes-sir-ambassador",
        paragraphs=(
            "SARAJEVO, 9 April 2025 – The United Kingdom will send a team of flood engineers to support recovery in the Drina valley, the British Embassy announced today.",
            "'We are ready to help, and we will stay as long as we are needed,' said Sir Edward Hollis, the UK Ambassador to Bosnia and Herzegovina.",
            "'The first engineers arrive on Monday,' he added.",
        ),
        quotes=(
            Q("We are ready to help, and we will stay as long as we are needed,", "Edward Hollis", 1),
            Q("The first engineers arrive on Monday,", "Edward Hollis", 2),
        ),
        speakers=(S("Edward Hollis", "UK Ambassador to Bosnia and Herzegovina"),),
        hard=True,
    ),
    HeldOutCaseD(
        name="ministry-us-straight-double-quotes-secretary",
        paragraphs=(
            "WASHINGTON, D.C. – March 3, 2025 – U.S. Secretary of Agriculture Daniel Price today announced $250 million in grants for rural broadband in 18 states.",
            "\"A farm without a connection is a farm cut off from its markets,\" Secretary Price said. \"These grants will bring high-speed internet to more than 90,000 rural households.\"",
        ),
        quotes=(
            Q("A farm without a connection is a farm cut off from its markets,", "Daniel Price", 1),
            Q("These grants will bring high-speed internet to more than 90,000 rural households.", "Daniel Price", 1),
        ),
        speakers=(S("Daniel Price", "U.S. Secretary of Agriculture"),),
    ),
    HeldOutCaseD(
        name="ministry-ms-honorific-and-deputy",
        paragraphs=(
            "CANBERRA, 18 July 2025 – The Minister for Foreign Affairs, Ms. Rebecca Thornton, announced additional humanitarian support for communities affected by the cyclone in Vanuatu.",
            "“Our Pacific family can count on Australia, today and through the long recovery ahead,” Ms. Thornton said.",
        ),
        quotes=(
            Q("Our Pacific family can count on Australia, today and through the long recovery ahead,", "Rebecca Thornton", 1),
        ),
        speakers=(S("Rebecca Thornton", "Minister for Foreign Affairs"),),
    ),
    HeldOutCaseD(
        name="ministry-joint-press-two-ministers-run",
        paragraphs=(
            "VILNIUS, 27 May 2025 – The health ministers of Lithuania and Finland signed an agreement today on the joint procurement of rare-disease medicines.",
            "“Small countries buying alone pay the highest prices,” said Lithuanian Minister of Health Aistė Jankauskienė.",
            "“Together we are a market that suppliers cannot ignore,” said Finnish Minister of Social Affairs and Health Veikko Laaksonen.",
            "“The first joint tender will open in September.”",
        ),
        quotes=(
            Q("Small countries buying alone pay the highest prices,", "Aistė Jankauskienė", 1),
            Q("Together we are a market that suppliers cannot ignore,", "Veikko Laaksonen", 2),
            Q("The first joint tender will open in September.", "Veikko Laaksonen", 3),
        ),
        speakers=(
            S("Aistė Jankauskienė", "Lithuanian Minister of Health"),
            S("Veikko Laaksonen", "Finnish Minister of Social Affairs and Health"),
        ),
    ),
    HeldOutCaseD(
        name="ministry-ministry-statement-null-and-scare-quote",
        paragraphs=(
            "OTTAWA, 12 June 2025 – Global Affairs Canada today rejected claims that its development programme in the region amounts to “political interference”.",
            "“Our assistance is delivered through independent partners, and every project is published on our website,” the department said in a statement.",
        ),
        quotes=(
            Q("Our assistance is delivered through independent partners, and every project is published on our website,", None, 1),
        ),
        speakers=(),
    ),
    HeldOutCaseD(
        name="ministry-prnewswire-dateline-ceo-said",
        paragraphs=(
            "NEW YORK, March 3, 2025 /PRNewswire/ -- The Global Alliance for Clean Cooking today announced a partnership with three national energy ministries to bring clean stoves to 5 million households by 2030.",
            "\"Cooking should not cost a woman her lungs,\" said Grace Mwangi, Chief Executive Officer of the Global Alliance for Clean Cooking. \"This partnership turns pilot projects into national programmes.\"",
        ),
        quotes=(
            Q("Cooking should not cost a woman her lungs,", "Grace Mwangi", 1),
            Q("This partnership turns pilot projects into national programmes.", "Grace Mwangi", 1),
        ),
        speakers=(S("Grace Mwangi", "Chief Executive Officer of the Global Alliance for Clean Cooking"),),
    ),
    HeldOutCaseD(
        name="ministry-defence-minister-and-chief-of-staff",
        paragraphs=(
            "TALLINN, 30 January 2025 – Minister of Defence Kaarel Tamm and the Commander of the Defence Forces, Lieutenant General Ants Raud, presented the new reserve training plan.",
            "“Every reservist will train at least once every three years,” said Tamm.",
            "“We will also double the number of exercises held at night and in winter,” Raud said.",
        ),
        quotes=(
            Q("Every reservist will train at least once every three years,", "Kaarel Tamm", 1),
            Q("We will also double the number of exercises held at night and in winter,", "Ants Raud", 2),
        ),
        speakers=(
            S("Kaarel Tamm", "Minister of Defence"),
            S("Ants Raud", "Commander of the Defence Forces"),
        ),
    ),
    # ---------------------------------------------------------------- NGOs
    HeldOutCaseD(
        name="ngo-consecutive-paragraphs-speaker-changes",
        paragraphs=(
            "LONDON, 21 January 2025 — Three humanitarian organizations today urged donors to restore funding for mine clearance in eastern Ukraine.",
            "“Every month of delay means more fields that farmers cannot sow,” said Helen Marsh, Director of Programmes at ClearGround.",
            "“We have teams ready to deploy within a week, but no money to pay them,” said Rashid Okafor, Country Director of Humanity First Response.",
            "“The equipment is already sitting in warehouses in Lviv.”",
            "Anna Lindqvist, Head of Advocacy at Nordic Relief Alliance, added: “Donors promised long-term support. This is what long-term support looks like.”",
        ),
        quotes=(
            Q("Every month of delay means more fields that farmers cannot sow,", "Helen Marsh", 1),
            Q("We have teams ready to deploy within a week, but no money to pay them,", "Rashid Okafor", 2),
            Q("The equipment is already sitting in warehouses in Lviv.", "Rashid Okafor", 3),
            Q("Donors promised long-term support. This is what long-term support looks like.", "Anna Lindqvist", 4),
        ),
        speakers=(
            S("Helen Marsh", "Director of Programmes at ClearGround"),
            S("Rashid Okafor", "Country Director of Humanity First Response"),
            S("Anna Lindqvist", "Head of Advocacy at Nordic Relief Alliance"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="ngo-british-curly-single-quotes",
        paragraphs=(
            "LONDON, 5 March 2025 – A new survey by the charity Shelter Lines found that one in eight private tenants in England has been threatened with eviction after asking for repairs.",
            "‘People are afraid to report mould because they know what might happen next,’ said Kate Dorrington, the charity’s Chief Executive.",
        ),
        quotes=(
            Q("People are afraid to report mould because they know what might happen next,", "Kate Dorrington", 1),
        ),
        speakers=(S("Kate Dorrington", "charity’s Chief Executive"),),
    ),
    HeldOutCaseD(
        name="ngo-straight-single-quotes-apostrophe-inside",
        paragraphs=(
            "DHAKA, 14 August 2025 – Rivers Trust International has delivered 12 rescue boats to districts hit by the monsoon floods.",
            "'We can't stop the water, but we can make sure nobody's left on a rooftop,' said Farida Rahman, the organization's Bangladesh Coordinator.",
        ),
        quotes=(
            Q("We can't stop the water, but we can make sure nobody's left on a rooftop,", "Farida Rahman", 1),
        ),
        speakers=(S("Farida Rahman", "organization's Bangladesh Coordinator"),),
    ),
    HeldOutCaseD(
        name="ngo-nested-inner-quote-one-entry",
        paragraphs=(
            "BRUSSELS, 10 December 2025 – Human rights organizations marked Human Rights Day with a call to end the detention of migrant children in Europe.",
            "“For years governments have said ‘never again’ about children behind bars, and yet here we are,” said Marek Novotný, Director of the European Network for Child Rights.",
        ),
        quotes=(
            Q("For years governments have said ‘never again’ about children behind bars, and yet here we are,", "Marek Novotný", 1),
        ),
        speakers=(S("Marek Novotný", "Director of the European Network for Child Rights"),),
    ),
    HeldOutCaseD(
        name="ngo-chant-and-slogan-not-quotes",
        paragraphs=(
            "BELGRADE, 16 March 2025 – Tens of thousands of students marched through the city on Saturday, chanting “Justice for all” and carrying banners reading “We are watching”.",
            "The organizers, the student group Plenum 21, said the march had passed peacefully.",
        ),
        quotes=(),
        speakers=(),
    ),
    HeldOutCaseD(
        name="ngo-role-before-name-then-pronoun-run",
        paragraphs=(
            "OSLO, 3 April 2025 – Norwegian Refugee Aid called on European governments to keep search-and-rescue ships operating in the central Mediterranean this summer.",
            "The organization's Secretary General, Ingrid Solberg-Haug, said the number of deaths at sea had doubled since last year.",
            "“Every empty rescue zone is a decision, not an accident,” she said.",
            "“We know where people drown. We know how to stop it.”",
        ),
        quotes=(
            Q("Every empty rescue zone is a decision, not an accident,", "Ingrid Solberg-Haug", 2),
            Q("We know where people drown. We know how to stop it.", "Ingrid Solberg-Haug", 3),
        ),
        speakers=(S("Ingrid Solberg-Haug", "organization's Secretary General"),),
    ),
    HeldOutCaseD(
        name="ngo-volunteer-unnamed-and-named-director",
        paragraphs=(
            "KHARKIV, 19 February 2025 – The Red Cross branch in Kharkiv has opened a fourth heating point in the city after another attack on the power grid.",
            "“People come in, warm their hands, charge their phones and go back home to cold flats,” one volunteer said.",
            "“The heating points save lives, but they are not a solution for a whole winter,” said Olena Kravets, head of the branch.",
        ),
        quotes=(
            Q("People come in, warm their hands, charge their phones and go back home to cold flats,", None, 1),
            Q("The heating points save lives, but they are not a solution for a whole winter,", "Olena Kravets", 2),
        ),
        speakers=(S("Olena Kravets", "head of the branch"),),
    ),
    HeldOutCaseD(
        name="ngo-says-present-tense-and-mrs",
        paragraphs=(
            "NAIROBI, 8 March 2025 – On International Women's Day, GirlsLead Africa reports that 1.4 million girls in East Africa have left school early because of child marriage.",
            "“When a girl marries at 14, her education ends the same day,” says Mrs. Wanjiru Kamau, founder of GirlsLead Africa.",
        ),
        quotes=(Q("When a girl marries at 14, her education ends the same day,", "Wanjiru Kamau", 1),),
        speakers=(S("Wanjiru Kamau", "founder of GirlsLead Africa"),),
    ),
    # ---------------------------------------------------------------- European Parliament
    HeldOutCaseD(
        name="ep-capitals-rapporteur-colon",
        paragraphs=(
            "Parliament on Wednesday approved new rules requiring online marketplaces to verify the identity of sellers of toys and cosmetics.",
            "The text was adopted with 512 votes in favour, 71 against and 40 abstentions.",
            "Rapporteur Jonas BRANDT-NIELSEN (Greens/EFA, DK) said: “Parents should not have to be chemists to buy a safe toy for their child.”",
        ),
        quotes=(Q("Parents should not have to be chemists to buy a safe toy for their child.", "Jonas Brandt-Nielsen", 2),),
        speakers=(S("Jonas Brandt-Nielsen", "Rapporteur", "Greens/EFA, DK", "Jonas BRANDT-NIELSEN"),),
    ),
    HeldOutCaseD(
        name="ep-capitals-particle-and-compound-surname",
        paragraphs=(
            "Negotiators from Parliament and Council reached a provisional agreement on Thursday on the revision of the rules for seasonal workers.",
            "Margriet de VRIES (EPP, NL), Parliament's lead negotiator, said: “Seasonal workers pick our fruit and build our roads. From now on, they will have the same protection as everyone else.”",
            "Ana Lucía FERRER GIMÉNEZ (S&D, ES), shadow rapporteur, added: “No more beds rented at the price of a flat.”",
        ),
        quotes=(
            Q("Seasonal workers pick our fruit and build our roads. From now on, they will have the same protection as everyone else.", "Margriet de Vries", 1),
            Q("No more beds rented at the price of a flat.", "Ana Lucía Ferrer Giménez", 2),
        ),
        speakers=(
            S("Margriet de Vries", "Parliament's lead negotiator", "EPP, NL", "Margriet de VRIES"),
            S("Ana Lucía Ferrer Giménez", "shadow rapporteur", "S&D, ES", "Ana Lucía FERRER GIMÉNEZ"),
        ),
        hard=True,
    ),
    HeldOutCaseD(
        name="ep-capitals-no-role-said-after",
        paragraphs=(
            "During Tuesday's debate on press freedom in candidate countries, several MEPs criticised the pressure on independent broadcasters.",
            "“Candidate status is not a prize, it is a promise, and promises can be broken,” said Tomasz WRÓBEL (ECR, PL).",
        ),
        quotes=(Q("Candidate status is not a prize, it is a promise, and promises can be broken,", "Tomasz Wróbel", 1),),
        speakers=(S("Tomasz Wróbel", None, "ECR, PL", "Tomasz WRÓBEL"),),
    ),
    HeldOutCaseD(
        name="ep-committee-chair-and-report-title",
        paragraphs=(
            "The Committee on Civil Liberties, Justice and Home Affairs adopted its report “Protecting Journalists from Abusive Lawsuits” on Monday with 48 votes to 9.",
            "Committee Chair Elena PAPADAKI (Renew, EL) said: “Lawsuits designed to silence should be thrown out in the first week, not after five years.”",
            "The report will be put to a vote in plenary in March.",
        ),
        quotes=(Q("Lawsuits designed to silence should be thrown out in the first week, not after five years.", "Elena Papadaki", 1),),
        speakers=(S("Elena Papadaki", "Committee Chair", "Renew, EL", "Elena PAPADAKI"),),
    ),
    HeldOutCaseD(
        name="ep-president-statement-unnamed-null",
        paragraphs=(
            "Following the attack on the electoral commission's headquarters, the President of the European Parliament made the following statement:",
            "“An attack on those who count the votes is an attack on every voter. I call on the authorities to find those responsible and to protect election staff in the days ahead.”",
        ),
        quotes=(
            Q("An attack on those who count the votes is an attack on every voter. I call on the authorities to find those responsible and to protect election staff in the days ahead.", None, 1),
        ),
        speakers=(),
    ),
    HeldOutCaseD(
        name="ep-two-meps-consecutive-with-surname-back-reference",
        paragraphs=(
            "MEPs adopted on Thursday their position on the new rules on packaging waste, with 402 votes in favour, 190 against and 31 abstentions.",
            "Rapporteur Saoirse O'CONNELL (Renew, IE) said: “We are ending the era of the single-use coffee cup.”",
            "“Reusable packaging will be the norm in cafés and restaurants by 2030,” O'Connell added.",
            "Shadow rapporteur Dietmar KRAUSE (ECR, DE) voted against: “This text will cost small restaurants money they do not have.”",
        ),
        quotes=(
            Q("We are ending the era of the single-use coffee cup.", "Saoirse O'Connell", 1),
            Q("Reusable packaging will be the norm in cafés and restaurants by 2030,", "Saoirse O'Connell", 2),
            Q("This text will cost small restaurants money they do not have.", "Dietmar Krause", 3),
        ),
        speakers=(
            S("Saoirse O'Connell", "Rapporteur", "Renew, IE", "Saoirse O'CONNELL"),
            S("Dietmar Krause", "Shadow rapporteur", "ECR, DE", "Dietmar KRAUSE"),
        ),
        hard=True,
    ),
    # ---------------------------------------------------------------- French
    HeldOutCaseD(
        name="fr-delegue-appositive-colon-guillemets",
        paragraphs=(
            "NEW YORK, 18 mars 2025 – Le Conseil de sécurité a adopté jeudi à l'unanimité une résolution prorogeant d'un an le mandat de la mission d'appui au processus électoral.",
            "Le délégué du Sénégal, M. Aliou Ndiaye, a salué la décision\u00a0: «\u00a0Ce vote montre que la région n'est pas seule face à ses défis.\u00a0»",
            "La représentante de la France, Mme Claire Beaulieu, a pour sa part insisté sur la protection des civils\u00a0: «\u00a0Aucun processus politique ne peut réussir si la population vit dans la peur.\u00a0»",
        ),
        quotes=(
            Q("Ce vote montre que la région n'est pas seule face à ses défis.", "Aliou Ndiaye", 1),
            Q("Aucun processus politique ne peut réussir si la population vit dans la peur.", "Claire Beaulieu", 2),
        ),
        speakers=(
            S("Aliou Ndiaye", "délégué du Sénégal"),
            S("Claire Beaulieu", "représentante de la France"),
        ),
        hard=True,
        language="fr",
    ),
    HeldOutCaseD(
        name="fr-a-declare-mme-after-quote",
        paragraphs=(
            "PARIS, 4 juin 2025 – L'Agence française pour la coopération technique a signé aujourd'hui un accord avec le Bénin pour la formation de 600 techniciens en énergie solaire.",
            "« Former les techniciens sur place, c'est garantir que les panneaux fonctionneront encore dans dix ans », a déclaré Mme Sophie Garnier, directrice générale de l'Agence.",
        ),
        quotes=(
            Q("Former les techniciens sur place, c'est garantir que les panneaux fonctionneront encore dans dix ans", "Sophie Garnier", 1),
        ),
        speakers=(S("Sophie Garnier", "directrice générale de l'Agence"),),
        language="fr",
    ),
    HeldOutCaseD(
        name="fr-le-ministre-back-reference",
        paragraphs=(
            "PARIS, 12 février 2025 – Le ministre de l'Agriculture et de la Souveraineté alimentaire, Pierre-Yves Lemoine, a présenté mercredi un plan d'aide aux éleveurs touchés par la sécheresse.",
            "Le plan prévoit 180 millions d'euros d'avances de trésorerie et un report des cotisations sociales.",
            "Le ministre a déclaré : « Aucun éleveur ne doit abandonner son troupeau faute de fourrage. »",
        ),
        quotes=(
            Q("Aucun éleveur ne doit abandonner son troupeau faute de fourrage.", "Pierre-Yves Lemoine", 2),
        ),
        speakers=(S("Pierre-Yves Lemoine", "ministre de l'Agriculture et de la Souveraineté alimentaire"),),
        hard=True,
        language="fr",
    ),
    HeldOutCaseD(
        name="fr-rapport-titre-et-citation-ong",
        paragraphs=(
            "GENÈVE, 22 septembre 2025 – L'organisation Droits sans Frontières publie aujourd'hui son rapport « Enfermés sans jugement », consacré à la détention provisoire en Afrique centrale.",
            "« Dans certaines prisons, sept détenus sur dix n'ont jamais vu un juge », souligne Jean-Marc Okemba, responsable du plaidoyer de l'organisation.",
        ),
        quotes=(
            Q("Dans certaines prisons, sept détenus sur dix n'ont jamais vu un juge", "Jean-Marc Okemba", 1),
        ),
        speakers=(S("Jean-Marc Okemba", "responsable du plaidoyer de l'organisation"),),
        language="fr",
    ),
    HeldOutCaseD(
        name="fr-osce-chef-de-mission-m-honorific",
        paragraphs=(
            "CHIȘINĂU, 5 novembre 2025 – La Mission de l'OSCE en Moldavie a organisé aujourd'hui une table ronde sur la liberté de circulation entre les deux rives du Dniestr.",
            "« Chaque barrière levée sur un pont est un pas vers la confiance », a affirmé M. Laurent Mercier, chef de la Mission de l'OSCE en Moldavie.",
        ),
        quotes=(Q("Chaque barrière levée sur un pont est un pas vers la confiance", "Laurent Mercier", 1),),
        speakers=(S("Laurent Mercier", "chef de la Mission de l'OSCE en Moldavie"),),
        language="fr",
    ),
    # ---------------------------------------------------------------- German
    HeldOutCaseD(
        name="de-ministerin-sagte-back-reference-frau",
        paragraphs=(
            "BERLIN, 14. Mai 2025 – Bundesministerin für Familie, Senioren, Frauen und Jugend Frau Dr. Sabine Kellermann hat heute gemeinsam mit den Ländern ein Programm gegen Einsamkeit im Alter vorgestellt.",
            "Die Ministerin sagte: „Einsamkeit ist keine Privatsache. Sie macht krank, und sie betrifft Millionen Menschen in unserem Land.“",
        ),
        quotes=(
            Q("Einsamkeit ist keine Privatsache. Sie macht krank, und sie betrifft Millionen Menschen in unserem Land.", "Sabine Kellermann", 1),
        ),
        speakers=(S("Sabine Kellermann", "Bundesministerin für Familie, Senioren, Frauen und Jugend"),),
        hard=True,
        language="de",
    ),
    HeldOutCaseD(
        name="de-ngo-sagt-then-so-surname",
        paragraphs=(
            "Vor Beginn der Hitzesaison ruft der Verband Pflege im Quartier zu besseren Hitzeschutzplänen in Pflegeheimen auf. „Hitze ist für alte Menschen eine unterschätzte Lebensgefahr“, sagt Verbandsvorsitzende Jana Hoffmann.",
            "„Viele Heime haben keinen einzigen gekühlten Raum. Das muss sich bis zum nächsten Sommer ändern“, so Hoffmann.",
        ),
        quotes=(
            Q("Hitze ist für alte Menschen eine unterschätzte Lebensgefahr", "Jana Hoffmann", 0),
            Q("Viele Heime haben keinen einzigen gekühlten Raum. Das muss sich bis zum nächsten Sommer ändern", "Jana Hoffmann", 1),
        ),
        speakers=(S("Jana Hoffmann", "Verbandsvorsitzende"),),
        language="de",
    ),
    HeldOutCaseD(
        name="de-fraktion-party-in-brackets-herr",
        paragraphs=(
            "Der Umweltausschuss des Bundestages hat am Mittwoch die Anhörung zum Gesetz zur Wiedervernässung von Mooren abgeschlossen.",
            "Dr. Lena Vogt (SPD), Vorsitzende des Ausschusses, erklärte: „Moore sind die günstigsten Klimaschützer, die wir haben.“",
            "Herr Matthias Brenner (CDU/CSU) entgegnete: „Ohne die Landwirte vor Ort wird kein einziger Hektar nass.“",
        ),
        quotes=(
            Q("Moore sind die günstigsten Klimaschützer, die wir haben.", "Lena Vogt", 1),
            Q("Ohne die Landwirte vor Ort wird kein einziger Hektar nass.", "Matthias Brenner", 2),
        ),
        speakers=(
            S("Lena Vogt", "Vorsitzende des Ausschusses", "SPD"),
            S("Matthias Brenner", None, "CDU/CSU"),
        ),
        language="de",
    ),
    HeldOutCaseD(
        name="de-reversed-guillemets-and-kampagne-title",
        paragraphs=(
            "BERN, 3. Juli 2025 – Das Bundesamt für Gesundheit startet heute die Kampagne »Hör auf dein Herz«, die zu regelmäßigen Blutdruckmessungen aufruft.",
            "»Jede dritte Person mit Bluthochdruck weiss nichts davon«, sagt Direktor Urs Meili.",
        ),
        quotes=(Q("Jede dritte Person mit Bluthochdruck weiss nichts davon", "Urs Meili", 1),),
        speakers=(S("Urs Meili", "Direktor"),),
        language="de",
    ),
    # ---------------------------------------------------------------- Russian
    HeldOutCaseD(
        name="ru-g-zha-surname-full-name-before",
        paragraphs=(
            "ЖЕНЕВА, 4 апреля 2025 года – Верховный комиссар ООН по правам человека Марта Оливейра выразила обеспокоенность массовыми задержаниями участников мирных акций протеста.",
            "«Никто не должен подвергаться преследованию за участие в мирном протесте», – заявила г-жа Оливейра.",
        ),
        quotes=(Q("Никто не должен подвергаться преследованию за участие в мирном протесте", "Марта Оливейра", 1),),
        speakers=(S("Марта Оливейра", "Верховный комиссар ООН по правам человека"),),
        hard=True,
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-g-n-colon-introduction-and-quoted-name",
        paragraphs=(
            "АСТАНА, 16 октября 2025 года – В Астане завершился региональный семинар по управлению водными ресурсами, организованный в рамках проекта «Зелёный мост».",
            "Представитель Министерства водных ресурсов Казахстана г-н Ерлан Абенов подчеркнул: «Без обмена данными между странами бассейна никакой план не будет работать».",
        ),
        quotes=(
            Q("Без обмена данными между странами бассейна никакой план не будет работать", "Ерлан Абенов", 1),
        ),
        speakers=(S("Ерлан Абенов", "Представитель Министерства водных ресурсов Казахстана"),),
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-osce-posol-after-quote-two-speakers",
        paragraphs=(
            "БИШКЕК, 10 июня 2025 года – Программный офис ОБСЕ в Бишкеке передал пограничной службе Кыргызстана оборудование для досмотра грузов.",
            "«Это оборудование сократит время ожидания на границе и усложнит жизнь контрабандистам», – сказал руководитель Программного офиса ОБСЕ в Бишкеке посол Алексей Громов.",
            "«Мы уже обучили 60 сотрудников работе с новыми сканерами», – добавила заместитель председателя пограничной службы Айгуль Сыдыкова.",
        ),
        quotes=(
            Q("Это оборудование сократит время ожидания на границе и усложнит жизнь контрабандистам", "Алексей Громов", 1),
            Q("Мы уже обучили 60 сотрудников работе с новыми сканерами", "Айгуль Сыдыкова", 2),
        ),
        speakers=(
            S("Алексей Громов", "руководитель Программного офиса ОБСЕ в Бишкеке"),
            S("Айгуль Сыдыкова", "заместитель председателя пограничной службы"),
        ),
        language="ru",
    ),
    HeldOutCaseD(
        name="ru-ministry-statement-null",
        paragraphs=(
            "МОСКВА, 2 сентября 2025 года – Министерство иностранных дел опубликовало заявление в связи с решением о закрытии консульства.",
            "«Мы сожалеем об этом решении и оставляем за собой право на ответные меры», – говорится в заявлении министерства.",
        ),
        quotes=(
            Q("Мы сожалеем об этом решении и оставляем за собой право на ответные меры", None, 1),
        ),
        speakers=(),
        language="ru",
    ),
]


def _has_capitals_word(name: str) -> bool:
    return any(word.isupper() for word in CAPITALS_RE.findall(name))


def _skip_back(text: str, index: int) -> int:
    """The index of the character before `index`, past a typesetter's space."""
    index -= 1
    while index >= 0 and text[index] in MARK_SPACES:
        index -= 1
    return index


def _skip_forward(text: str, index: int) -> int:
    while index < len(text) and text[index] in MARK_SPACES:
        index += 1
    return index


def _in_marks(haystack: str, needle: str, opens_before: int) -> bool:
    """Whether `needle` occurs in `haystack`, starting before `opens_before`, right after an opening mark
    and right before a closing one."""
    start = haystack.find(needle)
    while start != -1 and start < opens_before:
        before, after = _skip_back(haystack, start), _skip_forward(haystack, start + len(needle))
        if before >= 0 and haystack[before] in OPENING_MARKS and after < len(haystack) and haystack[after] in CLOSING_MARKS:
            return True
        start = haystack.find(needle, start + 1)
    return False


def _text_from(paragraphs: tuple[str, ...], first: int) -> str:
    """The paragraphs from `first` on, joined with one space, later paragraphs without their opening mark."""
    rest = [p[1:].lstrip(MARK_SPACES) if p[:1] in OPENING_MARKS else p for p in paragraphs[first + 1 :]]
    return " ".join([paragraphs[first], *rest])


def problems(case: HeldOutCaseD) -> list[str]:
    """Typos in the expectations: a quote not between marks, a speaker, role or affiliation not in the text."""
    found: list[str] = []
    body = " ".join(case.paragraphs)
    for quote in case.quotes:
        if not 0 <= quote.paragraph < len(case.paragraphs):
            found.append(f"{case.name}: paragraph {quote.paragraph} out of range")
        elif not _in_marks(_text_from(case.paragraphs, quote.paragraph), quote.text, len(case.paragraphs[quote.paragraph])):
            found.append(f"{case.name}: quote not between marks from paragraph {quote.paragraph}: {quote.text[:50]!r}")
    names = [s.name for s in case.speakers]
    first_quoted = list(dict.fromkeys(q.speaker for q in case.quotes if q.speaker is not None))
    if first_quoted != names:
        found.append(f"{case.name}: speakers {names} are not the quoted people in order {first_quoted}")
    for speaker in case.speakers:
        printed = speaker.name_raw or speaker.name
        if printed not in body or (speaker.role is not None and speaker.role not in body):
            found.append(f"{case.name}: speaker {printed!r} or role {speaker.role!r} not in the text")
        if speaker.name_raw is not None and (speaker.name_raw == speaker.name or _has_capitals_word(speaker.name)):
            found.append(f"{case.name}: name {speaker.name!r} is not the readable form of {speaker.name_raw!r}")
        if speaker.name.split()[0].rstrip(".").casefold() in HONORIFICS:
            found.append(f"{case.name}: name {speaker.name!r} keeps an honorific")
        if speaker.affiliation is not None and f"({speaker.affiliation})" not in body:
            found.append(f"{case.name}: affiliation ({speaker.affiliation}) not in the text")
    return found


if __name__ == "__main__":
    # Self-check: `uv run python -m bench.quotes_holdout_d` lists typos in the expectations, exits 1 if any.
    import sys

    all_problems = [problem for case in CASES for problem in problems(case)]
    print("\n".join(all_problems) or f"{len(CASES)} cases, {sum(c.hard for c in CASES)} hard: expectations consistent")
    sys.exit(1 if all_problems else 0)
