// Package analyze is the techschau pipeline: one call turns a German (or
// English) tech-news text into a Document with its body and boilerplate,
// dateline, sentences, entities, technology-independence themes, summary
// and keyphrases.
//
//	doc, err := analyze.Analyze(ctx, text)
//	for _, t := range doc.Themes {
//		fmt.Println(t.ID, t.Score)
//	}
//
// For repeated use build an Analyzer once with New and options (WithLexicon,
// WithThemes, WithThemeThreshold, WithSummarySentences, WithMaxBytes,
// WithoutEntities ...) and share it.
//
// # Pipeline
//
// language check → sentences and tokens (german.Segment, once) → body versus
// boilerplate (judged per sentence and line unit: furniture signals, the
// unit's similarity to the article, its position around the article's run
// of prose; then, for a scraped page with line breaks, its layout line by
// line: title and repeats, kickers, captions with credits, info boxes,
// teaser and consent boxes) → dateline → entities (package entities, body sentences only) →
// themes → summary and keyphrases (package summarize, body sentences only).
// Boilerplate stays in the Document, marked, but feeds no entity, theme or
// summary. A Document that would lose more than half of its text says so
// (Warnings: WarnBoilerplateMajority) and then analyses the prose the
// detector was least sure of rather than nothing.
//
// Web pages: package analyze/webpage extracts a page's main text and
// metadata with go-trafilatura and analyses it with AnalyzeExtracted, which
// marks only the residue with furniture signals of its own; the Document
// then carries the extracted text (Text) and the page's metadata (Meta).
//
// # Themes
//
// The theme taxonomy is embedded JSON (themes.json; DefaultThemes) that a
// user can replace (WithThemes(LoadThemes(r, name))) or extend
// (Taxonomy.Merge). THEMES.md in this directory is the annotation guide:
// what each theme promises, with borderline cases. The tagger sums the
// taxonomy's cues per body sentence (boilerplate feeds no theme). A
// sentence model scores each sentence with cues of a theme — is it mainly
// about the theme? — from the kind and weight of its cues, whether they
// stand in a main clause or are verbs of the theme's events, hedges
// ("könnte") and questions, its place and its neighbours. A document
// model weighs that with the document's evidence: the densest sentences,
// how many sentences carry cues, the cue density of the whole body,
// headline and lead, entity cues, negation, the context a theme requires
// (technology) and one that speaks against it (a device review naming its
// processor). Both are logistic models whose weights all themes share
// (themes_model.json; DefaultThemeModel, WithThemeModel). A passing word
// is not enough, and most news carries none of the themes: an empty list
// is the normal answer. The models were fitted on the team's labels of
// real news, the sentence model on the labelled evidence sentences; their
// settings were chosen by cross-validation (internal/cmd/evalthemes in the
// repository). Each listed Theme has up to three evidence sentences, the
// one the sentence model rates highest first, and its actors: the
// entities acting in them.
//
// # Offsets
//
// All spans are byte offsets [Start, End) into the text passed to Analyze;
// where a span has a Text, text[Start:End] == Text. Invalid UTF-8 is kept
// in place and never moves an offset.
//
// # Input and languages
//
// Before any stage runs, a guard decides what the input is:
//   - empty input, and input of nothing but white space, gives an empty
//     Document with Language "" and no error;
//   - bytes that are not text give ErrNotText: a known binary magic number
//     (PDF, ZIP, PNG, JPEG, gzip, ELF …), a UTF-16 byte order mark, a NUL
//     byte anywhere, or more than 10% control characters and invalid UTF-8
//     (German in Latin-1 has about 2% and is analysed);
//   - the writing system comes first: a text whose letters are mostly not
//     Latin (Han, kana, Hangul, Cyrillic, Arabic, Hebrew, Greek, Devanagari
//     …), or that has no letters, gets ErrUnsupportedLanguage, however short;
//   - then function words among the first 600 words: German and English
//     ones, and those of other European languages written in Latin letters
//     (French, Spanish, Italian, Portuguese, Dutch, Polish, Czech, Turkish,
//     Scandinavian), together with letters German has not (ł ş ř ő …).
//     From 20 words on, the text must have a share of German (or English)
//     function words of at least 6% and no fewer than any other list's;
//     a shorter text is German unless two or more words say it is English
//     or another language.
//
// German is the target. English input is analysed with the entity lexicon
// (names, no German rules or model) plus prose v2's English NER over the
// first 16 KB of the body (prose reads about 50 KB per CPU-second; model
// loaded once; offsets recovered by searching each entity's text in its
// sentence), and with the summariser as for German; themes are German-only
// and stay empty for English. prose is never called for German text.
//
// # Hostile input
//
// Analyze takes time and memory linear in its input, whatever its shape:
// the german package cuts over-long words and sentences (MaxWordBytes,
// MaxSentenceTokens, MaxStemRunes), and no stage compares more than a
// sentence's worth of items with each other. The context is checked
// between sentences, so Analyze returns soon after a deadline.
//
// # Concurrency
//
// An Analyzer is immutable and safe for concurrent use. Batch analyses a
// stream with a bounded worker pool, in input order, cancellable through
// the context.
package analyze
