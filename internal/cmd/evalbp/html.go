package main

import (
	"context"
	"fmt"

	"github.com/techschau/techschau/analyze"
)

func evalHTML(ctx context.Context, an *analyze.Analyzer, c config) error {
	fmt.Println("html: not yet")
	return nil
}
