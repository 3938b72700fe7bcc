package main

type Closer interface {
	Close() error
}

type File struct{}

func (f *File) Close() error { return nil }

type Wrapped struct {
	File
}

func main() {
	var c Closer = Wrapped{}
	_ = c
}
