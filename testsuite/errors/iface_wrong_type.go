package main

type Closer interface {
	Close() error
}

type T int

func (T) Close() int { return 0 }

func use(c Closer) {}

func main() {
	use(T(1))
}
