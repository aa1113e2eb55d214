"""People named with a title or a role: "اللواء X", "X، المتحدث باسم Y", "X أحد عناصر Y"
(titles.tsv), with the organization the title names."""

from __future__ import annotations

from dataclasses import replace

from athar.read.cue import cue_mention
from athar.read.entity import Mention, _cue_matcher, title_matcher, is_a, is_nisba, nisba_country, slug, stopwords
from athar.read.function_words import function_affixes, function_word, function_words
from athar.read.informant import other_words, saying_verbs
from athar.read.language import Language, language_data
from athar.read.nameword import name_words
from athar.read.namespan import indefinite_phrase, name_after
from athar.read.numbers import read_number
from athar.read.office import (BODY_ROLES, COMMAND, NEEDS_BODY, WHERE_WORDS, body_after_office, body_before_rank,
                               body_between, command_body, names_something,
                               name_past_office, office_after, office_body, organization_at, place_at, said_by)
from athar.read.reference import lexicon_mention
from athar.read.romanization import english_label, is_verbal_noun
from athar.read.surname import _after_saying
from athar.read.text import ARTICLE, COMMA, LAM, WAW, Doc

FA = "ف"


def _name_before(seg: Doc, i: int, comma: bool) -> tuple[int, int] | None:
    """The words naming a person just before a title, after a comma ("X Y، المتحدث باسم") or,
    for a member, without one ("X Y أحد عناصر"): a quoted name ("«X Y Z»، النقيب في"), or two
    to four words after a word that ends a clause (a stopword, with or without "و": "وقال X Y Z
    أحد مسؤولي"), a mark, or the sentence's start; the first word without the article, a
    later one may have it (a nisba: "علي الجدوع")."""
    tokens, stop = seg.tokens, stopwords(seg.language)
    end = i - 1 if comma else i
    # a comma, or a bracket that opens the title: "X Y (طبيبة في المنظمة)"
    if end < 1 or (comma and tokens[end].text not in (COMMA, "(")):
        return None
    if tokens[end - 1].text == '"':  # "«طاهر سعد الله الدوسكي»، النقيب في البيشمركة"
        k = end - 2
        while k >= 0 and k > end - 7 and tokens[k].is_word:  # quoted: "علي" is a name, not "على"
            k -= 1
        if k >= 0 and tokens[k].text == '"' and end - 1 - (k + 1) >= 2 and not tokens[k + 1].text.startswith(ARTICLE):
            return k + 1, end - 1
        return None
    parts = function_words(seg.language, "name_part")
    for n in (2, 3, 4):
        first = end - n
        if first < 0:
            return None
        if first > 0 and tokens[first - 1].text in parts:
            continue  # "رامي عبد الرحمن، مدير": "عبد" and the word after it are one name part
        words = tokens[first:end]
        if not all(t.is_word and t.text not in stop and not (t.text[:1] in (WAW, FA) and t.text[1:] in stop)
                   and not names_something(seg, k) and t.sentence == tokens[end - 1].sentence
                   for k, t in enumerate(words, first)) \
                or any(read_number(seg, k) is not None for k in range(first, end)) \
                or words[0].text.startswith(ARTICLE) \
                or (comma and n == 2 and words[1].text.startswith(ARTICLE) and words[0].text not in parts):
            return None
        if _ends_a_clause(seg, first - 1, stop):
            return first, end
    return None


def _ends_a_clause(seg: Doc, k: int, stop: frozenset[str]) -> bool:
    """Whether a name may start after token k: none (the text's start), a mark, a token of
    another sentence, a stopword, with or without a conjunction ("وقال"), or a word with the
    article."""
    tokens = seg.tokens
    if k < 0 or not tokens[k].is_word or tokens[k].sentence != tokens[k + 1].sentence:
        return True
    word = tokens[k].text
    # a definite noun ends a phrase too: "اعتقلت القوات عمر الحسن أحد قادة التنظيم"; so does a
    # word after the conjunction: "وأفاد ستيفان دوجاريك المتحدث باسم"
    # a verb of saying whose bare perfect is also a noun or a name ends it too: "حذر X Y، المدير"
    return word in stop or (word[:1] in (WAW, FA) and word[1:] in stop) or word.startswith(ARTICLE) \
        or word.startswith(WAW) and len(word) > 3 or word in saying_verbs(seg.language)


def person_mention(seg, i, titles, matcher, gaz, history) -> list[Mention] | None:
    """A person named after a title ("اللواء X"), or before a role ("X، المتحدث باسم Y")."""
    hit = titles.match_at(seg.tokens, i)
    if hit is None:
        return None
    tokens = seg.tokens
    prefix, end, (role, _en, body), marker = hit
    if role == "aged":  # the name is before the age
        return aged_person(seg, i, history)
    if role == "leader" and marker == _TO and any(titles.match_at(tokens, k) is not None and
                                                  titles.match_at(tokens, k)[1] == i for k in range(max(0, i - 3), i)):
        role = "member"  # "الممثل الخاص للأمين العام للأمم المتحدة X": who serves the head is a member
    org = place = None
    spoken_for = leading_in = False  # leading_in: a leader's title before "في" and a body, a member
    located: list[Mention] = []  # the place named after the body: "مدير المستشفى الوطني في الرقة"
    j = end
    needs_body = body == NEEDS_BODY
    office = None
    if body and body.startswith(COMMAND):
        office = command_body(seg, i, prefix, end, body, matcher, gaz, marker)
    elif body and not needs_body:
        office = office_body(seg, i, prefix, end, body, marker)
    if office is not None:  # "وزير الخارجية الألماني": the office names the body its holder leads
        org, j, role = office[0], office[1], "leader"
    if role in ("spokesperson", "leader", "member") and org is None:
        if role == "leader" and j + 1 < len(tokens) and tokens[j].text == function_word(seg.language, "locative"):
            # "القيادي في التنظيم", "القائد العسكري في القوات": a leading member in a body, not its
            # leader (who is "قائد X", the title in construct), as a rank is (relations.tsv rank)
            j, role, leading_in = j + 1, "member", True
        quoted = j + 1 < len(tokens) and tokens[j].text == '"'  # "مدير «المرصد السوري»"
        inner = matcher.match_at(tokens, j + quoted)
        if quoted and inner is not None and inner[2][0] == "gaz":
            j += 1
            if inner[1] < len(tokens) and tokens[inner[1]].text == '"':
                inner = (inner[0], inner[1] + 1, inner[2], inner[3])
        elif quoted:
            inner = matcher.match_at(tokens, j)
        org_mentions = lexicon_mention(seg, j, inner, gaz, history) \
            if inner is not None and inner[2][0] in ("gaz", "ana") else None
        if org_mentions is None and (inner is None or inner[2][0] == "ana"):
            # an organization named by its head noun: "مديرة منظمة اليونيسف", "قائد لواء X";
            # a place its leader heads: "مدير ناحية القحطانية"; a head noun that points to no
            # body named before is one named now ("قائد القوات المشتركة")
            org_mentions = cue_mention(seg, j, _cue_matcher(seg.language), matcher, gaz, history)
            if org_mentions and (is_a(org_mentions[0].type, "Organization")
                                 or role == "leader" and is_a(org_mentions[0].type, "Place")):
                if is_a(org_mentions[0].type, "Place"):
                    org_mentions = [_given_name_out(seg, org_mentions[0], gaz) or org_mentions[0]]
                inner = (0, org_mentions[0].last_token)
            else:
                org_mentions = None
        if org_mentions is None and role == "spokesperson":
            # "المتحدث باسم الأمين العام للأمم المتحدة": the spokesperson of an office speaks for its body
            holder = titles.match_at(tokens, j)
            if holder is not None and holder[0] == 0:
                inner = matcher.match_at(tokens, holder[1])
                org_mentions = lexicon_mention(seg, holder[1], inner, gaz, history) \
                    if inner is not None and inner[2][0] in ("gaz", "ana") else None
                spoken_for = org_mentions is not None  # a name after the body is the office holder's
        if org_mentions is None and inner is None and role in BODY_ROLES:
            # "منسق مشروعات الطوارئ بالمنظمة، X": the office's words, then the body
            org_mentions, inner = body_after_office(seg, j, matcher, gaz, history)
        if org_mentions and not is_a(org_mentions[0].type, "Person"):
            org = org_mentions[0]
            j = inner[1]
            if is_a(org.type, "Place"):
                # "محافظ كركوك", "مدير ناحية القحطانية": the place's administration is led
                place = org
                org = Mention(place.start, place.end, place.first_token, place.last_token,
                              f"administration-{place.key}", "GovernmentBody", place.label_ar,
                              f"{place.label_en} administration" if place.label_en != place.label_ar
                              else place.label_ar, place.scope, "cue", place.marker, place.key)
                office = (org, j)
        elif tokens[end - 1].text.endswith(function_affixes(seg.language, "title_pronoun")):
            # "قائدهم": the leader of the group named just before
            org = history.antecedent("Organization")
    if role == "commander" and org is None and j + 1 < len(tokens) \
            and tokens[j].text == function_word(seg.language, "locative"):
        unit = organization_at(seg, j + 1, matcher, gaz, history)
        if unit is not None:  # "الملازم أول في الفرقة التاسعة، X": an officer of the unit named after "في"
            org, role, j = unit, "member", unit.last_token
    if needs_body and org is None:
        return None  # "منسق مشروعات الطوارئ": an office named by what it does, no name after it
    if role == "leader" and org is None:
        held = body_before_rank(seg, end)  # "قائد أفواج عشائر الأنبار العميد X": the body, the rank, the name
        if held is not None:
            org, j = held
    # skip a nationality adjective: "وزير الخارجية الأمريكي مايك بومبيو"
    # (or the feminine: "المستشارة الألمانية أنجيلا ميركل")
    if j < len(tokens) and tokens[j].text.startswith(ARTICLE) \
            and (tokens[j].text.endswith(function_affixes(seg.language, "nisba")) or is_nisba(tokens[j].text)):
        if role == "commander" and org is None and j == end and nisba_country(seg.language, tokens[j].text) is None:
            return None  # "الفريق الاستشاري", "اللواء الاحتياطي": a team or a brigade described, no rank
        j += 1
    parent = None
    if org is not None and j + 1 < len(tokens) and tokens[j].text == function_word(seg.language, "locative"):
        where = matcher.match_at(tokens, j + 1)  # "مدير المستشفى الوطني في الرقة، X": where the body is
        if where is not None and where[2][0] == "gaz" and is_a(gaz[where[2][1]].type, "Place") \
                and where[1] < len(tokens) and (tokens[where[1]].text in (COMMA, '"') or said_by(seg, where[1])
                                                or role == "leader" and name_after(seg, where[1], limit=2) is not None
                                                and tokens[where[1]].text in name_words(seg.language)
                                                or _title_at(titles, tokens, where[1], "commander")):
            located = lexicon_mention(seg, j + 1, where, gaz, history) or []
            j = where[1]
        elif where is None or where[2][0] != "gaz" or not is_a(gaz[where[2][1]].type, "Place"):
            # "المسؤول في هيئة العلاقات الخارجية في الإدارة الذاتية X": the body the first is part of
            parent = organization_at(seg, j + 1, matcher, gaz, history)
            if parent is not None and parent.key != org.key:
                j = parent.last_token
            else:
                parent = None
    elif org is not None and j < len(tokens) and tokens[j].text[:1] in (_BA, LAM) and len(tokens[j].text) > 3:
        # the body the first is part of, joined by ب before a comma ("الملازم أول في الفرقة التاسعة
        # بالجيش العراقي، X") or by ل ("مدير المكتب الإعلامي لوحدات حماية الشعب X"), then the name
        parent = organization_at(seg, j, matcher, gaz, history)
        if parent is not None and parent.key != org.key and parent.last_token < len(tokens) \
                and (tokens[j].text[:1] == LAM or tokens[parent.last_token].text == COMMA):
            j = parent.last_token
        else:
            parent = None
    if org is not None and j + 2 < len(tokens) and tokens[j].text == function_word(seg.language, "locative"):
        comma = next((c for c in range(j + 2, min(len(tokens), j + WHERE_WORDS + 2)) if tokens[c].text == COMMA), None)
        if comma is not None and all(t.is_word for t in tokens[j + 1:comma]) \
                and any(place_at(seg, c, matcher, gaz) for c in range(j + 1, comma)):
            j = comma  # "منسق المشروعات بالمنظمة في غرب الموصل، X": where the office is held
        else:
            # "رئيسة قسم المساعدات القنصلية في الخارجية الألمانية السيدة X": the body the first is
            # part of, not known by name, then the holder's rank or "السيد" and the name
            held = next((c for c in range(j + 2, min(len(tokens), j + WHERE_WORDS + 2))
                         if _title_at(titles, tokens, c, "commander", "named")), None)
            if held is not None and all(t.is_word and t.text not in stopwords(seg.language) for t in tokens[j + 1:held]):
                j = held
    if org is None and role in BODY_ROLES and j == end:
        j = _past_unknown_body(seg, titles, j)
    if j < len(tokens) and tokens[j].text == COMMA:
        j += 1
    rank = titles.match_at(tokens, j) if org is not None and j < len(tokens) else None
    if rank is not None and rank[0] == 0 and rank[2][0] == "commander":
        # "قائد شرطة المحافظة، اللواء X", "المتحدث باسم التحالف الكولونيل X": the holder's rank, then
        # the name
        j = rank[1]
    called = titles.match_at(tokens, j) if role != "named" and j < len(tokens) else None
    if called is not None and called[0] == 0 and called[2][0] == "named":
        j = called[1]  # "القيادي في التنظيم المدعو أبو خالد": the name after "المدعو"
    long_name = j < len(tokens) and tokens[j].text in function_words(seg.language, "name_part")
    # "المتحدث باسم تحالف تقوده": the words after "باسم" name whom one speaks for, never the speaker
    for_whom = role == "spokesperson" and org is None and j == end and tokens[end - 1].text == _ON_BEHALF
    # "الناشطة في منظمات حقوق الانسان X": the words after "في" name a body no list knows, never the holder
    in_unknown = org is None and role in BODY_ROLES and tokens[j - 1].text == function_word(seg.language, "locative") \
        and (j == end or leading_in and j == end + 1)
    name = name_after(seg, j, limit=3 if long_name else 2) if not spoken_for and not for_whom and not in_unknown \
        else None
    if name is not None and (titles.match_at(tokens, name[0]) is not None and not _given_name_title(seg, role, *name)
                             or tokens[name[0]].text in _quote_words(seg.language)
                             or tokens[name[0]].text in saying_verbs(seg.language)
                             or tokens[name[0]].text in other_words(seg.language)):
        # "رئيس مجلس الوزراء ووزير الخارجية": a second title, no name; "عن المتحدث باسم الوزارة قوله":
        # the speaker's words follow, no name; nor a verb of saying or "another" ("قائد بقوات X، طلب عدم
        # ذكر اسمه", "قائد آخر")
        name = None
    if name is not None and (sum(len(t.text) for t in tokens[name[0]:name[1]]) < 3
                             or tokens[name[0]].text.startswith(WAW) and len(tokens[name[0]].text) > 5
                             or _preposition_and_noun(tokens[name[0]].text)
                             or tokens[name[0]].text[:1] in _PROCLITICS
                             and (tokens[name[0]].text[1:] in stopwords(seg.language)
                                  or is_verbal_noun(seg.language, tokens[name[0]].text[1:]))):
        # "لـ": a preposition alone; "ومكافحة": a conjunction and the next noun; "بانفجار لغم": a
        # preposition and an event's noun ("أحد أفراد قوات البيشمركة بانفجار لغم")
        name = None
    quoted_name = name is not None and tokens[name[0] - 1].text == '"' and name[0] - 1 == j
    if quoted_name and _closes_sentence(tokens, name[1] + 1):
        # "أكد قائد عمليات الحشد “قواتنا تواصل تطهير المدينة”.": the words said close the sentence, no name
        name = quoted_name = None
    if name is not None and not quoted_name:
        name = _family_name(seg, *name)
    if role == _DESCRIBED:
        # "قتلت اللاجئة العراقية مريم أحمد", "المعلمة «خولة الركاض»": a person described, then named
        # by a given name romanization.tsv knows or in quotes; "قتل الشاب برصاص قناص" names no one
        if name is None or not quoted_name and tokens[name[0]].text not in name_words(seg.language):
            return None
        role = "named"
    # a quoted name is a name whatever its first letters ("“آلان أوصمان”": آ + لان, no article)
    if name is None or tokens[name[0]].text.startswith(ARTICLE) and not quoted_name:
        # "شرفان درويش، المتحدث باسم المجلس": the name stands before the title
        # a member's name may stand before the title without a comma ("X أحد عناصر التنظيم"), not a
        # leading member's ("منزلا يستأجره أمير في تنظيم داعش": an emir of no name)
        name = _name_before(seg, i, comma=True) or (_name_before(seg, i, comma=False)
                                                     if role in ("member", "spokesperson") and not leading_in else None)
        if name is None and role == "leader":
            # "وقالت X Y رئيسة وفد المنظمة": a speaker's name right after the verb of saying, the
            # office after the name with no comma
            bare = _name_before(seg, i, comma=False)
            name = bare if bare is not None and _after_saying(seg, bare[0], function_words(seg.language, "conjunction")) else None
        if name is None and role in BODY_ROLES:
            # "المتحدث باسم مكتب القائد العام للجيش X Y في": the office's words run on past its body
            name = _past_office(seg, end)
        if name is None:
            return None
    first, last = name
    if _cue_matcher(seg.language).match_at(tokens, first) is not None or indefinite_phrase(seg, first, last):
        # "مختار بلدة الطيبة": a place after the title, "المحافظ مطعما جديدا": no person; "قائد فريق
        # العمليات في منظمة روج، X": the office's words, its body, then the name
        name = _past_office(seg, end) if role in BODY_ROLES else None
        if name is None:
            return None
        first, last = name
    if org is None:
        # "العميد الركن وليد العبيدي آمر اللواء 73": a rank before the name, the office after it
        held = office_after(seg, last, titles, matcher, gaz, history)
        if held is not None:
            role, org = held
    if org is None and role == "leader" and first > end:
        # "رئيس اللجنة الأمنية في مجلس المحافظة أحمد حميد", "زعيم التيار الصدري، مقتدى الصدر": the
        # words between the title and the name name the body it leads
        org = body_between(seg, end, first)
    if org is None and role == "commander" and last + 1 < len(tokens) and tokens[last].text == _FROM:
        # "العقيد محمد خليل من قيادة شرطة المحافظة": an officer of the body after "من"
        unit = organization_at(seg, last + 1, matcher, gaz, history)
        if unit is not None:
            org, role = unit, "member"
    name_norm = " ".join(t.text for t in tokens[first:last])
    start, stop = tokens[first].start, tokens[last - 1].end
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop))]
    role_of = f"{role}:{org.key}" if org is not None else role
    known = matcher.match_at(tokens, first)
    if known is not None and known[2][0] == "gaz" and gaz[known[2][1]].type == "Person":
        e = gaz[known[2][1]]  # a person the gazetteer knows: "أبو بكر البغدادي"
        last = known[1]
        start, stop = tokens[first].start, tokens[last - 1].end
        person = Mention(start, stop, first, last, e.key, e.type, e.label_ar, e.label_en, e.scope,
                         "person", "", e.parent, e.wikidata, e.wikidata_source, role_of=role_of,
                         role_org_start=org.start if org is not None else -1)
    else:
        label_en, guessed = english_label(seg, label_ar, "{name}", label_ar)
        person = Mention(start, stop, first, last, f"person-{slug(name_norm)}", "Person", label_ar,
                         label_en, "global", "person", role_of=role_of,
                         role_org_start=org.start if org is not None else -1, label_guessed=guessed)
    if office is not None and org is office[0] and person.first_token > org.first_token:
        # "التقى وزير الخارجية الأمريكي مايك بومبيو": the holder's mention spans the office, so
        # that the person, not the body, is who acts (the body's mention lies inside it)
        title_start = seg.tokens[i].start + prefix
        person = replace(person, start=min(org.start, title_start), first_token=min(org.first_token, i))
    if spoken_for:
        return [person]  # the office and its body are read next: "الأمين العام للأمم المتحدة X"
    return [person] + ([org] if org is not None else []) + ([place] if place is not None else []) + located \
        + ([parent] if parent is not None else [])


def _past_office(seg: Doc, end: int) -> tuple[int, int] | None:
    """The holder's name after an office's words that run on past the title ending at token end
    (office.name_past_office), with the family name after it."""
    name = name_past_office(seg, end)
    return _family_name(seg, *name) if name is not None else None


def _past_unknown_body(seg: Doc, titles, j: int) -> int:
    """"قائد أفواج عشائر المحافظة العميد X": a title, the words of a body no list knows, then the
    holder's rank and name: where the rank starts, so that the name after it is read, not the
    body's words as a person's; j itself when no rank follows within a few words."""
    tokens, stop = seg.tokens, stopwords(seg.language)
    for k in range(j + 1, min(len(tokens), j + _UNKNOWN_BODY_WORDS + 1)):
        if not tokens[k - 1].is_word or tokens[k - 1].text in stop or tokens[k - 1].sentence != tokens[j].sentence:
            return j
        if _title_at(titles, tokens, k, "commander"):
            return k
    return j


_UNKNOWN_BODY_WORDS = 4  # words of a body between its holder's title and rank ("أفواج عشائر الأنبار")


def _given_name_title(seg: Doc, role: str, first: int, last: int) -> bool:
    """"الفريق أمير يار الله": after a rank, a title of one word that is also a given name
    (romanization.tsv knows it: "أمير") and a word of a name after it, without the article,
    is the holder's given name, not a second title."""
    tokens, lang = seg.tokens, seg.language
    titles = title_matcher(lang)
    after_rank = role == "commander" or any(
        (hit := titles.match_at(tokens, k)) is not None and hit[1] == first and hit[2][0] == "commander"
        for k in range(max(0, first - _RANK_WORDS), first))
    return after_rank and last - first >= 2 and tokens[first].text in name_words(lang) \
        and not tokens[first + 1].text.startswith(ARTICLE) and not names_something(seg, first + 1) \
        and titles.match_at(tokens, first + 1) is None


def _title_at(titles, tokens, k: int, *roles: str) -> bool:
    """Whether a title of one of ``roles`` of titles.tsv starts at token k: a rank, "commander" ("قائد
    عمليات X في العراق الفريق الركن Y": the name follows it), or a word that only says a name
    follows, "named" ("السيدة", "المدعو")."""
    hit = titles.match_at(tokens, k)
    return hit is not None and hit[0] == 0 and hit[2][0] in roles


def _closes_sentence(tokens, k: int) -> bool:
    """Whether token k ends its sentence (a full stop, or another sentence starts there)."""
    return k >= len(tokens) or tokens[k].text in _SENTENCE_ENDS or tokens[k].sentence != tokens[k - 1].sentence


_SENTENCE_ENDS = frozenset(".!?؟")
_ON_BEHALF = "باسم"
_DESCRIBED = "described"  # titles.tsv's role of a noun that describes the person named after it
_RANK_WORDS = 3  # the words of the longest rank ("الفريق أول الركن")
_FROM = "من"
_TO = "ل"  # the preposition joined to a head's title served by the title before ("للأمين العام")
_AGED_MAX = 5  # words of a name before its age, between commas ("هاجر عطا الله عبد الحميد")


def aged_person(seg, i, history) -> list[Mention] | None:
    """"اللاجئة العراقية، هاجر عطا الله عبد الحميد، البالغة من العمر 48 عاماً", "الشاب محمد نجيب
    البالغ من العمر 21 عاماً": before a person's age at token i (titles.tsv, aged), a name of
    two to five words without the article, after a comma or a word that ends a clause."""
    tokens, stop = seg.tokens, stopwords(seg.language)
    parts, ends = function_words(seg.language, "name_part"), function_words(seg.language, "name_end")
    last = i - (i > 0 and tokens[i - 1].text == COMMA)
    first = last
    while first > 0 and last - first < _AGED_MAX and tokens[first - 1].is_word \
            and tokens[first - 1].sentence == tokens[i].sentence and (
                not _ends_a_clause(seg, first - 1, stop)
                or first > 1 and tokens[first - 2].text in parts and tokens[first - 1].text.startswith(ARTICLE)
                or tokens[first - 1].text in ends
                or first == last and tokens[first - 1].text.startswith(ARTICLE) and tokens[first - 1].text not in stop):
        first -= 1  # "عبد الحميد", "عطا الله", a family name last ("الخطيب"): the article inside a name
    before = tokens[first - 1] if first > 0 else None
    if not 2 <= last - first or before is None or before.sentence != tokens[i].sentence \
            or not (before.text == COMMA or before.text.startswith(ARTICLE) and before.text not in stop) \
            or any(read_number(seg, n) is not None or names_something(seg, n) for n in range(first, last)) \
            or any(m.last_token > first for m in history.mentions[-3:]):
        return None
    start, stop_ = tokens[first].start, tokens[last - 1].end
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop_))]
    label_en, guessed = english_label(seg, label_ar, "{name}", label_ar)
    name_norm = " ".join(t.text for t in tokens[first:last])
    return [Mention(start, stop_, first, last, f"person-{slug(name_norm)}", "Person", label_ar, label_en, "global",
                    "person", label_guessed=guessed)]


def _given_name_out(seg: Doc, place: Mention, gaz) -> Mention | None:
    """"مختار قرية أدعيرات ياسين الطائي": an unknown place of two words after a leader's title, then
    one family name that ends the phrase: no person has a family name alone, so the place's
    second word is the given name. The place of one word; None when the words do not read so."""
    tokens, lang = seg.tokens, seg.language
    hit = _cue_matcher(lang).match_at(tokens, place.first_token)
    last = place.last_token
    if hit is None or hit[2][2] or place.key in gaz or last - hit[1] != 2 or last >= len(tokens):
        return None
    family, after = tokens[last], tokens[last + 1] if last + 1 < len(tokens) else None
    stop = stopwords(lang)
    if not family.is_word or not family.text.startswith(ARTICLE) or family.text in stop \
            or family.sentence != tokens[last - 1].sentence or nisba_country(lang, family.text) is not None \
            or names_something(seg, last) or tokens[last - 1].text.startswith(ARTICLE) \
            or after is not None and after.is_word and after.text not in stop and after.sentence == family.sentence:
        return None
    first = hit[1]
    start, stop_ = tokens[first].start, tokens[first].end
    name_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop_))]
    etype, en_pattern = hit[2][0], hit[2][1]
    label_en, guessed = english_label(seg, name_ar, en_pattern, name_ar)
    return replace(place, end=stop_, last_token=first + 1, key=f"{etype.lower()}-{slug(tokens[first].text)}",
                   label_ar=name_ar, label_en=label_en, label_guessed=guessed)



def kunya_person(seg: Doc, i: int, kunyas, matcher) -> list[Mention] | None:
    """"أبو عائشة الأنصاري", "وأبو محمد الشامي": a kunya, a given name and a relative adjective,
    the name a fighter goes by (titles.tsv, kunya); a name the gazetteer knows is read as known."""
    tokens, lang = seg.tokens, seg.language
    hit = kunyas.match_at(tokens, i)
    if hit is None or matcher.match_at(tokens, i) is not None or i + 2 >= len(tokens):
        return None
    prefix = hit[0]
    given, nisba = tokens[i + 1], tokens[i + 2]
    stop = stopwords(lang)
    if not given.is_word or given.text.startswith(ARTICLE) or given.text in stop or names_something(seg, i + 1) \
            or not nisba.is_word or not is_nisba(nisba.text) or nisba.text in stop \
            or not given.sentence == nisba.sentence == tokens[i].sentence \
            or given.start - tokens[i].end > 1 or nisba.start - given.end > 1:
        return None
    start, stop_ = tokens[i].start + prefix, nisba.end
    label_ar = seg.norm.original[slice(*seg.norm.to_original(start, stop_))]
    label_en, guessed = english_label(seg, label_ar, "{name}", label_ar)
    name_norm = " ".join([tokens[i].text[prefix:], given.text, nisba.text])
    return [Mention(start, stop_, i, i + 3, f"person-{slug(name_norm)}", "Person", label_ar, label_en, "global",
                    "person", label_guessed=guessed)]


@language_data
def _quote_words(lang: Language) -> frozenset[str]:
    """speakers.tsv's quote words ("قوله", "قولها"): what a speaker said follows them; no name."""
    return frozenset(f for row in lang.table("speakers.tsv", ("kind", "forms")) if row["kind"] == "quote"
                     for f in row.forms("forms"))


def _family_name(seg: Doc, first: int, last: int) -> tuple[int, int]:
    """A name of two words without the article, and the family name after them when it has
    it and ends the phrase ("العقيد محمد خليل البازي من", "راكان سعيد الجبوري،")."""
    tokens, lang = seg.tokens, seg.language
    if last - first != 2 or last >= len(tokens) or any(t.text.startswith(ARTICLE) for t in tokens[first:last]):
        return first, last
    word, stop = tokens[last], stopwords(lang)
    if not word.is_word or not word.text.startswith(ARTICLE) or word.text in stop \
            or word.sentence != tokens[first].sentence or nisba_country(lang, word.text) is not None \
            or title_matcher(lang).starts(word.text) or _cue_matcher(lang).starts(word.text):
        return first, last
    after = tokens[last + 1] if last + 1 < len(tokens) else None
    if after is None or not after.is_word or after.text in stop or after.sentence != word.sentence:
        return first, last + 1
    return first, last


_BA, _TA_MARBUTA = "ب", "ه"  # normalized: ة is written ه
_PROCLITICS = frozenset("وفبل")  # one letter before a stopword: "بأن", "وفي" are no name


def _preposition_and_noun(word: str) -> bool:
    """"بسرعة", "بمشاركة": ب and a feminine noun, no given name ("رئيس الوزراء بسرعة تحرير")."""
    return word.startswith(_BA) and len(word) >= 5 and word.endswith(_TA_MARBUTA)
