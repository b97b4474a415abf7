// Package wordtab is the one performance layer of techschau's word work:
// a hash for words, a read-only table, a growable cache, a bit filter, a
// free list, and the SWAR kernels that lower-case and classify eight bytes
// at a time. Every stage looks words up in tables on its hot path; they
// are all to use these (MIGRATION.md maps the older private tables onto
// them), so that a reader learns one dialect and a speed fix lands
// everywhere at once.
//
// # Which type for which job
//
//   - Hash: the 64-bit hash of a word, the same for a string and a byte
//     slice with the same bytes. Compute it once per token and hand it to
//     every lookup (the Hashed methods).
//   - Table: a map built once (a lexicon index, cue words, stop lists) and
//     then only read, optionally behind a Filter that rejects most misses
//     with one load.
//   - Cache: a map that grows while one goroutine works (what a stage
//     derived from a word, per-document counts), optionally bounded.
//   - Filter: a bit set over hashes with false positives and no false
//     negatives (n-gram and prefix filters).
//   - FreeList: where caches wait between documents; kept across garbage
//     collections, bounded.
//   - AppendLower, LowerHash, and the kernels of swar.go (Load64,
//     LowerASCII8, InRange8, ByteMask8, Alnum8, ...): each beside a plain
//     reference implementation that a test compares it with.
//
// # Concurrency
//
// A Table and a Filter are immutable once built: safe for any number of
// concurrent readers. A Cache belongs to one goroutine at a time: take it
// from a FreeList (safe for concurrent use), use it, put it back. The
// functions are pure.
//
// # Hot paths
//
// Lookups allocate nothing, take string or byte-slice keys, and accept a
// precomputed hash. Nothing here is keyed against hash flooding: a
// collision costs probes, never a wrong answer, because every lookup
// compares the key.
package wordtab
