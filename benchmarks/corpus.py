"""A seeded generator of varied wire-style news articles, diplomatic and not, for benchmarks.

Run from the checkout:  .venv/bin/python benchmarks/corpus.py OUT.jsonl [--documents N]
                                                                           [--seed N]

Writes JSON Lines (`id`, `title`, `date`, `text`) that `eventx extract` reads as they are.
Nothing is downloaded or copied: the articles come from the templates and word lists below,
so the same seed always gives the same corpus, byte for byte. About a third of the articles
are diplomatic (meetings, calls, visits, talks, agreements, accusations, aid, sanctions;
occurred, planned, denied and hypothetical), the rest sports, business, weather, crime,
culture, science, health, technology and domestic politics, as on a real wire, so most
sentences hold no diplomatic event. The default (1,200 articles) is over 400,000 words.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

# name, demonym, capital, second city
COUNTRIES = (
    ("France", "French", "Paris", "Lyon"),
    ("Germany", "German", "Berlin", "Hamburg"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa"),
    ("Nigeria", "Nigerian", "Abuja", "Lagos"),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo"),
    ("Japan", "Japanese", "Tokyo", "Osaka"),
    ("India", "Indian", "New Delhi", "Mumbai"),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya"),
    ("Egypt", "Egyptian", "Cairo", "Alexandria"),
    ("Turkey", "Turkish", "Ankara", "Istanbul"),
    ("Mexico", "Mexican", "Mexico City", "Guadalajara"),
    ("Canada", "Canadian", "Ottawa", "Toronto"),
    ("Poland", "Polish", "Warsaw", "Krakow"),
    ("Ghana", "Ghanaian", "Accra", "Kumasi"),
    ("Vietnam", "Vietnamese", "Hanoi", "Ho Chi Minh City"),
    ("Argentina", "Argentine", "Buenos Aires", "Cordoba"),
    ("Ethiopia", "Ethiopian", "Addis Ababa", "Dire Dawa"),
    ("Pakistan", "Pakistani", "Islamabad", "Karachi"),
    ("Senegal", "Senegalese", "Dakar", "Saint-Louis"),
    ("Norway", "Norwegian", "Oslo", "Bergen"),
    ("Australia", "Australian", "Canberra", "Sydney"),
    ("South Korea", "South Korean", "Seoul", "Busan"),
    ("Qatar", "Qatari", "Doha", "Al Wakrah"),
    ("Chile", "Chilean", "Santiago", "Valparaiso"),
    ("Morocco", "Moroccan", "Rabat", "Casablanca"),
    ("Uganda", "Ugandan", "Kampala", "Gulu"),
    ("Philippines", "Philippine", "Manila", "Cebu"),
    ("Italy", "Italian", "Rome", "Milan"),
    ("Spain", "Spanish", "Madrid", "Barcelona"),
    ("Thailand", "Thai", "Bangkok", "Chiang Mai"),
)
FIRST = (
    "Amina",
    "Daniel",
    "Li",
    "Olga",
    "Rafael",
    "Priya",
    "Kwame",
    "Sofia",
    "Tomasz",
    "Hana",
    "Ibrahim",
    "Claire",
    "Mateus",
    "Yuki",
    "Fatima",
    "Erik",
    "Nadia",
    "Samuel",
    "Leila",
    "Marco",
    "Grace",
    "Omar",
    "Ines",
    "Viktor",
    "Aisha",
    "Jonas",
    "Mariam",
    "Pedro",
    "Elena",
    "Kofi",
)
LAST = (
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Moreau",
    "Tanaka",
    "Kowalski",
    "Mensah",
    "Ferreira",
    "Novak",
    "Rahman",
    "Castillo",
    "Nakamura",
    "Abebe",
    "Schneider",
    "Diallo",
    "Petrovic",
    "Suarez",
    "Karimi",
    "Osei",
    "Bianchi",
    "Nguyen",
    "Adeyemi",
    "Halvorsen",
    "Demir",
    "Alvarez",
    "Mwangi",
    "Sato",
    "Fontaine",
    "Qureshi",
    "Ortega",
)
MINISTRIES = ("Foreign Minister", "Defense Minister", "Trade Minister", "Finance Minister")
LEADERS = ("President", "Prime Minister")
ORGS = (
    "the United Nations",
    "the European Union",
    "the African Union",
    "NATO",
    "the International Monetary Fund",
    "the World Bank",
    "ASEAN",
    "the World Health Organization",
)
TOPICS = (
    "trade",
    "regional security",
    "climate change",
    "energy cooperation",
    "migration",
    "the border dispute",
    "debt relief",
    "fisheries",
    "water sharing",
    "counterterrorism",
    "food security",
    "the stalled peace process",
    "investment in ports and railways",
    "visa rules",
    "the humanitarian situation",
    "nuclear safety",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
AGENCIES = ("Wire", "Newswire", "World Service", "Press")

# Diplomatic lines. Slots: p1/p2 people with title1/title2, c1/c2 countries, d1/d2 demonyms,
# cap1/cap2 capitals, org, topic, topic2, day, month, n (a number), city2 (second city of c1).
DIPLOMATIC_LEAD = (
    "{title1} {p1} of {c1} met {title2} {p2} of {c2} in {cap1} on {day} to discuss {topic}.",
    "{d1} {title1} {p1} held talks with his {d2} counterpart {p2} on {day}, focusing on {topic}.",
    "{title1} {p1} arrived in {cap2} on {day} for a two-day visit expected to focus on {topic}.",
    "{d1} {title1} {p1} spoke by phone with {title2} {p2} of {c2} on {day} about {topic}.",
    "{c1} and {c2} signed an agreement on {topic} on {day} after months of negotiations.",
    "{title1} {p1} of {c1} accused {c2} of undermining {topic} in a speech on {day}.",
    "{c1} condemned {c2} on {day} over what it called repeated violations of the ceasefire.",
    "{title1} {p1} will travel to {cap2} next week to meet {d2} officials about {topic}.",
    "{d1} and {d2} officials are expected to meet in {cap1} later this month to discuss {topic}.",
    "{c1} pledged ${n} million in humanitarian aid to {c2} on {day}.",
    "{c1} imposed sanctions on {d2} officials on {day}, citing {topic}.",
    "{title1} {p1} hosted {title2} {p2} in {cap1} on {day}, the first such visit in a decade.",
    "{d1} {title1} {p1} called on {c2} to release detained journalists.",
    "{title1} {p1} of {c1} denied on {day} that he had met {d2} envoys in secret.",
)
DIPLOMATIC_BODY = (
    "The two sides also discussed {topic2}, according to a statement from the {d1} foreign "
    "ministry.",
    '"We had frank and constructive discussions," {p1_last} told reporters after the meeting.',
    '"{c2} is an important partner for us," {p1_last} said at a joint news conference.',
    "{p2_last} said the talks had been useful but that differences remained over {topic}.",
    "The meeting came a week after {d2} officials visited {cap1} for preparatory talks.",
    "{p1_last} is also scheduled to meet {org} officials before returning home on {day2}.",
    "Relations between {c1} and {c2} have been strained since a dispute over {topic2} last year.",
    "Neither side gave details of any agreement reached during the talks.",
    "Officials said the leaders could meet again at a summit in {cap2} if progress is made.",
    "{p2_last} did not meet opposition leaders during the visit, his office said.",
    "The {d1} leader thanked {c2} for its support and invited {p2_last} to visit {cap1}.",
    "{org} welcomed the agreement and urged both governments to implement it quickly.",
    "Analysts said the visit signaled a thaw in relations that had cooled over {topic2}.",
    "{title2} {p2} is expected to visit {cap1} in {month}, the ministry said.",
    "Protesters gathered outside the venue, calling for a tougher stance on {topic2}.",
    "Trade between the two countries reached ${n} billion last year, according to official data.",
    "{c1} has been seeking closer ties with {org} as it looks to diversify its partnerships.",
    "The ministry said {p1_last} also held a phone call with the head of {org} on {day}.",
    "{d2} state media described the talks as productive and said more meetings would follow.",
    "A spokesperson for {org} said it was monitoring the situation closely.",
)

SPORTS = (
    "{club1} beat {club2} {s1}-{s2} on {day}, with {p1} scoring twice in the second half.",
    "{p1}, who joined {club1} from {club2} last summer, said the team had worked hard in training.",
    "The win lifts {club1} to {rank} in the table, {n} points behind the leaders.",
    '"We showed character today," coach {p2} told reporters after the match in {city2}.',
    "{club2} had taken the lead through a penalty in the {minute}th minute.",
    "A crowd of {n},000 watched the match at the newly renovated stadium.",
    "{p3} set a national record in the 400 meters at the championships in {city2} on {day}.",
    "The {d1} team will face {c2} in the semifinals on {day2}.",
    "Injuries to two key defenders forced the coach to change his lineup at short notice.",
    "{club1} have now won {s1} of their last five matches in all competitions.",
    "Tickets for the final sold out within hours, organizers said.",
    "{p2} said he expected a tougher game when the teams meet again in the cup.",
)
BUSINESS = (
    "Shares in {company} rose {pct} percent on {day} after the company reported higher "
    "quarterly profit.",
    "{company} said revenue climbed to ${n} million in the three months to September.",
    "The central bank of {c1} kept its benchmark interest rate at {pct} percent on {day}.",
    "Inflation in {c1} slowed to {pct} percent in {month}, the statistics office said.",
    '"Demand remained strong across all our markets," chief executive {p1} said in a statement.',
    "{company} plans to open a new factory near {city2} that will employ {n}0 people.",
    "Analysts had expected a smaller increase, citing weak consumer spending.",
    "The {d1} currency fell to a record low against the dollar on {day}.",
    "Oil prices edged higher as traders weighed supply concerns.",
    "{company} also announced a share buyback worth ${n} million.",
    "The company cut its forecast for next year, blaming higher costs for raw materials.",
    "Unions said they would meet management next week over planned job cuts at {company}.",
)
WEATHER = (
    "Heavy rain caused flooding in parts of {city2} on {day}, forcing hundreds of families from "
    "their homes.",
    "The meteorological service warned of strong winds and high waves along the coast.",
    "Temperatures reached {n} degrees Celsius in {cap1}, the highest recorded this year.",
    "Emergency crews cleared fallen trees from roads north of {city2}.",
    "Farmers said the drought had cut the harvest of maize and beans by half.",
    "Schools in the region will stay closed until {day2} as a precaution, officials said.",
    '"We have never seen water rise this fast," said {p1}, a shopkeeper in {city2}.',
    "Forecasters expect the storm to weaken as it moves inland over the weekend.",
    "The national power company said about {n},000 homes were without electricity.",
    "Rainfall this season has been well below average, according to the weather office.",
)
CRIME = (
    "Police in {city2} arrested {n} people on {day} in connection with a string of robberies.",
    "A court in {cap1} sentenced a former bank manager to {s1} years in prison for fraud.",
    "Investigators said the suspects used forged documents to open accounts.",
    '"This was a well-organized operation," police spokesperson {p1} told reporters.',
    "The trial of three men accused of smuggling is due to resume on {day2}.",
    "Officers seized weapons and cash during raids on several houses, police said.",
    "The defense lawyer, {p2}, said his client would appeal the verdict.",
    "Residents said crime in the neighborhood had risen sharply over the past year.",
    "A customs officer was charged with taking bribes at the port of {city2}.",
    "Police have appealed for witnesses to come forward.",
)
CULTURE = (
    "The novel by {d1} writer {p1} won the country's top literary prize on {day}.",
    "The festival in {city2} drew more than {n},000 visitors over four days.",
    "The museum reopened after a two-year renovation with a new wing for modern art.",
    '"The book is about memory and the places we leave behind," {p1_last} said.',
    "The film, shot in {city2} and {cap1}, will open in cinemas next month.",
    "Organizers said tickets for the concerts had sold out in minutes.",
    "{p2}, a painter from {city2}, showed a series of portraits of fishermen.",
    "The orchestra will tour {s1} cities in {month}, including {cap2}.",
    "Critics praised the production for its spare staging and strong performances.",
    "The prize comes with a cash award and a translation grant.",
)
SCIENCE = (
    "Researchers at the University of {city2} said on {day} they had identified a new species "
    "of frog.",
    "The study, published in a peer-reviewed journal, followed {n}0 patients over five years.",
    "Scientists say the findings could help farmers grow crops that need less water.",
    '"We were surprised by how quickly the ice is melting," said lead author {p1}.',
    "The space agency of {c1} plans to launch a weather satellite in {month}.",
    "The team used drones to map the forest canopy and count nesting birds.",
    "Further tests are needed before the treatment can be approved, the researchers said.",
    "Health officials reported {n} new cases of cholera in {city2} this week.",
    "The vaccination campaign aims to reach {n}0,000 children by the end of the year.",
    "Doctors said hospitals were short of staff and basic supplies.",
    "{company} said its new battery could charge an electric car in ten minutes.",
    "The app, developed by students in {cap1}, helps farmers check market prices.",
)
POLITICS = (
    "Voters in {c1} go to the polls on {day2} to elect a new parliament.",
    "The opposition party accused the government of mismanaging the economy.",
    "{p1}, the leader of the opposition, told a rally in {city2} that taxes would be cut.",
    "Parliament passed a budget on {day} that raises spending on schools and hospitals.",
    '"People want jobs and lower prices," {p1_last} said.',
    "Opinion polls show the ruling party narrowly ahead.",
    "The election commission said {n} million people had registered to vote.",
    "Lawmakers debated the bill for more than ten hours before the vote.",
    "The governor of the province resigned on {day} after a corruption inquiry.",
    "Teachers went on strike in {city2} to demand higher pay.",
)
GENRES: dict[str, tuple[str, ...]] = {
    "sports": SPORTS,
    "business": BUSINESS,
    "weather": WEATHER,
    "crime": CRIME,
    "culture": CULTURE,
    "science": SCIENCE,
    "politics": POLITICS,
}
HEADLINES = {
    "diplomacy": (
        "{c1} and {c2} discuss {topic}",
        "{d1} minister in {cap2} for talks",
        "{c1}, {c2} leaders meet amid tension",
    ),
    "sports": ("{club1} beat {club2} to climb table", "{d1} sprinter sets record"),
    "business": ("{company} profit rises", "{d1} inflation slows"),
    "weather": ("Floods hit {city2}", "Heat wave grips {c1}"),
    "crime": ("Police arrest suspects in {city2}", "Court jails former banker"),
    "culture": ("{d1} novel wins top prize", "Festival draws crowds to {city2}"),
    "science": ("Researchers find new frog species", "{c1} to launch satellite"),
    "politics": ("{c1} heads to the polls", "Opposition attacks budget"),
}
CLUB_WORDS = ("United", "City", "Rovers", "Athletic", "Stars", "Rangers", "Dynamos", "Sporting")
COMPANY_WORDS = ("Holdings", "Group", "Motors", "Telecom", "Foods", "Energy", "Bank", "Airways")
RANKS = ("second", "third", "fourth", "fifth", "sixth")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass
class _Article:
    """What one article keeps the same from line to line: its people, places and subjects."""

    rng: random.Random
    slots: dict[str, str] = field(default_factory=dict)

    def person(self) -> str:
        return f"{self.rng.choice(FIRST)} {self.rng.choice(LAST)}"

    def fill(self, template: str) -> str:
        # Numbers change from line to line, the cast does not.
        numbers = {
            "n": str(self.rng.randint(2, 95)),
            "s1": str(self.rng.randint(0, 5)),
            "s2": str(self.rng.randint(0, 4)),
            "pct": f"{self.rng.randint(1, 12)}.{self.rng.randint(0, 9)}",
            "minute": str(self.rng.randint(10, 89)),
        }
        return template.format(**self.slots, **numbers)


ASIDES = ("Separately, ", "Earlier, ", "Meanwhile, ", "At the same time, ", "Later, ")


def _aside(rng: random.Random, line: str) -> str:
    """Sometimes open a line with a linking word, as wire copy does."""
    if rng.random() < 0.2 and line.startswith("The "):
        return rng.choice(ASIDES) + "the " + line[4:]
    return line


def _article(rng: random.Random, index: int, start: dt.date) -> dict[str, str]:
    genre = "diplomacy" if rng.random() < 0.35 else rng.choice(sorted(GENRES))
    first, second = rng.sample(COUNTRIES, 2)
    article = _Article(rng)
    p1, p2, p3 = article.person(), article.person(), article.person()
    date = start + dt.timedelta(days=rng.randint(0, 730))
    weekday = WEEKDAYS[date.weekday()]
    article.slots = {
        "p1": p1,
        "p2": p2,
        "p3": p3,
        "p1_last": p1.split()[-1],
        "p2_last": p2.split()[-1],
        "c1": first[0],
        "d1": first[1],
        "cap1": first[2],
        "city2": first[3],
        "c2": second[0],
        "d2": second[1],
        "cap2": second[2],
        "title1": rng.choice(MINISTRIES + LEADERS),
        "title2": rng.choice(MINISTRIES + LEADERS),
        "org": rng.choice(ORGS),
        "topic": rng.choice(TOPICS),
        "topic2": rng.choice(TOPICS),
        "day": weekday,
        "day2": rng.choice(WEEKDAYS),
        "month": rng.choice(MONTHS),
        "club1": f"{first[3]} {rng.choice(CLUB_WORDS)}",
        "club2": f"{first[2]} {rng.choice(CLUB_WORDS)}",
        "company": f"{rng.choice(LAST)} {rng.choice(COMPANY_WORDS)}",
        "rank": rng.choice(RANKS),
    }
    other = rng.choice(sorted(set(GENRES) - {genre}))
    if genre == "diplomacy":
        lead = article.fill(rng.choice(DIPLOMATIC_LEAD))
        # Real diplomatic stories carry background: lines from another desk too.
        pool = DIPLOMATIC_BODY + GENRES[other]
    else:
        lead = article.fill(rng.choice(GENRES[genre][:3]))
        # A long story runs into the desk's round-up of other news.
        pool = GENRES[genre][3:] + GENRES[other]
    body_count = rng.randint(18, 30)
    picked = rng.sample(pool, min(body_count, len(pool)))
    picked += [rng.choice(pool) for _ in range(body_count - len(picked))]
    lines = [_aside(rng, article.fill(template)) for template in picked]
    city = article.slots["cap1"] if rng.random() < 0.6 else article.slots["city2"]
    agency = rng.choice(AGENCIES)
    title = article.fill(rng.choice(HEADLINES[genre]))
    paragraphs = [f"{city.upper()}, {article.slots['c1']} ({agency}) — {lead}"]
    while lines:
        take = rng.randint(1, 3)
        paragraphs.append(" ".join(lines[:take]))
        lines = lines[take:]
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"
    return {"id": f"gen-{index:06d}", "title": title, "date": date.isoformat(), "text": text}


def articles(count: int = 1200, seed: int = 13) -> Iterator[dict[str, str]]:
    """`count` articles, the same ones for the same seed."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    for index in range(count):
        yield _article(rng, index, start)


def write(path: Path, count: int, seed: int) -> int:
    """Write the corpus as JSON Lines; returns the number of words written."""
    words = 0
    with path.open("w", encoding="utf-8") as handle:
        for record in articles(count, seed):
            words += len(record["text"].split())
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="JSON Lines file to write")
    parser.add_argument("--documents", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    words = write(args.out, args.documents, args.seed)
    print(f"{args.out}: {args.documents:,} articles, {words:,} words", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
