// Package conll reads the NER corpora the techschau model is trained and
// evaluated on, writes GermEval 2014 TSV back with predicted labels, and scores
// predictions with the strict span F1 of CoNLL and GermEval (outer level).
//
// Readers: ReadGermEval (GermEval 2014 TSV), ReadCoNLL (CoNLL-2002 style, e.g.
// the Europarl annotations), ReadEuropeana (Europeana Newspapers BIO files
// without sentence boundaries) and ReadSmartData (SmartData v1 JSONL with
// character offsets). All labels are mapped to the model's BIO labels over PER,
// ORG, LOC and MISC (GermEval OTH and PRODUCT become MISC).
//
// GermEval's deriv and part labels ("deutschen" LOCderiv, "Siemens-Chef"
// ORGpart) are read as O by default (FoldDrop): they are not names, and the
// library resolves adjectival place forms and compounds from its lexicon.
// FoldBase folds them into their base type instead.
package conll
