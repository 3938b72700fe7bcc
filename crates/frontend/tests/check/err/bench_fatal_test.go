package x

import "testing"

func BenchmarkOK(b *testing.B) { b.Fatal("x") }
