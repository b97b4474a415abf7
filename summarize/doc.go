// Package summarize makes extractive summaries and keyphrases of German
// (tech) news: it picks the article's own sentences and reports them with
// byte offsets into the original text.
//
//	s, err := summarize.New(summarize.WithSentences(3))
//	if err != nil { … }
//	for _, x := range s.Summarize(text).Sentences {
//		fmt.Println(x.Start, x.End, x.Text) // text[x.Start:x.End] == x.Text
//	}
//
// # Scoring
//
// Every sentence gets a linear score from a few features: its rank among
// the eligible sentences (bins for the first four and 1/(1+rank)), its
// centrality (content-word stems it shares with the rest of the text,
// normalised by the square root of its distinct stems), its overlap with the
// first sentence and with the first three, its length in words (very short
// sentences lose), whether it opens with a word that needs context ("Er",
// "Damit", "Trotz dieser …"), and whether it has quotes or numbers. Content
// words are Word tokens that are not stop words ([german.IsStopWord]),
// reduced to Snowball stems ([german.Stem]); hyphenated compounds count as a
// whole and by their parts ("Huawei-Chips": Huawei, Chips). The weights were
// fitted on the 10kGNAD dev teasers (see internal/cmd/evalsum) by ridge
// regression of each sentence's ROUGE against the teaser; when two or more
// sentences are asked for, the first n sentences get a small bonus, chosen by
// cross-validation. Editors' teasers complement the lead sentence rather
// than repeat it, so the fitted weights favour the second and third
// sentences over the first. Line units without final
// punctuation (headings, list items, see [german.Sentence].Line) keep a
// fifth of their score, so they are rarely chosen. [Hints].Boost adds to the
// score.
//
// Sentences are then chosen greedily by maximal marginal relevance: relevance
// minus a penalty for content words already covered by the chosen sentences
// ([WithRedundancy]); a sentence whose content words are mostly covered
// counts as a near-duplicate. The summary is returned in article order.
//
// # Length
//
// [WithSentences] (default 3), [WithRatio] (a share of the eligible
// sentences) and [WithMaxChars] (a budget in characters; sentences are never
// cut) combine: the smaller count wins, and the character budget is kept.
//
// # Cost
//
// Work is linear in the text: one pass over the tokens, one over the
// sentences, and a lazy greedy selection with a bounded number of
// re-evaluations per chosen sentence; nothing is pairwise over sentences.
// Stems are cached in per-call scratch spaces that a Summarizer keeps for
// reuse.
//
// # Offsets
//
// Sentence offsets are bytes [Start, End) into the text given to
// [Summarizer.Summarize], or into seg.Text for
// [Summarizer.SummarizeSegmented]; text[Start:End] == Text always holds.
// SummarizeSegmented takes sentence spans as given, so a caller may shorten
// a sentence (to leave out a dateline such as "Wien – ") and the summary keeps
// the shortened span. Keyphrases are reported in one of their original
// surface forms.
//
// # Concurrency
//
// A [Summarizer] is immutable after [New] and safe for concurrent use.
// Output is deterministic: the same input and options give the same result.
package summarize
