package entities

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// TestDebugPrint prints the entities of the file in $DEBUG_FILE (article part of
// the seed page format), for looking at errors; NOMODEL=1 turns the model off.
func TestDebugPrint(t *testing.T) {
	f := os.Getenv("DEBUG_FILE")
	if f == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(f)
	text := string(b)
	if i := strings.Index(text, "- Die besten Bücher"); i > 0 {
		text = text[:i]
	}
	var opts []Option
	if os.Getenv("NOMODEL") != "" {
		opts = append(opts, WithoutModel())
	}
	r, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range r.Recognize(text) {
		fmt.Printf("%-7s %-22s %-28s sal=%.2f conf=%.2f %s:", e.Type, e.ID, e.Name, e.Salience, e.Confidence, e.Source)
		for _, m := range e.Mentions {
			fmt.Printf(" %q@%d", m.Text, m.Start)
			if m.Form != m.Text {
				fmt.Printf("(%s)", m.Form)
			}
			if m.Derived {
				fmt.Print("*")
			}
		}
		fmt.Println()
	}
}
