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
// The scorer values a summary as a whole, as an estimate of its ROUGE-1 F1
// against the teaser an editor would write: what its sentences and their
// distinct terms predict it shares with a teaser, divided by its length plus
// a pseudo teaser length. The parts (internal/sumscore lists them all):
//
//   - sentence features: rank among the eligible sentences, with length
//     interactions; overlap with the lead; centrality; length; numbers and
//     dates ("am Montag", "im Jänner", years); the verbs of announcements and
//     decisions ("kündigte … an", "beschlossen") and of reported speech
//     ("sagte", "sei"); names; and what a teaser avoids: quotes, questions,
//     scene-setting openers ("Als …", "Wer …", "Es war …"), meta sentences
//     ("Wie berichtet …", "Lesen Sie auch"), openers that need context ("Er",
//     "Damit", "Trotz dieser …");
//   - term features of each distinct content term (word stem or number),
//     counted once however many of the summary's sentences repeat it — the
//     redundancy control: frequency, spread, first position, capitalisation,
//     length; the keyphrase signals;
//   - the headline: each distinct term a summary shares with it
//     ([Hints].Headline, or the first line when it reads as a headline);
//     the headline itself is never chosen;
//   - the salience of the distinct entities the summary mentions
//     ([Hints].Entities; the pipeline passes those of package entities);
//   - its length and its distinct function words.
//
// Content words are Word tokens that are not stop words
// ([german.IsStopWord]), reduced to Snowball stems ([german.Stem]). The
// weights (model.json) were fitted on the teaser/body pairs of 10kGNAD by
// go run ./internal/cmd/evalsum -write summarize/model.json, which also
// reports their cross-validated ROUGE against Lead-k; the word lists are the
// team's own (words.go), and no weight belongs to a word.
//
// A beam search then builds the summary: the best summaries of one sentence
// (drawn from the ten best single sentences), extended sentence by sentence,
// the three best kept at each size. Line units without final
// punctuation (headings, list items, see [german.Sentence].Line) and
// sentences cut short by an ellipsis (a page's teaser residue "… wie die
// Zeichen der ...") are taken only when too few other sentences are left. [Hints].Boost adds to a
// sentence's value. Summaries of more than eight sentences ([WithRatio] on a
// long text) are chosen greedily by single-sentence value with maximal
// marginal relevance ([WithRedundancy]). The summary is returned in article
// order.
//
// # Length
//
// [WithSentences] (default 3), [WithRatio] (a share of the eligible
// sentences), [WithChars] (a budget in characters) and [WithMaxChars] (a hard
// cap in characters) combine: the smaller count wins, and the character
// limits are kept. Sentences are never cut. A [WithChars] budget never
// empties a summary: when even the best sentence is longer than the budget,
// the summary is that sentence; [WithMaxChars] then gives an empty summary.
//
// # Cost
//
// Work is linear in the text: one pass over the tokens, one over the
// sentences and their terms, and a search of fixed size over the best
// sentences; nothing is pairwise over sentences. Stems are cached in per-call
// scratch spaces that a Summarizer keeps for reuse.
//
// # Offsets
//
// Sentence offsets are bytes [Start, End) into the text given to
// [Summarizer.Summarize], or into seg.Text for
// [Summarizer.SummarizeSegmented]; text[Start:End] == Text always holds.
// SummarizeSegmented takes sentence spans as given, so a caller may shorten
// a sentence and the summary keeps the shortened span; to leave out a
// dateline ("Wien – ") but report its sentence whole, pass it as
// [Hints].Skip. Keyphrases are reported in one of their original surface
// forms.
//
// # Concurrency
//
// A [Summarizer] is immutable after [New] and safe for concurrent use.
// Output is deterministic: the same input and options give the same result.
package summarize
