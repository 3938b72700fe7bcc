package x

import "testing"

func BenchmarkBad(b *testing.T) {}

func BenchmarkOK(b *testing.B) { b.Fatal("x") }
