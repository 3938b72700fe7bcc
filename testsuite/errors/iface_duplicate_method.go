package main

type Closer interface {
	Close() error
	Close() error
}

func main() {
	var c Closer
	_ = c
}
