// Package ner is a statistical named-entity tagger for German: an averaged
// structured perceptron over hashed features with first-order Viterbi decoding
// over BIO labels for PER, ORG, LOC and MISC. The trained model is embedded and
// loaded once (Default).
//
// # Concurrency
//
// A Model is immutable; Tag may be called from many goroutines at once.
package ner
