package entities

import (
	"fmt"
	"os"
	"testing"

	"github.com/techschau/techschau/german"
)

func TestTokDebug(t *testing.T) {
	s := os.Getenv("TOKS")
	if s == "" {
		t.Skip()
	}
	for _, tk := range german.Tokens(s) {
		fmt.Printf("%q/%v ", tk.Text, tk.Kind)
	}
	fmt.Println()
	r, _ := New()
	for _, e := range r.Recognize(s) {
		fmt.Printf("%s %s %s %v\n", e.ID, e.Type, e.Source, e.Mentions)
	}
}
