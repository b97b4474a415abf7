package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuickstart runs the program and checks that it prints the three parts.
func TestQuickstart(t *testing.T) {
	f, err := os.CreateTemp(t.TempDir(), "out")
	require.NoError(t, err)
	defer f.Close()
	stdout := os.Stdout
	os.Stdout = f
	defer func() { os.Stdout = stdout }()
	main()
	os.Stdout = stdout

	_, err = f.Seek(0, io.SeekStart)
	require.NoError(t, err)
	b, err := io.ReadAll(f)
	require.NoError(t, err)
	out := string(b)
	for _, want := range []string{"Entities:", "Themes:", "Summary:"} {
		assert.Contains(t, out, want)
	}
	assert.Contains(t, strings.ToLower(out), "nvidia")
	assert.NotContains(t, out, " 1 mentions", "singular for one mention")
}
