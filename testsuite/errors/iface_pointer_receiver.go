package main

type Closer interface {
	Close() error
}

type T struct{}

func (t *T) Close() error { return nil }

func main() {
	var t T
	var c Closer = t
	_ = c
}
