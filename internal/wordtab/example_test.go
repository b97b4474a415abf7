package wordtab_test

import (
	"fmt"

	"github.com/techschau/techschau/internal/wordtab"
)

// A read-only table of cue words, looked up with a token's lower case and
// its hash, computed once.
func ExampleTable() {
	cues := wordtab.FromMap(map[string]string{
		"newsletter": "newsletter",
		"cookie":     "cookie",
		"impressum":  "copyright",
	}, wordtab.WithFilter(16))
	for _, w := range []string{"Newsletter", "Huawei", "Impressum"} {
		low, h, _ := wordtab.LowerHash(nil, w)
		kind, ok := cues.GetHashed(h, low)
		fmt.Println(w, kind, ok)
	}
	// Output:
	// Newsletter newsletter true
	// Huawei  false
	// Impressum copyright true
}

// A per-document count of word forms: Reset sizes the table for the
// document, Ref finds or adds a word.
func ExampleCache_Ref() {
	var counts wordtab.Cache[int]
	words := []string{"Chips", "aus", "China", "und", "Chips", "aus", "Taiwan"}
	counts.Reset(len(words))
	for _, w := range words {
		n, _ := counts.Ref(wordtab.Hash(w), w)
		*n++
	}
	n, _ := counts.Get("Chips")
	fmt.Println(counts.Len(), n)
	// Output:
	// 5 2
}

// Scratch caches wait on a free list between calls; a Get after a Put
// returns the same cache, still warm.
func ExampleFreeList() {
	caches := wordtab.NewFreeList(4, func() *wordtab.Cache[string] { return new(wordtab.Cache[string]) })
	c := caches.Get()
	c.Put("Abhängigkeiten", "abhang")
	caches.Put(c)
	stem, ok := caches.Get().Get("Abhängigkeiten")
	fmt.Println(stem, ok)
	// Output:
	// abhang true
}

func ExampleAppendLowerAligned() {
	low, aligned := wordtab.AppendLowerAligned(nil, "NVIDIA-Chips für Äcker")
	fmt.Println(string(low), aligned)
	// Output:
	// nvidia-chips für äcker true
}
