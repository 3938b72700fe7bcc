package main

type Closer interface {
	Close() error
}

type T int

func main() {
	var c Closer
	_ = c.(T)
}
