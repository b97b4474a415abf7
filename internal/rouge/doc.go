// Package rouge computes ROUGE-1, ROUGE-2 and ROUGE-L F1 scores between a
// candidate summary and a reference, for evaluating techschau's summaries.
//
// Scores are computed on token sequences. [Tokenize] turns German text into
// the sequence that is compared: word and number tokens of
// [german.Tokens], lower-cased, punctuation dropped, and with
// [WithStemming] reduced to their Snowball German stems.
//
// ROUGE-N counts clipped n-gram matches: an n-gram that occurs c times in
// the candidate and r times in the reference matches min(c, r) times.
// Precision is matches over candidate n-grams, recall matches over
// reference n-grams, F1 their harmonic mean. ROUGE-L uses the longest
// common subsequence of the two whole token sequences (the "rougeL"
// variant, not the sentence-union "rougeLsum"). An empty candidate or
// reference scores 0.
//
// [TeaserPair] turns a news article whose body starts with a dateline into
// an evaluation pair (the editor's teaser as reference), and [Evaluate] scores
// summarisers against [Lead] and [Random] baselines on such pairs.
package rouge
