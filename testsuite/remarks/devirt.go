package main

import "fmt"

type Closer interface {
	Close() error
}

type file struct{ name string }

func (f *file) Close() error {
	fmt.Println("close", f.name)
	return nil
}

type counter int

func (c counter) Close() error { return nil }

// The dynamic type is known: the call is made direct, then inlined.
func known() {
	var c Closer = &file{"a"}
	c.Close()
}

// Known in a defer too.
func deferred() {
	var c Closer = counter(1)
	defer c.Close()
}

// Unknown: the parameter could hold any Closer.
func unknown(c Closer) {
	c.Close()
}

// Assigned twice: no single store.
func twice(b bool) {
	var c Closer = counter(2)
	if b {
		c = &file{"b"}
	}
	c.Close()
}

func main() {
	known()
	deferred()
	unknown(&file{"c"})
	twice(true)
}
