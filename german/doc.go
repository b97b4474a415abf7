// Package german is techschau's German text layer: normalisation for
// matching, sentence splitting, tokenisation with byte offsets, Snowball
// stemming and a stop-word list. It imports no other techschau package and
// depends only on the standard library, golang.org/x/text and
// github.com/blevesearch/snowballstem.
//
//	seg := german.Segment("Die KI-Firma DeepSeek verschiebt R2, z. B. wegen Huawei-Chips. Das kostet 3,5 Mrd. Euro.")
//	for _, s := range seg.Sentences {
//		fmt.Println(s.In(seg.Text))
//	}
//
// # Offsets
//
// Every span is a byte range [Start, End) into the caller's original
// string, and for every token t of text, text[t.Start:t.End] == t.Text.
// Sentence spans are trimmed: they run from the first byte of their first
// token to the last byte of their last token. Tokens and sentences are in
// order and do not overlap, and every byte that is not white space
// (unicode.IsSpace) lies in exactly one token. Invalid UTF-8 never breaks
// this: each invalid byte becomes a KindUnknown token of one byte.
// Normalize works on a copy; map its offsets back with
// Normalized.Original and Normalized.OriginalSpan.
//
// # Tokens
//
// Kinds are Word, Number, Punct, Symbol, URL, Email and Handle (@name,
// #tag). Decisions made on purpose:
//   - Hyphenated compounds are one Word ("NVIDIA-Chips", "E-Mail-Benachrichtigung",
//     "70-Jährige"); Token.Parts gives the parts with absolute offsets. A
//     truncation hyphen stays with its word ("Ein-" in "Ein- und Ausfuhr").
//   - Gender forms are one Word: "Ingenieur*innen", "Ingenieur:innen",
//     "Ingenieur_innen", "Mitarbeiter/innen", "Mitarbeiter/-innen", and so
//     are optional endings in parentheses right after a word
//     ("Beauftragte(r)", "Kolleg(inn)en"). The marker "(m/w/d)" and its
//     variants ("(w/m/d)", "(m/f/d)", "(m/w/x)") are one Symbol token,
//     parentheses included, so that no word is made of them.
//   - Abbreviations keep their period: "z." "B." "Dr." "Mrd." "bzw."
//     "B.Sc." "z.B."; so do single letters (initials, "J. R. R. Tolkien") and
//     ordinals ("1." in "1. Mai", "3. Quartal", "im 20. Jahrhundert",
//     "1. FC Köln"), which are Number tokens. A period that ends a sentence
//     is a Punct token of its own.
//   - Numbers keep German separators: "3,5", "1.000", "12.04.2016", "10:30".
//   - Apostrophes between letters stay in the word ("geht's"); "&" between
//     capitals too ("AT&T").
//
// # Sentences
//
// A sentence ends after final punctuation (. ! ? … and runs such as "?!",
// and emoticons such as ";-)"),
// together with closing quotes and brackets right after it („…“ »…« "…"),
// when the next token starts a sentence: an upper-case word, a number, an
// opening quote or bracket before an upper-case word. Abbreviations,
// initials and ordinals do not end sentences; "usw.", "etc." and a few
// others do when an upper-case word follows. Lines count: a blank line
// always ends a sentence, a line break after final punctuation ends it, and
// a line without final punctuation (heading, list item, job title) is a
// unit of its own with Sentence.Line set — unless the next line starts with
// a lower-case word and the line ends in a word, number, comma or hyphen
// (a wrapped line), which continues the sentence. A number with a period
// that opens a sentence ("2. Soziale Bewegungen") is a list number. Within a
// line, a sentence without final punctuation also ends before a capitalised
// word that can only start a clause ("… sehr teuer Wir kommen wieder"):
// pronouns, adverbs, conjunctions, some prepositions and finite
// auxiliaries, never articles, which begin names ("Die Presse").
// Following the Universal Dependencies convention, a colon after a clause
// of at least four words ends a sentence when a capitalised article,
// pronoun or clause starter follows ("… steht eine Entscheidung bevor: Der
// Minister reist …"); a noun (a list), a quotation („…“) or a short lead
// ("Der Grund: Die Chips") does not.
//
// On Universal Dependencies German GSD (dev), sentences joined by spaces,
// boundary precision is 0.999, recall 0.989, F1 0.994 (TestSentencesUDGerman);
// most misses are sentences that end without any punctuation.
//
// # Hostile input
//
// Every function is linear in the length of its input, whatever its shape.
// Two caps make sure of it without touching real text: a run of letters or
// digits longer than MaxWordBytes (1 KB) is one KindUnknown token, opaque
// to the stages that stem, look up or match words; and a run of text with
// no sentence boundary is cut into units of at most MaxSentenceTokens (512)
// tokens. Stem returns a word of more than MaxStemRunes (64) runes
// lower-cased but not stemmed. None of the 5,220 real news pages in the
// team's evaluation data reaches any of these limits.
//
// # Stems, stop words, normalisation
//
// Stem lower-cases and applies the Snowball German algorithm in its classic
// version (35,033 of 35,033 words of the official vocabulary); it runs a
// port of the algorithm that allocates nothing when the stem is a prefix of
// an already lower-case word, checked word for word against
// blevesearch/snowballstem/german, which handles the rest. IsStopWord
// expects lower-case input (Lower). Normalize folds typographic variants
// and applies NFC for matching; Normalized.Original maps back.
//
// # Performance
//
// Tokens allocates one slice; Segment one token slice and one sentence
// slice, the sentences' Tokens being subslices; SegmentInto reuses those of
// an earlier result, so a pipeline that segments text after text need not
// allocate; Sentences, AllSentences, AllTokens and SegmentSeq (sentences
// with their tokens, streamed) scan with a small fixed buffer, which keeps
// a multi-megabyte text cheap per byte. Scanning is hand-written byte
// code with ASCII and Latin-1 fast paths; abbreviation, stop-word and
// ordinal lookups are switches on substrings and never allocate.
//
// # Concurrency
//
// All functions are safe for concurrent use: the package has no mutable
// state apart from a sync.Pool of scratch environments for the reference
// stemmer. A Segmented or Normalized is not modified after it is returned and
// may be shared between goroutines.
package german
