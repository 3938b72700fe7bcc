package main

type Closer interface {
	Close() error
}

type T struct {
	*Closer
}

func main() {
	var t T
	_ = t
}
