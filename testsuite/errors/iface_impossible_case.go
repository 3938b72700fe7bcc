package main

type Closer interface {
	Close() error
}

type T struct{}

func (t *T) Close() error { return nil }

func main() {
	var c Closer = &T{}
	switch c.(type) {
	case T:
	}
}
