package main

type Closer interface {
	Close() error
}

type Named interface {
	Closer
	Name() string
}

func main() {
	var c Closer
	var n Named = c
	_ = n
}
