// Package ner is the statistical German named-entity tagger of techschau: an
// averaged structured perceptron over hashed features, decoded with
// first-order Viterbi over BIO labels for PER, ORG, LOC and MISC (PRODUCT folds
// into MISC). The trained model is embedded (model.bin.gz) and loaded once, on
// first use, by Default.
//
//	m, err := ner.Default()
//	labels := m.Tag(words, hints, nil)   // one sentence; hints may be nil
//	for _, s := range ner.Spans(labels) { ... words[s.Start:s.End], s.Type ... }
//
// # Features
//
// Per token: the word, its lower-case form, prefixes and suffixes of one to
// four runes, a compressed word shape (Xx, XX-Xx, d.d), the words at ±1 and ±2,
// word bigrams, neighbouring shapes and suffixes, the first and last part of a
// hyphenated compound ("NVIDIA-Chips": nvidia, chips), sentence-initial position
// (capitalisation means little in German, and nothing at a sentence start),
// common-noun endings (-ung, -heit, -keit, -schaft, -tion, -ität, -ismus …) and,
// for models trained with them, the gazetteer Hint bits of the token and its
// neighbours. Models trained with TrainOptions.Quotes also see whether a token
// stands between quotation marks (titles of works, GermEval's OTH), and models
// trained with TrainOptions.WordStats carry a small table of word statistics
// learnt from the raw words of the training text (no labels): a case profile
// (how often the form is written lower case inside a sentence — "Deutsche" or
// "Neue" capitalised mid-sentence is part of a name, "Regierung" never is
// lower case) and a 24-bit distributional signature (SimHash of the left and
// right neighbours), whose 8-bit slices act as word clusters that reach words
// the labelled data never showed. Each feature is a 64-bit FNV/SplitMix hash of a template id and
// the bytes it looks at, mapped to one of 2^Bits rows of nine int16 weights: no
// strings are built and no Go maps are read while tagging (the word
// statistics are an open-addressed table keyed by the lower-case hash).
//
// # Speed
//
// Tag does not score every token. A lower-case word is never part of a name,
// so it may only be O; particles ("von", "der", "für", "&") are scored only
// where they can begin or join a name, and a short quoted title („Ecce
// homo“) is scored whole. In German news this leaves about 40 % of the
// tokens to score (5-fold F1 on GermEval dev moved by less than 0.001).
// The weights a word form contributes on its own and as a neighbour are
// memoised per scratch buffer, so a frequent word costs one lookup.
//
// # Hints
//
// Hint bits come from the caller's lexicon (entities.Lexicon.Hints). A model
// reports with UsesHints whether it was trained with them; one trained without
// hints ignores them. Hints must be computed the same way at training and at
// run time (internal/cmd/trainner -hints uses the entities default lexicon).
//
// # Training
//
// Train is deterministic: the same examples and options give the same model
// bytes. internal/cmd/trainner rebuilds the embedded model from the shared
// corpora; internal/cmd/evalner measures it (strict span F1, 5-fold CV on the
// GermEval 2014 dev file). Corpora that do not annotate MISC are learnt from
// with partial labels (their O may be MISC), and a few features are also learnt
// per corpus (domain adaptation); Tag uses the target domain (news and
// encyclopedia text, as GermEval).
//
// # Concurrency
//
// A Model is immutable; Tag may be called from many goroutines at once. Scratch
// buffers come from a sync.Pool.
package ner
