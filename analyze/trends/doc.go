// Package trends aggregates dated Documents into the corpus view: how often each
// technology-independence theme occurs per day, week or month, who acts in it, which
// entities go together, and when a theme surged.
//
//	agg, _ := trends.New(trends.WithPeriod(trends.Month))
//	for _, d := range docs {
//		agg.Add(d.ID, d.Date, d.Document) // streaming: nothing per document is kept
//	}
//	report := agg.Report()
//	out, _ := report.JSON()
//
// `techschau trends` reads `techschau batch` output through AddLine and prints Report.JSON;
// the Beam example combines with the same Aggregator and prints the same bytes.
//
// # What is counted
//
// Per period (the periods that have dated documents): the documents; per theme the
// documents carrying it, their share and the top actors (analyze.Theme.Actors); the top
// entities. Over all documents, dated or not: per theme its documents, share, top actors
// and the entities most associated with it (lift and PMI, with a minimum support);
// the top entities; the top co-occurring entity pairs (among each document's first
// WithPairEntities entities). Surges: periods whose share of a theme lies at least z
// standard deviations above the mean of the previous window periods, each with the ids of
// its best-scoring documents. Every count is a number of documents: an entity mentioned
// five times in a document counts once. Undated documents are counted apart.
//
// # Merging
//
// Aggregates merge exactly: for any split of a corpus into parts, aggregating each part
// and merging the aggregates (in any order and grouping) gives the same aggregate — the
// same Report and the same MarshalBinary bytes — as aggregating the corpus in one pass:
//
//	aggregate(A ∪ B) == merge(aggregate(A), aggregate(B))
//
// Documents, theme counts and the periods' figures are plain sums. The kept document ids
// are the top k of a total order (score, then id), and the top k of a union is the top k
// of the parts' top k. The entity, pair and actor tables are where a choice was needed.
// Their number of keys grows with the corpus: 5,220 real news pages mention 32,732 distinct
// entity ids, and 141,583 distinct pairs among their first ten entities. Keeping every key
// would make memory grow with the number of documents.
//
// # Memory and the tables
//
// Exact counts of every key cost memory in proportion to the vocabulary. The usual bounded
// summaries of the most frequent keys (Misra–Gries, Space-Saving) give results that depend
// on the order of the input and on how it was split, so the merge law would only hold
// approximately. A Count-Min sketch merges exactly (it is linear) but cannot name its keys.
// The tables here combine an exact table with a sketch and a deterministic sample of names:
//
//   - While a table holds at most its capacity of keys, it keeps every key with its exact
//     count.
//   - When it would hold more, its counts move into a Count-Min sketch (4 rows of twice the
//     capacity, rounded to a power of two, of 32-bit counters, laid out so that a key's four
//     counters share one cache line) that counts every occurrence from then on, and the
//     table keeps only a sample of the keys it can name.
//   - Each occurrence (a document id with an entity id, or with a pair) has a level: the
//     number of leading zero bits of a fixed 64-bit hash of the two ids (FNV-1a and
//     SplitMix64, part of the wire format). Half of the
//     occurrences have level 0, a quarter level 1, and so on. A table at level L names the
//     keys that have an occurrence of level L or more. L is the smallest level at which
//     those keys number at most the capacity, and it rises as keys arrive. A named key's
//     count is the sketch's estimate.
//
// Every part of this state is a function of the set of occurrences alone, not of their
// order or grouping:
//
//   - The level is determined by the keys' highest occurrence levels, and no part of a
//     split ever goes above the level of the whole.
//   - A key's highest level and its representative name are maxima.
//   - Exact counts are sums, and the sketch of a union is the sum of the sketches.
//
// Merging therefore gives the state of one pass: add the sketches (a table still exact
// contributes the sketch of its counts), raise both to the higher level, take the union of
// the named keys, and raise further while over capacity.
//
// The trade-off: memory is bounded by the capacity (WithCapacity) whatever the number of
// documents, and every count is exact while a table fits. When a table does not fit:
//
//   - Its counts are estimates that are never below the true count. The excess is about N
//     divided by the sketch's width, or less, where N is the table's occurrences.
//   - On 20,000 generated documents with 70 times more distinct ids than the table holds,
//     the top ten are ranked right and overestimated by 0.4–2.6 %.
//   - A key with c documents stays nameable at level L with probability 1 − (1 − 2^−L)^c.
//     So the long tail of one-off ids is what thins out, and the frequent ids a report
//     lists stay.
//   - Report.Estimated names the parts affected.
//
// An entity's name and type are those of its occurrence with the highest level (ties: the
// smaller name), the one a table keeps longest: one of the names the input gives it,
// chosen by hash, not the most frequent one. For lexicon entities every Document gives the
// same canonical name.
//
// Memory is at most the tables' capacities plus a bounded amount per period and theme.
// The defaults hold 65,536 entities and 131,072 pairs, with sketches of 2 and 4 MB once
// full. So memory grows with the calendar span of the input and the number of theme ids,
// never with the number of documents: streaming 1,000,000 generated documents over 48
// weeks, the live heap stays between 56 and 62 MB from the 150,000th document on
// (go run ./internal/cmd/evaltrends -mode memory -n 1000000).
//
// # Determinism
//
// The Report is a function of the aggregate alone: lists are sorted by count, then id;
// maps marshal with sorted keys; figures are rounded. The same documents, in any order
// and split any way, give the same bytes of JSON.
//
// # Concurrency
//
// An Aggregator is not safe for concurrent use. Aggregate in parallel with one Aggregator
// per goroutine and Merge them; MarshalBinary and UnmarshalBinary ship partial aggregates
// between processes.
package trends
