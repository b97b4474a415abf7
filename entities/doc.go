// Package entities finds and canonicalises the named entities of German tech
// news: companies, labs and authorities (ORG), people (PER), places (LOC),
// products such as chips, AI models, platforms and apps (PRODUCT), and named
// laws, events and programmes (MISC).
//
//	r, err := entities.New()
//	if err != nil { … }
//	for _, e := range r.Recognize("Die chinesische KI-Firma DeepSeek nutzt Huaweis Ascend-Chips.") {
//		fmt.Println(e.ID, e.Type, len(e.Mentions))
//	}
//
// Three sources find entities, in this order of precedence:
//
//  1. The lexicon: an embedded default lexicon of about 2,100 entries (AI and
//     chip companies and labs of the US, China, the EU, Taiwan, Korea and Japan,
//     makers, game studios, banks, telecoms and retailers of Germany, Austria
//     and Switzerland, the product lines of tech news — phones, GPUs and AI
//     chips, CPUs, AI models, operating systems, cameras, consoles, cars —,
//     regulators, courts, chambers and public bodies, universities and
//     institutes, the world's countries, regions and cities with their German
//     names and adjectives, media and programmes, parties, indices, named
//     events and laws, and the people tech news quotes most), extendable by
//     the user (WithExtraLexicon) or replaced (WithLexicon).
//  2. Rules for names the lexicon lacks: people after role nouns and titles
//     ("KI-Forscher Ritwik Gupta", "CEO …", "Prof. …") or with a known first
//     name; organisations by legal form ("… GmbH", "… Inc."), by head noun
//     ("Start-up …", "Chiphersteller …", "Universität …", "Institut für …") and
//     products by head noun and shape ("Modell R2", "Chip H20"); later short
//     mentions ("Gupta") are linked to the full name. Capitalisation alone is
//     never taken as evidence: every German noun is capitalised.
//     Products with a model designation are one PRODUCT canonicalised to line
//     plus model ("Windows 8.1" → windows-8-1, parent windows; "Galaxy S25
//     Ultra", "RTX 5070 Ti", "Oppo Find 7"; "Windows 8 und 8.1" names two
//     models). Institutions, events, laws and streets are found by their German
//     shape ("Finanzministerium", "US-Notenbank", "Wiener Straflandesgericht",
//     "Bundestagswahl 2025", "Ukraine-Krieg", "Gebäudeenergiegesetz",
//     "Münzstraße"). Bylines, photo credits and agency marks ("(Renate Graber,
//     10.5.2016)", "Sven Hoppe/dpa") name no entity.
//  3. The statistical model of internal/ner, run per sentence with the lexicon
//     as hints (Lexicon.Hints); it only adds names that overlap nothing the
//     lexicon or the rules found, after a precision filter (no MISC; no
//     acronym, unit or common noun alone; a place the lexicon lacks only after
//     a locative preposition and with a place-name ending; no person ending in
//     a common noun or made of English words). WithoutModel turns it off.
//
// # Matching German names
//
// The lexicon matcher works on tokens (package german), each lower-cased and
// hashed once per text; in the common case a token costs one probe of a bit
// filter. It knows German morphology: genitive -s
// ("Huaweis", "Chinas", "OpenAI’s"), hyphen compounds with the name as any part
// ("Huawei-Chips", "Ascend-Prozessor", "US-Technologie", "Huawei-Chip-Problemen";
// "KI-Firma" is no entity), adjective and demonym forms ("chinesische",
// "US-amerikanischen", "Franzose" → derived mentions of the place), case
// variants ("NVIDIA", "Nvidia"), multi-word names with inflected adjectives
// ("Deutschen Telekom", "Europäischen Parlament"), and never matches inside an
// unrelated word ("Intel" is not in "Intelligenz"). All-caps aliases and
// aliases marked ambiguous match only with their exact case; ambiguous ones
// ("Arm", "R2", "Pixel") also need context: the entity, its parent or a child
// named unambiguously in the same text, a head noun right before them ("Modell
// R2"), a version after them ("Pixel 10 Pro"), or a coordinated name of the
// same type ("Signal und Telegram"). Sources in a dateline ("PEKING (IT
// BOLTWISE) –") are not entities.
//
// # Lexicon format
//
// A lexicon is a JSON object with an "entries" array (other top-level fields
// such as "description" are ignored):
//
//	{"entries": [
//	  {"id": "huawei", "name": "Huawei", "type": "ORG", "aliases": ["Huawei Technologies"],
//	   "country": "CN", "wikidata": "Q160120"},
//	  {"id": "huawei-ascend", "name": "Huawei Ascend", "type": "PRODUCT",
//	   "aliases": ["Ascend", "Ascend 910B"], "parent": "huawei", "country": "CN"},
//	  {"id": "china", "name": "China", "type": "LOC", "adjectives": ["chinesisch", "Chinese"], "country": "CN"},
//	  {"id": "arm", "name": "Arm", "type": "ORG", "aliases": ["Arm Holdings"], "ambiguous": ["Arm"]}
//	]}
//
// Fields: id (required; a lower-case ASCII slug, unique), name (required; the
// canonical name, also matched), type (required; ORG, PER, LOC, PRODUCT, MISC;
// OTH reads as MISC), aliases (other names, matched like the name),
// adjectives (adjective or demonym stems, matched with the endings -e, -en, -er,
// -es, -em, -n, -in, -innen; they make derived LOC mentions), ambiguous (those of
// name and aliases that need context, see above), parent (id of the owner),
// country (ISO 3166-1 alpha-2 or "EU"), wikidata (a QID, only where certain).
// Unknown fields are errors. LoadLexicon reports problems as errors wrapping
// ErrInvalidLexicon that name the source, the entry index and line, and the
// field.
//
// # Mentions, ids, salience
//
// A mention's span covers the name's own bytes ("Huawei" in "Huawei-Chips",
// "China" in "Chinas"); Form holds the whole token(s). Derived mentions span the
// whole adjective ("chinesische"). Lexicon entities carry the lexicon id;
// entities of the rules and the model a slug of their name ("ritwik-gupta").
// Products extended by a version get the base id plus the version
// ("google-pixel-10-pro", parent "google-pixel"). Salience grows with the number
// of mentions, mentions in the headline and first sentences, and mentions at the
// start of a sentence (the usual subject position), and is scaled so that the
// most salient entity has 1. Entities are sorted by salience, then id.
//
// # Offsets
//
// All offsets are byte offsets [Start, End) into the caller's original text:
// text[m.Start:m.End] == m.Text for every mention. Invalid UTF-8 is tolerated.
//
// # Concurrency
//
// A Recognizer and a Lexicon are immutable after construction and safe for
// concurrent use. The default lexicon and the model are loaded once, on first
// use.
//
// # Performance
//
// Matching does no per-token allocation: a token's lower-cased form, hash and
// word-list bits are made once per text and shared by the matcher, the rules
// and the linker; the word sets of the hot path are open-addressing tables
// keyed by that hash behind small bit filters; per-call scratch is pooled.
// BenchmarkRecognize compares the default lexicon with the default plus
// 10,000 synthetic entries; BenchmarkRecognizeDocs recognises the gold
// articles one by one, as analyze does.
package entities
