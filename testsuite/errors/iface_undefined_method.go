package main

type Closer interface {
	Close() error
}

func main() {
	var c Closer
	c.Open()
}
